package dev.haulout.storage;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.server.LedgerServer;
import dev.haulout.chain.server.LedgerServerOptions;
import dev.haulout.storage.bls.BlsCertificateVerifier;
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
        .withConfig(LedgerConfig.localnet().withNShards(nShards)).withCertificates(BlsCertificateVerifier.create())
        .withEpochCheckMs(0));
    ledger = HttpLedgerClient.create(ledgerServer.baseUrl());
    network = EmbeddedStorageNetwork.start(ledger, options);
    ledger.faucet(wallet.address(), 1_000L * 1_000_000_000L);
    store = network.blobStore(wallet);
  }

  public static TestNetwork start(int nShards, EmbeddedNetworkOptions options) {
    return new TestNetwork(nShards, options);
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
}
