package dev.haulout.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged marketplace-api ({@code target/quarkus-app}) is killed with SIGKILL in the middle of a
 * tus-js-client upload and started again over the same database and upload directory; the same
 * client (retrying) finishes the upload from the last acknowledged offset, and the stored file's
 * SHA-256 equals the original's. Runs in {@code verify} (failsafe) against the services of
 * services/services.sh, on the test database ({@code HAULOUT_PG_TEST_URL}) and a topic of its own.
 */
class TusRestartIT {
  static final int MIB = 1 << 20;
  static final Path WORK = Path.of("target/tus-restart-it").toAbsolutePath();
  static final String JDBC = System.getenv().getOrDefault("HAULOUT_PG_TEST_URL",
      "jdbc:postgresql://127.0.0.1:5433/haulout_test");
  static final String REACTIVE = System.getenv().getOrDefault("HAULOUT_PG_TEST_REACTIVE_URL",
      "postgresql://127.0.0.1:5433/haulout_test");
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process p : started) {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void aKilledAndRestartedServerResumesTheSameClientUploadAtTheAcknowledgedOffset() throws Exception {
    Files.createDirectories(WORK);
    int size = 48 * MIB;
    Path original = WORK.resolve("original.bin");
    byte[] data = new byte[size];
    new Random(42).nextBytes(data);
    Files.write(original, data);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Map<String, String> env = Map.of(
        "HAULOUT_HTTP_PORT", String.valueOf(port),
        "HAULOUT_PG_URL", JDBC,
        "HAULOUT_PG_REACTIVE_URL", REACTIVE,
        "HAULOUT_EVENTS_TOPIC", "haulout.chain.events.tus-restart-" + UUID.randomUUID(),
        "HAULOUT_UPLOAD_DIR", WORK.resolve("uploads").toString(),
        "HAULOUT_STATE", WORK.resolve("state").toString());
    String base = "http://127.0.0.1:" + port;

    Process app = startApp(env, 1, base);
    String token = bobToken();
    Process client = TusJsClient.start(base + "/api/v1/uploads", token, original, 4 * MIB,
        WORK.resolve("client.err"), "--retry-delays", "500,1000,2000,4000,8000,15000,30000,30000,30000,30000");
    long[] acknowledged = {0};
    String[] id = {null};
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (acknowledged[0] < 12L * MIB) {
      assertTrue(System.nanoTime() < deadline, "the upload did not reach 12 MiB in time");
      assertTrue(client.isAlive(), "the client ended before the kill");
      Thread.sleep(100);
      latestUpload(size, id, acknowledged);
    }
    app.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to flush anything more
    assertTrue(app.waitFor(30, TimeUnit.SECONDS));
    latestUpload(size, id, acknowledged);
    long killedAt = acknowledged[0];
    assertTrue(killedAt < size, "the kill came too late to matter: " + killedAt);

    startApp(env, 2, base);
    JsonNode result = TusJsClient.result(client, 600);
    assertTrue(result.get("completed").asBoolean(), result.toString());
    List<Long> offsets = new ArrayList<>();
    result.get("patchOffsets").forEach(n -> offsets.add(n.asLong()));
    assertEquals(0L, offsets.get(0));
    assertTrue(offsets.stream().skip(1).allMatch(o -> o > 0), "the client never started over: " + offsets);
    assertTrue(offsets.stream().anyMatch(o -> o >= killedAt), "resumed at or after " + killedAt + ": " + offsets);

    Path stored = WORK.resolve("uploads").resolve(id[0] + ".bin");
    assertEquals(TusJsClientInteropTest.sha256(original), TusJsClientInteropTest.sha256(stored));
    latestUpload(size, id, acknowledged);
    assertEquals(size, acknowledged[0]);
  }

  /** The newest upload of {@code size} bytes in the database: its id and acknowledged offset. */
  static void latestUpload(long size, String[] id, long[] received) throws Exception {
    try (Connection c = DriverManager.getConnection(JDBC, "haulout", "haulout");
        var st = c.prepareStatement("SELECT id, received FROM upload WHERE length = ? ORDER BY created_ms DESC LIMIT 1")) {
      st.setLong(1, size);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          id[0] = rs.getString(1);
          received[0] = rs.getLong(2);
        }
      }
    }
  }

  private Process startApp(Map<String, String> env, int n, String base) throws Exception {
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "package the app first: " + jar);
    ProcessBuilder pb = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toString())
        .redirectErrorStream(true).redirectOutput(WORK.resolve("app-" + n + ".log").toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    started.add(p);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(480);
    while (System.nanoTime() < deadline) {
      assertTrue(p.isAlive(), "the app exited; see " + WORK.resolve("app-" + n + ".log"));
      try {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == HttpURLConnection.HTTP_NO_CONTENT) {
          return p;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the app did not start in time; see " + WORK.resolve("app-" + n + ".log"));
  }

  private static String bobToken() throws Exception {
    String oidc = System.getenv().getOrDefault("HAULOUT_OIDC_URL", "http://127.0.0.1:8180/realms/haulout");
    String form = "grant_type=password&client_id=haulout-marketplace&client_secret=marketplace-secret"
        + "&username=bob&password=" + URLEncoder.encode("bob-pw", StandardCharsets.UTF_8);
    var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(oidc + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("access_token").asText();
  }
}
