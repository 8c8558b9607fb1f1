package dev.haulout.marketplace.adapter.embedded;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.dataset.KeyServerDirectory;
import dev.haulout.dataset.KeyServerRegistration;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private Ed25519KeyPair operator;

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
      Path keyDir = Path.of(e.stateDir(), "keyservers");
      List<MasterKeyPair> keys = MasterKeyStore.loadOrCreate(keyDir, e.keyServers());
      operator = MasterKeyStore.operatorKey(keyDir);
      int base = e.keyServerBasePort();
      // register first: the ledger assigns each KeyServer's object id, which the server then serves
      // in /v1/service; the same keys and operator find their objects again on a restart
      List<KeyServerRegistration.Spec> specs = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        specs.add(new KeyServerRegistration.Spec("haulout-ks-" + i, keys.get(i).publicKey().toBytes(),
            base == 0 ? "http://127.0.0.1/" : "http://127.0.0.1:" + (base + i), 1));
      }
      List<SuiAddress> ids = KeyServerRegistration.ensureRegistered(ledgerServer.ledger(), operator, specs);
      int[] next = {0};
      keyServers = EmbeddedKeyServers.start(keys, ids, SuiAddress.parse(e.policyPackage()),
          LedgerAccessPolicy.of(ledgerServer.ledger()),
          o -> o.port(base == 0 ? 0 : base + next[0]++).clock(clock));
      Map<SuiAddress, String> urls = new LinkedHashMap<>();
      keyServers.handles().forEach(h -> urls.put(h.objectId(), h.url()));
      KeyServerRegistration.publishUrls(ledgerServer.ledger(), operator, urls);
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

  /**
   * The key servers on the embedded ledger registered by this network's operator (empty when not
   * embedded): what clients seal to and fetch shares from.
   */
  public KeyServerDirectory keyServerDirectory() {
    if (ledgerServer == null || operator == null) {
      return KeyServerDirectory.of(List.of());
    }
    return KeyServerDirectory.load(ledgerServer.ledger(), Set.of(operator.address()));
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
