package dev.haulout.marketplace.adapter.embedded;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.server.LedgerServer;
import dev.haulout.chain.server.LedgerServerOptions;
import dev.haulout.marketplace.config.MarketplaceConfig;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.policy.LedgerAccessPolicy;
import dev.haulout.seal.server.EmbeddedKeyServers;
import dev.haulout.seal.server.KeyServerHandle;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import dev.haulout.storage.embedded.EmbeddedStorageNetwork;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The embedded default: starts the localnet ledger (PostgreSQL-backed, publishing its events to
 * the catalog's Kafka topic, checking storage certificates' BLS signatures), n storage nodes with a
 * Walrus-compatible publisher/aggregator, and t-of-n Seal key servers that decide through the
 * ledger, each on its own loopback port speaking its real HTTP protocol. Off unless {@code
 * haulout.embedded.enabled}.
 */
@ApplicationScoped
public class EmbeddedNetwork {
  private static final Logger LOG = Logger.getLogger(EmbeddedNetwork.class);

  private final MarketplaceConfig config;
  private final String kafka;
  private final String jdbcUrl;
  private final String dbUser;
  private final String dbPassword;
  private final Clock clock;
  private LedgerServer ledgerServer;
  private EmbeddedKeyServers keyServers;
  private EmbeddedStorageNetwork storage;

  public EmbeddedNetwork(
      MarketplaceConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String kafka,
      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
      @ConfigProperty(name = "quarkus.datasource.username") String dbUser,
      @ConfigProperty(name = "quarkus.datasource.password") String dbPassword,
      Clock clock) {
    this.config = config;
    this.kafka = kafka;
    this.jdbcUrl = jdbcUrl;
    this.dbUser = dbUser;
    this.dbPassword = dbPassword;
    this.clock = clock;
  }

  void onStart(@Observes @Priority(10) StartupEvent ev) {
    if (!config.embedded().enabled()) {
      return;
    }
    MarketplaceConfig.Embedded e = config.embedded();
    ledgerServer = LedgerServer.start(LedgerServerOptions.defaults()
        .withPort(e.ledgerPort())
        .withPg(new PgOptions(jdbcUrl, dbUser, dbPassword, e.ledgerSchema(), PgOptions.DEFAULT_POOL_SIZE))
        .withKafka(kafka, config.catalog().eventsTopic())
        .withConfig(LedgerConfig.localnet().withNShards(e.shards()))
        .withCertificates(BlsCertificates.verifier()));
    try {
      storage = EmbeddedStorageNetwork.start(ledgerServer.ledger(), EmbeddedNetworkOptions.defaults()
          .withNodes(e.storageNodes())
          .withBasePort(e.storageBasePort())
          .withDataDir(Path.of(e.stateDir(), "storage"))
          .withPublisher(e.publisherPort()));
      List<MasterKeyPair> keys = MasterKeyStore.loadOrCreate(Path.of(e.stateDir(), "keyservers"), e.keyServers());
      List<SuiAddress> ids = new ArrayList<>();
      for (MasterKeyPair k : keys) {
        ids.add(MasterKeyStore.objectIdOf(k));
      }
      int base = e.keyServerBasePort();
      int[] next = {0};
      keyServers = EmbeddedKeyServers.start(keys, ids, SuiAddress.parse(e.policyPackage()),
          LedgerAccessPolicy.of(ledgerServer.ledger()),
          o -> o.port(base == 0 ? 0 : base + next[0]++).clock(clock));
    } catch (IOException ex) {
      close();
      throw new UncheckedIOException("key servers' master keys cannot be read or written", ex);
    } catch (RuntimeException ex) {
      close();
      throw ex;
    }
    LOG.infof("embedded network: ledger %s; %d storage nodes %s; publisher/aggregator %s; %d-of-%d key servers %s",
        ledgerServer.baseUrl(), storage.size(), storage.nodeUrls(), storage.publisherUrl(), e.threshold(),
        keyServers.size(), keyServers.handles().stream().map(KeyServerHandle::url).toList());
  }

  void onStop(@Observes ShutdownEvent ev) {
    close();
  }

  /** The embedded ledger, or null when the network is not embedded. */
  public Ledger ledger() {
    return ledgerServer == null ? null : ledgerServer.ledger();
  }

  public String ledgerUrl() {
    return ledgerServer == null ? null : ledgerServer.baseUrl();
  }

  /** The embedded storage network, or null when the network is not embedded. */
  public EmbeddedStorageNetwork storage() {
    return storage;
  }

  public List<KeyServerHandle> keyServers() {
    return keyServers == null ? List.of() : keyServers.handles();
  }

  private void close() {
    if (keyServers != null) {
      keyServers.close();
      keyServers = null;
    }
    if (storage != null) {
      storage.close();
      storage = null;
    }
    if (ledgerServer != null) {
      ledgerServer.close();
      ledgerServer = null;
    }
  }
}
