package dev.haulout.chain.server;

import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.engine.CertificateVerifier;
import java.time.Clock;
import java.util.Map;

/**
 * Options of a ledger server process or embedded instance.
 *
 * @param host bind address (loopback by default)
 * @param port TCP port, 0 = ephemeral
 * @param pg where the ledger state lives
 * @param config ledger rules
 * @param clock time source (injectable for tests)
 * @param certificates certificate check for CertifyBlob and InvalidateBlobId; the default is the
 *     real BLS12-381 check ({@link BlsCertificates}); there is no weaker default
 * @param kafkaBootstrap Kafka bootstrap servers for the event outbox, or null to not publish
 * @param kafkaTopic topic events are published to
 * @param epochCheckMs how often to check whether the storage epoch is due to advance (0 = never)
 */
public record LedgerServerOptions(
    String host,
    int port,
    PgOptions pg,
    LedgerConfig config,
    Clock clock,
    CertificateVerifier certificates,
    String kafkaBootstrap,
    String kafkaTopic,
    long epochCheckMs) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 9400;
  public static final String DEFAULT_TOPIC = "haulout.chain.events";
  public static final long DEFAULT_EPOCH_CHECK_MS = 1_000;

  /** Loopback, ephemeral port, schema {@code ledger}, localnet rules, BLS certificates, no Kafka. */
  public static LedgerServerOptions defaults() {
    return new LedgerServerOptions(DEFAULT_HOST, 0, PgOptions.fromEnv(PgOptions.DEFAULT_SCHEMA), LedgerConfig.localnet(),
        Clock.systemUTC(), BlsCertificates.verifier(), null, DEFAULT_TOPIC, DEFAULT_EPOCH_CHECK_MS);
  }

  /**
   * From environment: HAULOUT_LEDGER_HOST, HAULOUT_LEDGER_PORT, HAULOUT_LEDGER_SCHEMA,
   * HAULOUT_LEDGER_EPOCH_MS, HAULOUT_LEDGER_FAUCET (true/false), HAULOUT_KAFKA (enables publishing),
   * HAULOUT_LEDGER_TOPIC, plus HAULOUT_PG_URL/USER/PASSWORD.
   */
  public static LedgerServerOptions fromEnv(Map<String, String> env) {
    PgOptions pg = PgOptions.fromEnv(env, env.getOrDefault("HAULOUT_LEDGER_SCHEMA", PgOptions.DEFAULT_SCHEMA));
    LedgerConfig cfg = LedgerConfig.localnet()
        .withEpochLengthMs(Long.parseLong(env.getOrDefault("HAULOUT_LEDGER_EPOCH_MS",
            Long.toString(LedgerConfig.DEFAULT_EPOCH_LENGTH_MS))))
        .withFaucet(Boolean.parseBoolean(env.getOrDefault("HAULOUT_LEDGER_FAUCET", "true")));
    return new LedgerServerOptions(env.getOrDefault("HAULOUT_LEDGER_HOST", DEFAULT_HOST),
        Integer.parseInt(env.getOrDefault("HAULOUT_LEDGER_PORT", Integer.toString(DEFAULT_PORT))), pg, cfg,
        Clock.systemUTC(), BlsCertificates.verifier(), env.get("HAULOUT_KAFKA"),
        env.getOrDefault("HAULOUT_LEDGER_TOPIC", DEFAULT_TOPIC), DEFAULT_EPOCH_CHECK_MS);
  }

  public LedgerServerOptions withPort(int p) {
    return new LedgerServerOptions(host, p, pg, config, clock, certificates, kafkaBootstrap, kafkaTopic, epochCheckMs);
  }

  public LedgerServerOptions withPg(PgOptions o) {
    return new LedgerServerOptions(host, port, o, config, clock, certificates, kafkaBootstrap, kafkaTopic, epochCheckMs);
  }

  public LedgerServerOptions withConfig(LedgerConfig c) {
    return new LedgerServerOptions(host, port, pg, c, clock, certificates, kafkaBootstrap, kafkaTopic, epochCheckMs);
  }

  public LedgerServerOptions withClock(Clock c) {
    return new LedgerServerOptions(host, port, pg, config, c, certificates, kafkaBootstrap, kafkaTopic, epochCheckMs);
  }

  public LedgerServerOptions withCertificates(CertificateVerifier v) {
    return new LedgerServerOptions(host, port, pg, config, clock, v, kafkaBootstrap, kafkaTopic, epochCheckMs);
  }

  public LedgerServerOptions withKafka(String bootstrap, String topic) {
    return new LedgerServerOptions(host, port, pg, config, clock, certificates, bootstrap, topic, epochCheckMs);
  }

  public LedgerServerOptions withEpochCheckMs(long ms) {
    return new LedgerServerOptions(host, port, pg, config, clock, certificates, kafkaBootstrap, kafkaTopic, ms);
  }
}
