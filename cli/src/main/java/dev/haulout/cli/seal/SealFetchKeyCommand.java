package dev.haulout.cli.seal;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.client.KeyFetchException;
import dev.haulout.seal.client.KeyServerInfo;
import dev.haulout.seal.client.SealApproveTransactions;
import dev.haulout.seal.client.SealKeyClient;
import dev.haulout.seal.client.VerifiedUserSecretKey;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.ServiceEntry;
import dev.haulout.seal.envelope.EnvelopeHeader;
import dev.haulout.seal.envelope.EnvelopeReader;
import dev.haulout.seal.session.SessionKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code haulout seal fetch-key}: the client side against live key servers. Creates a session key
 * signed by the user's Sui key, fetches and verifies the object's keys from any threshold of the
 * servers listed in keys.json (URLs and public keys; master keys are not used) and decrypts.
 */
@Command(
    name = "fetch-key",
    mixinStandardHelpOptions = true,
    description = "Fetch keys for an object or envelope from its key servers (t of n, verified) and decrypt it.")
public final class SealFetchKeyCommand implements Callable<Integer> {
  /** Environment variable holding the requester's {@code suiprivkey1...} key. */
  public static final String ENV_USER_KEY = "HAULOUT_USER_KEY";

  @Spec CommandSpec spec;

  @Option(names = "--keys", required = true, description = "keys.json listing the servers' object ids, URLs and public keys.")
  Path keys;

  @Option(names = "--in", required = true, description = "EncryptedObject (BCS) to decrypt.")
  Path in;

  @Option(names = "--out", description = "Write the plaintext here (default: only print the verified keys).")
  Path out;

  @Option(names = "--user-key-file", description = "File with the requester's suiprivkey1... (else env " + ENV_USER_KEY + ").")
  Path userKeyFile;

  @Option(names = "--module", defaultValue = "harness", description = "Policy module whose seal_approve is called.")
  String module;

  @Option(names = "--timeout", defaultValue = "10", description = "Per-server timeout in seconds.")
  long timeoutSeconds;

  @Option(names = "--no-consistency-check", description = "Skip the share-consistency check.")
  boolean noConsistencyCheck;

  @Override
  public Integer call() throws Exception {
    KeysFile file = KeysFile.read(keys);
    Ed25519KeyPair user = Ed25519KeyPair.fromSuiPrivateKey(userKey());
    boolean envelope = isEnvelope();
    EncryptedObject object;
    if (envelope) {
      try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(in)) {
        object = EnvelopeReader.readHeader(ch).sealedKeyObject();
      }
    } else {
      object = EncryptedObject.fromBytes(Files.readAllBytes(in));
    }
    List<KeyServerInfo> infos = new ArrayList<>();
    for (KeysFile.Server s : file.servers()) {
      if (s.url() != null) {
        infos.add(new KeyServerInfo(SuiAddress.fromBytes(s.objectId()), URI.create(s.url()), s.publicKey()));
      }
    }
    SealKeyClient client = SealKeyClient.create(infos, Duration.ofSeconds(timeoutSeconds));
    SuiAddress pkg = SuiAddress.fromBytes(object.packageId());
    SessionKey session = SessionKey.create(user, pkg, 10, Clock.systemUTC(), new SecureRandom());
    byte[] ptb = SealApproveTransactions.sealApprove(pkg, module, object.id());
    try {
      if (out == null) {
        Map<SuiAddress, Integer> weights = new LinkedHashMap<>();
        for (ServiceEntry e : object.services()) {
          weights.merge(SuiAddress.fromBytes(e.objectId()), 1, Integer::sum);
        }
        for (VerifiedUserSecretKey k : client.fetchKeys(session, ptb, object.id(), weights, object.threshold())) {
          spec.commandLine().getOut().println(k.keyServer() + " " + HexFormat.of().formatHex(k.key().toBytes()));
        }
        return 0;
      }
      if (envelope) {
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".fetch-key", ".part");
        try (java.io.InputStream src = new java.io.BufferedInputStream(Files.newInputStream(in));
            java.io.OutputStream dst = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
          EnvelopeReader.decrypt(src, dst, client.dataKeyResolver(session, module));
        } catch (RuntimeException | java.io.IOException e) {
          Files.deleteIfExists(tmp);
          throw e;
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        spec.commandLine().getOut().println("decrypted envelope to " + out + " as " + user.address());
        return 0;
      }
      byte[] plain = client.decrypt(object, session, ptb, !noConsistencyCheck);
      Files.write(out, plain);
      spec.commandLine().getOut().println("decrypted " + plain.length + " bytes to " + out + " as " + user.address());
      return 0;
    } catch (KeyFetchException e) {
      spec.commandLine().getErr().println("error: " + e.code() + " (" + e.majorityError() + "): " + e.getMessage());
      return 1;
    }
  }

  private boolean isEnvelope() throws java.io.IOException {
    try (java.io.InputStream s = Files.newInputStream(in)) {
      return java.util.Arrays.equals(s.readNBytes(4), EnvelopeHeader.MAGIC);
    }
  }

  private String userKey() throws java.io.IOException {
    if (userKeyFile != null) {
      return Files.readString(userKeyFile, StandardCharsets.UTF_8).strip();
    }
    String v = System.getenv(ENV_USER_KEY);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("give --user-key-file or set " + ENV_USER_KEY);
    }
    return v.strip();
  }
}
