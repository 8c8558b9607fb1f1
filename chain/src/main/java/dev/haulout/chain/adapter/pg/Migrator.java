package dev.haulout.chain.adapter.pg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies versioned SQL files {@code migrations/V<n>__*.sql} once each, in order, inside one
 * transaction per file, recording them in {@code <schema>.schema_migrations}. An advisory lock
 * keeps two starting ledgers from migrating at once.
 */
final class Migrator {
  static final List<String> MIGRATIONS = List.of("V1__ledger.sql", "V2__access_index.sql", "V3__parked_events.sql");

  private Migrator() {}

  static void migrate(Connection c, String schema) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("SELECT pg_advisory_xact_lock(hashtext('haulout-ledger-migrate:" + schema + "'))");
      st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
      st.execute("CREATE TABLE IF NOT EXISTS " + schema
          + ".schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
      int current = 0;
      try (ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM " + schema + ".schema_migrations")) {
        rs.next();
        current = rs.getInt(1);
      }
      for (int i = current; i < MIGRATIONS.size(); i++) {
        String name = MIGRATIONS.get(i);
        st.execute(load(name).replace("${schema}", schema));
        st.execute("INSERT INTO " + schema + ".schema_migrations (version, name) VALUES (" + (i + 1) + ", '" + name + "')");
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private static String load(String name) {
    try (InputStream in = Migrator.class.getResourceAsStream("migrations/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing migration " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + name, e);
    }
  }
}
