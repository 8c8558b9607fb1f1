package dev.haulout.seal.server;

import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.client.KeyServerInfo;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.policy.AccessPolicyPort;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test fixture: n real key servers ({@link EmbeddedKeyServers}) each with a fresh master key. */
public final class LoopbackKeyServers implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<KeyServerHandle> handles = new ArrayList<>();
  private final List<MasterKeyPair> keys = new ArrayList<>();
  private EmbeddedKeyServers embedded;

  public static SuiAddress randomAddress() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return SuiAddress.fromBytes(b);
  }

  public static LoopbackKeyServers start(int n, SuiAddress policyPackage, AccessPolicyPort policy) {
    return start(n, policyPackage, policy, UnaryOperator.identity());
  }

  public static LoopbackKeyServers start(
      int n, SuiAddress policyPackage, AccessPolicyPort policy, UnaryOperator<KeyServerOptions> tweak) {
    LoopbackKeyServers s = new LoopbackKeyServers();
    List<SuiAddress> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      s.keys.add(MasterKeyPair.generate(RANDOM));
      ids.add(randomAddress());
    }
    s.embedded = EmbeddedKeyServers.start(s.keys, ids, policyPackage, policy, tweak);
    s.handles.addAll(s.embedded.handles());
    return s;
  }

  public KeyServerHandle get(int i) {
    return handles.get(i);
  }

  public MasterKeyPair masterKey(int i) {
    return keys.get(i);
  }

  public int size() {
    return handles.size();
  }

  /** The client's view of every server (object id, URL, public key). */
  public List<KeyServerInfo> infos() {
    List<KeyServerInfo> out = new ArrayList<>();
    for (KeyServerHandle h : handles) {
      out.add(new KeyServerInfo(h.objectId(), URI.create(h.url()), h.publicKey()));
    }
    return out;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
