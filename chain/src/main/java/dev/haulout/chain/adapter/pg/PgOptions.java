package dev.haulout.chain.adapter.pg;

import java.util.Map;

/** Where the embedded ledger keeps its state. Defaults match services/services.sh. */
public record PgOptions(String url, String user, String password, String schema, int poolSize) {
  public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5433/haulout";
  public static final String DEFAULT_USER = "haulout";
  public static final String DEFAULT_PASSWORD = "haulout";
  public static final String DEFAULT_SCHEMA = "ledger";
  public static final int DEFAULT_POOL_SIZE = 8;

  public PgOptions {
    if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("schema must be a lower-case SQL identifier: " + schema);
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1: " + poolSize);
    }
  }

  /** From HAULOUT_PG_URL / HAULOUT_PG_USER / HAULOUT_PG_PASSWORD, with the given schema. */
  public static PgOptions fromEnv(String schema) {
    return fromEnv(System.getenv(), schema);
  }

  public static PgOptions fromEnv(Map<String, String> env, String schema) {
    String url = env.getOrDefault("HAULOUT_PG_URL", DEFAULT_URL);
    if (url.startsWith("postgresql://")) {
      url = "jdbc:" + url;
    }
    return new PgOptions(url, env.getOrDefault("HAULOUT_PG_USER", DEFAULT_USER),
        env.getOrDefault("HAULOUT_PG_PASSWORD", DEFAULT_PASSWORD), schema, DEFAULT_POOL_SIZE);
  }

  public PgOptions withSchema(String s) {
    return new PgOptions(url, user, password, s, poolSize);
  }

  public PgOptions withPoolSize(int n) {
    return new PgOptions(url, user, password, schema, n);
  }

  @Override
  public String toString() {
    return "PgOptions[" + url + ", user=" + user + ", schema=" + schema + ", pool=" + poolSize + "]";
  }
}
