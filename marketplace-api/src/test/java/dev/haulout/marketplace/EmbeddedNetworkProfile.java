package dev.haulout.marketplace;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The whole network inside the test JVM: the embedded ledger (in a PostgreSQL schema of its own,
 * dropped after the run), 4 storage nodes with a publisher/aggregator and the key servers, all on
 * ports the OS picks, with a state directory of their own under {@code target/}. Use with
 * {@code @TestProfile(EmbeddedNetworkProfile.class)} next to {@code ServicesTestResource}; the
 * running parts are reachable through the {@code EmbeddedNetwork} bean.
 */
public class EmbeddedNetworkProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "haulout.embedded.enabled", "true",
        "haulout.embedded.ledger-port", "0",
        "haulout.embedded.key-server-base-port", "0",
        "haulout.embedded.storage-base-port", "0",
        "haulout.embedded.publisher-port", "0",
        "haulout.embedded.storage-nodes", "4",
        "haulout.catalog.seed-demo", "false");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(Resource.class));
  }

  /** A fresh ledger schema and state directory per run; the schema is dropped at the end. */
  public static class Resource implements QuarkusTestResourceLifecycleManager {
    private String schema;

    @Override
    public Map<String, String> start() {
      String run = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
      schema = "ledger_test_" + run;
      String state = Path.of("target", "embedded-state-" + run).toAbsolutePath().toString();
      return Map.of("haulout.embedded.ledger-schema", schema, "haulout.embedded.state-dir", state);
    }

    @Override
    public void stop() {
      // the same defaults as application.properties' %test datasource
      String url = env("HAULOUT_PG_TEST_URL", "jdbc:postgresql://127.0.0.1:5433/haulout_test");
      try (var conn = DriverManager.getConnection(url, env("HAULOUT_PG_USER", "haulout"),
              env("HAULOUT_PG_PASSWORD", "haulout"));
           var st = conn.createStatement()) {
        st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      } catch (SQLException e) {
        System.err.println("could not drop test ledger schema " + schema + ": " + e.getMessage());
      }
    }

    private static String env(String name, String fallback) {
      String v = System.getenv(name);
      return v == null || v.isBlank() ? fallback : v;
    }
  }
}
