package dev.haulout.seal.server;

import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.policy.AccessPolicyPort;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The embedded default's t-of-n key servers: one loopback HTTP server per master key, all on one
 * shared Vert.x instance, each on its own ephemeral port and speaking the real protocol.
 */
public final class EmbeddedKeyServers implements AutoCloseable {
  private final Vertx vertx;
  private final List<KeyServerHandle> handles;

  private EmbeddedKeyServers(Vertx vertx, List<KeyServerHandle> handles) {
    this.vertx = vertx;
    this.handles = List.copyOf(handles);
  }

  /**
   * Starts {@code masterKeys.size()} servers; server i uses {@code masterKeys[i]} and {@code
   * objectIds[i]}. {@code tweak} may adjust each server's options (port, rate limit, ...).
   */
  public static EmbeddedKeyServers start(
      List<MasterKeyPair> masterKeys,
      List<SuiAddress> objectIds,
      SuiAddress policyPackage,
      AccessPolicyPort policy,
      UnaryOperator<KeyServerOptions> tweak) {
    if (masterKeys.size() != objectIds.size() || masterKeys.isEmpty()) {
      throw new IllegalArgumentException(
          "need one object id per master key, got " + masterKeys.size() + " keys and " + objectIds.size() + " ids");
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    List<KeyServerHandle> started = new ArrayList<>();
    try {
      for (int i = 0; i < masterKeys.size(); i++) {
        started.add(
            KeyServer.start(
                vertx,
                tweak.apply(
                    new KeyServerOptions()
                        .masterKey(masterKeys.get(i))
                        .objectId(objectIds.get(i))
                        .policyPackage(policyPackage)
                        .policy(policy))));
      }
    } catch (RuntimeException e) {
      new EmbeddedKeyServers(vertx, started).close();
      throw e;
    }
    return new EmbeddedKeyServers(vertx, started);
  }

  public static EmbeddedKeyServers start(
      List<MasterKeyPair> masterKeys, List<SuiAddress> objectIds, SuiAddress policyPackage, AccessPolicyPort policy) {
    return start(masterKeys, objectIds, policyPackage, policy, UnaryOperator.identity());
  }

  /** The running servers, in the order of the master keys. */
  public List<KeyServerHandle> handles() {
    return handles;
  }

  public KeyServerHandle get(int i) {
    return handles.get(i);
  }

  public int size() {
    return handles.size();
  }

  /** Stops every server, then the shared Vert.x instance. */
  @Override
  public void close() {
    for (KeyServerHandle h : handles) {
      h.close();
    }
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // closing is best effort; the servers are already stopped
    }
  }
}
