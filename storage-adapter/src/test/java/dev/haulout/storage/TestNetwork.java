package dev.haulout.storage;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.server.LedgerServer;
import dev.haulout.chain.server.LedgerServerOptions;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import dev.haulout.storage.embedded.EmbeddedStorageNetwork;
import dev.haulout.storage.nodeproto.NodeProtocolBlobStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Test fixture: a real ledger server (PostgreSQL named by HAULOUT_PG_URL, a fresh schema, BLS
 * certificate checks) with {@code nShards} shards, an embedded network of storage nodes that
 * reaches it over HTTP, and a funded client wallet.
 */
public final class TestNetwork implements AutoCloseable {
  public final PgOptions pg;
  public final LedgerServer ledgerServer;
  public final Ledger ledger;
  public final EmbeddedStorageNetwork network;
  public final Ed25519KeyPair wallet = Ed25519KeyPair.generate();
  public final NodeProtocolBlobStore store;

  private TestNetwork(int nShards, EmbeddedNetworkOptions options) {
    pg = PgOptions.fromEnv(("storage_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT));
    ledgerServer = LedgerServer.start(LedgerServerOptions.defaults().withPg(pg)
        .withConfig(LedgerConfig.localnet().withNShards(nShards)).withCertificates(BlsCertificates.verifier())
        .withEpochCheckMs(0));
    ledger = HttpLedgerClient.create(ledgerServer.baseUrl());
    network = EmbeddedStorageNetwork.start(ledger, options);
    ledger.faucet(wallet.address(), 1_000L * 1_000_000_000L);
    store = network.blobStore(wallet);
  }

  public static TestNetwork start(int nShards, EmbeddedNetworkOptions options) {
    return new TestNetwork(nShards, options);
  }

  /**
   * Waits (at most 10 s) until every running node confirms the permanent blob, i.e. holds both
   * slivers of every pair of its shards. A write returns at quorum plus a grace period, so a slow
   * node may still be receiving its slivers; tests that need every node's copy call this.
   */
  public void awaitFullyStored(String blobId) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    long deadline = System.currentTimeMillis() + 10_000;
    for (int i = 0; i < network.size(); i++) {
      if (!network.isRunning(i)) {
        continue;
      }
      java.net.URI uri = java.net.URI.create(network.nodeUrl(i) + "/v1/blobs/" + blobId + "/confirmation/permanent");
      while (http.send(java.net.http.HttpRequest.newBuilder(uri).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
          .statusCode() != 200) {
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError("node " + i + " never stored all of " + blobId);
        }
        Thread.sleep(20);
      }
    }
  }

  /**
   * Polls {@code condition} every 10 ms until it holds; fails naming {@code what} after {@code
   * timeoutMs}. Tests derive the timeout from the constant they wait on (a generous multiple, for a
   * loaded 2-core machine) instead of sleeping for it.
   */
  public static void await(String what, long timeoutMs, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeoutMs + " ms: " + what);
      }
      Thread.sleep(10);
    }
  }

  /** Waits until every running node's committee cache is at {@code epoch} (20 × its TTL at most). */
  public void awaitNodesInEpoch(int epoch) throws InterruptedException {
    for (int i = 0; i < network.size(); i++) {
      if (network.isRunning(i)) {
        dev.haulout.storage.node.StorageNode node = network.node(i);
        await("node " + i + " sees epoch " + epoch, 20 * dev.haulout.storage.node.StorageNode.COMMITTEE_TTL_MS,
            () -> node.committee().epoch() >= epoch);
      }
    }
  }

  /** Waits until the test client's committee cache is at {@code epoch} (20 × its TTL at most). */
  public void awaitClientInEpoch(int epoch) throws InterruptedException {
    await("the client sees epoch " + epoch, 20 * NodeProtocolBlobStore.COMMITTEE_TTL_MS, () -> store.committeeEpoch() >= epoch);
  }

  @Override
  public void close() {
    store.close();
    network.close();
    ledger.close();
    ledgerServer.close();
    try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
         Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + pg.schema() + " CASCADE");
    } catch (Exception e) {
      throw new IllegalStateException("cannot drop " + pg.schema(), e);
    }
  }

  /**
   * A malicious writer's metadata: {@code honest}'s sliver hashes except that primary sliver 0 is
   * committed to {@code other}'s. Every sliver of {@code honest} but primary 0 verifies against it,
   * and a recovery of primary sliver 0 from {@code honest}'s symbols proves the encoding inconsistent.
   */
  static dev.haulout.erasure.metadata.VerifiedBlobMetadata inconsistentMetadata(
      dev.haulout.erasure.EncodingConfig cfg, dev.haulout.erasure.encoding.EncodedBlob honest,
      dev.haulout.erasure.encoding.EncodedBlob other, long length) {
    int n = cfg.nShards();
    byte[] primary = new byte[32 * n];
    byte[] secondary = new byte[32 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy((i == 0 ? other : honest).metadata().sliverHash(dev.haulout.erasure.Axis.PRIMARY, i), 0, primary, 32 * i, 32);
      System.arraycopy(honest.metadata().sliverHash(dev.haulout.erasure.Axis.SECONDARY, i), 0, secondary, 32 * i, 32);
    }
    return dev.haulout.erasure.metadata.VerifiedBlobMetadata.fromEncoder(
        dev.haulout.erasure.metadata.BlobMetadata.of(length, primary, secondary), cfg);
  }
}
