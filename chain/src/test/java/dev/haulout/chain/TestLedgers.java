package dev.haulout.chain;

import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Test fixtures: a fresh schema per test class on the PostgreSQL named by HAULOUT_PG_URL. */
public final class TestLedgers {
  private static final AtomicLong NONCE = new AtomicLong(System.nanoTime());

  private TestLedgers() {}

  public static PgOptions freshSchema(String prefix) {
    String schema = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    return PgOptions.fromEnv(schema);
  }

  public static void dropSchema(PgOptions o) {
    try (Connection c = DriverManager.getConnection(o.url(), o.user(), o.password());
         Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + o.schema() + " CASCADE");
    } catch (Exception e) {
      throw new IllegalStateException("cannot drop " + o.schema(), e);
    }
  }

  public static long nonce() {
    return NONCE.incrementAndGet();
  }

  public static SignedTransaction sign(Ed25519KeyPair key, TxKind kind) {
    return Transactions.sign(key, new TransactionData(key.address().toString(), nonce(), 0, kind));
  }

  public static ListingSpec spec(long buy, long rentPerPeriod, long periodMs, List<String> allowlist) {
    return new ListingSpec("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", "sealed:0xabc", "Weather 2025",
        "Hourly weather", List.of("weather", "csv"), "CC-BY-4.0", 123_456, "csv", "ts,temp", "preview:1",
        buy, rentPerPeriod, periodMs, allowlist);
  }
}
