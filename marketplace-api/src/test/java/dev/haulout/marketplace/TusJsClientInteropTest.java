package dev.haulout.marketplace;

import static dev.haulout.marketplace.TestSupport.userToken;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official tus-js-client (npm, Node 20) against the endpoint: a multi-MiB file in small chunks,
 * an upload aborted mid-chunk that resumes at the server's offset, and one a second client process
 * finishes from the URL alone. Each time the stored file's SHA-256 equals the original's.
 */
@QuarkusTest
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class TusJsClientInteropTest {
  static final int MIB = 1 << 20;
  static String bob;

  @BeforeAll
  static void token() {
    bob = userToken("bob", "bob-pw");
  }

  static String endpoint() {
    return "http://127.0.0.1:" + RestAssured.port + "/api/v1/uploads";
  }

  static Path randomFile(String name, int size) throws Exception {
    Path dir = Files.createDirectories(Path.of("target/tus-interop"));
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return Files.write(dir.resolve(name), b).toAbsolutePath();
  }

  static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (var in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static Path stored(String url) {
    String dir = ConfigProvider.getConfig().getValue("haulout.upload.dir", String.class);
    return Path.of(dir).toAbsolutePath().resolve(url.substring(url.lastIndexOf('/') + 1) + ".bin");
  }

  static void assertCompleteAndEqual(JsonNode result, Path original, long size) throws Exception {
    assertTrue(result.get("completed").asBoolean(), result.toString());
    String url = result.get("url").asText();
    given().header("Tus-Resumable", "1.0.0").header("Authorization", "Bearer " + bob).head(url)
        .then().statusCode(200).header("Upload-Offset", String.valueOf(size)).header("Upload-Length", String.valueOf(size));
    assertEquals(sha256(original), sha256(stored(url)));
  }

  static List<Long> offsets(JsonNode result) {
    List<Long> out = new ArrayList<>();
    result.get("patchOffsets").forEach(n -> out.add(n.asLong()));
    return out;
  }

  @Test
  void uploadsAMultiMibFileInSmallChunks() throws Exception {
    int size = 6 * MIB + 12345;
    Path file = randomFile("chunks.bin", size);
    JsonNode r = TusJsClient.upload(endpoint(), bob, file, 256 * 1024);
    assertCompleteAndEqual(r, file, size);
    List<Long> offsets = offsets(r);
    assertEquals(size / (256 * 1024) + 1, offsets.size(), "one PATCH per chunk: " + offsets);
    for (int i = 0; i < offsets.size(); i++) {
      assertEquals(i * 256L * 1024, offsets.get(i));
    }
  }

  @Test
  void anUploadAbortedMidChunkResumesAtTheServersOffset() throws Exception {
    int size = 8 * MIB;
    Path file = randomFile("aborted.bin", size);
    long chunk = 2 * MIB;
    JsonNode r = TusJsClient.upload(endpoint(), bob, file, chunk, "--abort-after", String.valueOf(5 * MIB));
    assertCompleteAndEqual(r, file, size);
    long acknowledged = r.get("headOffsetAfterAbort").asLong();
    assertTrue(acknowledged >= 4 * MIB && acknowledged <= r.get("abortedAt").asLong(), r.toString());
    // after the abort the client went on from the server's offset, not from the start of its chunk
    List<Long> offsets = offsets(r);
    assertTrue(offsets.contains(acknowledged), "resumed at " + acknowledged + ": " + offsets);
    assertEquals(offsets.stream().sorted().distinct().toList(), offsets, "offsets only grow: " + offsets);
  }

  @Test
  void aSecondClientProcessFinishesAnUploadFromItsUrl() throws Exception {
    int size = 5 * MIB + 7;
    Path file = randomFile("two-processes.bin", size);
    JsonNode first = TusJsClient.upload(endpoint(), bob, file, 1 * MIB, "--stop-after", String.valueOf(2 * MIB + 100));
    assertEquals(false, first.get("completed").asBoolean());
    String url = first.get("url").asText();
    long acknowledged = first.get("headOffsetAfterAbort").asLong();
    assertTrue(acknowledged >= 2 * MIB && acknowledged < size, first.toString());
    JsonNode second = TusJsClient.upload(endpoint(), bob, file, 1 * MIB, "--upload-url", url);
    assertEquals(acknowledged, offsets(second).get(0), second.toString());
    assertCompleteAndEqual(second, file, size);
  }
}
