package dev.haulout.marketplace;

import static dev.haulout.marketplace.TestSupport.userToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.marketplace.application.UploadService;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tus 1.0.0 endpoint rule by rule, with real Keycloak tokens: every rule and every bad input
 * gets its status and stable code (JSON body, or the Haulout-Error-Code header for HEAD), and
 * nothing logs an error. The bytes on disk are checked against what was sent.
 */
@QuarkusTest
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class TusProtocolTest {
  static final String BASE = "/api/v1/uploads";
  static final String OCTETS = "application/offset+octet-stream";
  static String bob;
  static String alice;

  @Inject
  UploadService uploads;

  @BeforeAll
  static void tokens() {
    bob = userToken("bob", "bob-pw");
    alice = userToken("alice", "alice-pw");
  }

  static RequestSpecification tus(String token) {
    RequestSpecification r = given().header("Tus-Resumable", "1.0.0");
    return token == null ? r : r.header("Authorization", "Bearer " + token);
  }

  /** Creates an upload of {@code length} bytes as bob; returns its path. */
  static String create(long length, String metadata) {
    RequestSpecification r = tus(bob).header("Upload-Length", length);
    if (metadata != null) {
      r = r.header("Upload-Metadata", metadata);
    }
    return r.post(BASE).then().statusCode(201).extract().header("Location");
  }

  static ValidatableResponse patch(String token, String location, long offset, byte[] body) {
    return tus(token).contentType(OCTETS).header("Upload-Offset", offset).body(body).patch(location).then();
  }

  static ValidatableResponse error(ValidatableResponse r, int status, String code) {
    return r.statusCode(status).header("Haulout-Error-Code", code).header("Tus-Resumable", "1.0.0");
  }

  static ValidatableResponse jsonError(ValidatableResponse r, int status, String code) {
    return error(r, status, code).contentType("application/json").body("code", equalTo(code))
        .body("message", notNullValue());
  }

  static Path file(String location) {
    String dir = ConfigProvider.getConfig().getValue("haulout.upload.dir", String.class);
    return Path.of(dir).toAbsolutePath().resolve(location.substring(location.lastIndexOf('/') + 1) + ".bin");
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void optionsAdvertisesVersionExtensionsAndMaxSizeWithoutTusResumable() {
    given().options(BASE).then().statusCode(204)
        .header("Tus-Version", "1.0.0")
        .header("Tus-Extension", "creation,termination,expiration")
        .header("Tus-Max-Size", String.valueOf(64L << 20));
  }

  @Test
  void creationNeedsASignedInSeller() {
    jsonError(tus(null).header("Upload-Length", 10).post(BASE).then(), 401, "UNAUTHENTICATED");
    jsonError(tus(alice).header("Upload-Length", 10).post(BASE).then(), 403, "FORBIDDEN");
    tus(bob).header("Upload-Length", 10).post(BASE).then().statusCode(201)
        .header("Location", matchesPattern("/api/v1/uploads/[A-Za-z0-9_-]{22}"))
        .header("Upload-Expires", notNullValue())
        .header("Tus-Resumable", "1.0.0");
    given().header("Tus-Resumable", "1.0.0").header("Authorization", "Bearer not.a.jwt")
        .header("Upload-Length", 10).post(BASE).then().statusCode(401);
  }

  @Test
  void aMissingOrOtherTusVersionIs412() {
    error(given().header("Authorization", "Bearer " + bob).header("Upload-Length", 1).post(BASE).then(),
        412, "TUS_VERSION_UNSUPPORTED").header("Tus-Version", "1.0.0");
    String location = create(4, null);
    error(given().header("Tus-Resumable", "0.2.2").header("Authorization", "Bearer " + bob).head(location).then(),
        412, "TUS_VERSION_UNSUPPORTED").header("Tus-Version", "1.0.0");
    jsonError(given().header("Tus-Resumable", "2.0.0").header("Authorization", "Bearer " + bob)
        .contentType(OCTETS).header("Upload-Offset", 0).body(new byte[4]).patch(location).then(),
        412, "TUS_VERSION_UNSUPPORTED");
    tus(bob).head(location).then().statusCode(200).header("Upload-Offset", "0"); // nothing was written
  }

  @Test
  void badCreationHeadersAreRefusedWithTheirCodes() {
    try (LogCapture log = new LogCapture()) {
      jsonError(tus(bob).post(BASE).then(), 400, "INVALID_ARGUMENT")
          .body("message", equalTo("the Upload-Length header is required"));
      for (String bad : new String[] {"abc", "-1", "1.5", "0x10", "99999999999999999999"}) {
        jsonError(tus(bob).header("Upload-Length", bad).post(BASE).then(), 400, "INVALID_ARGUMENT");
      }
      jsonError(tus(bob).header("Upload-Defer-Length", 1).post(BASE).then(), 400, "INVALID_ARGUMENT");
      jsonError(tus(bob).header("Upload-Length", (64L << 20) + 1).post(BASE).then(), 413, "PAYLOAD_TOO_LARGE");
      tus(bob).header("Upload-Length", 64L << 20).post(BASE).then().statusCode(201); // the limit itself is fine
      for (String bad : new String[] {"name !!!", "name " + b64("a") + ",name " + b64("b"), "name a b", "name " + b64("a") + ",,x",
          "name " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe}),
          "name " + b64("nul\u0000"), "k " + "A".repeat(5000)}) {
        jsonError(tus(bob).header("Upload-Length", 1).header("Upload-Metadata", bad).post(BASE).then(),
            400, "INVALID_ARGUMENT");
      }
      jsonError(tus(bob).header("Upload-Length", 1).contentType(OCTETS).body(new byte[1]).post(BASE).then(),
          400, "INVALID_ARGUMENT");
      jsonError(tus(bob).get(BASE).then(), 405, "METHOD_NOT_ALLOWED").header("Allow", "OPTIONS, POST");
      assertEquals(java.util.List.of(), log.errorsOrStackTraces());
    }
  }

  @Test
  void headReportsOffsetLengthMetadataAndExpiryUncached() {
    String metadata = "filename " + b64("weather 2026.csv") + ",filetype " + b64("text/csv") + ",flag";
    String location = create(1000, metadata);
    tus(bob).head(location).then().statusCode(200)
        .header("Upload-Offset", "0")
        .header("Upload-Length", "1000")
        .header("Upload-Metadata", metadata)
        .header("Cache-Control", "no-store")
        .header("Upload-Expires", matchesPattern("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"))
        .header("Tus-Resumable", "1.0.0");
  }

  @Test
  void patchesAppendInOrderAndTheFileHoldsExactlyTheBytes() throws Exception {
    byte[] data = random(3 * 1024 * 1024 + 17); // over quarkus.http.limits.max-body-size (256K) on purpose
    String location = create(data.length, null);
    int half = data.length / 2;
    patch(bob, location, 0, java.util.Arrays.copyOfRange(data, 0, half)).statusCode(204)
        .header("Upload-Offset", String.valueOf(half))
        .header("Upload-Expires", notNullValue())
        .header("Tus-Resumable", "1.0.0");
    tus(bob).head(location).then().statusCode(200).header("Upload-Offset", String.valueOf(half));
    // the second half without a Content-Length (chunked), as a stream
    tus(bob).contentType(OCTETS).header("Upload-Offset", half)
        .body(new ByteArrayInputStream(data, half, data.length - half)).patch(location).then().statusCode(204)
        .header("Upload-Offset", String.valueOf(data.length))
        .header("Upload-Expires", nullValue());
    tus(bob).head(location).then().statusCode(200)
        .header("Upload-Offset", String.valueOf(data.length))
        .header("Upload-Length", String.valueOf(data.length));
    assertArrayEquals(data, Files.readAllBytes(file(location)));
    // complete: an empty PATCH at the end is fine, any more bytes are not
    patch(bob, location, data.length, new byte[0]).statusCode(204).header("Upload-Offset", String.valueOf(data.length));
    jsonError(patch(bob, location, data.length, new byte[1]), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void badPatchesAreRefusedWithTheirCodesAndWriteNothing() throws Exception {
    try (LogCapture log = new LogCapture()) {
      String location = create(10, null);
      patch(bob, location, 0, new byte[] {1, 2, 3}).statusCode(204).header("Upload-Offset", "3");
      jsonError(patch(bob, location, 0, new byte[] {9}), 409, "UPLOAD_OFFSET_MISMATCH");
      jsonError(patch(bob, location, 4, new byte[] {9}), 409, "UPLOAD_OFFSET_MISMATCH");
      jsonError(tus(bob).contentType("application/octet-stream").header("Upload-Offset", 3).body(new byte[] {9})
          .patch(location).then(), 415, "UNSUPPORTED_MEDIA_TYPE");
      jsonError(tus(bob).header("Upload-Offset", 3).patch(location).then(), 415, "UNSUPPORTED_MEDIA_TYPE");
      jsonError(tus(bob).contentType(OCTETS).body(new byte[] {9}).patch(location).then(), 400, "INVALID_ARGUMENT");
      jsonError(tus(bob).contentType(OCTETS).header("Upload-Offset", "x").body(new byte[] {9}).patch(location).then(),
          400, "INVALID_ARGUMENT");
      jsonError(patch(bob, location, 3, new byte[8]), 413, "PAYLOAD_TOO_LARGE"); // 3 + 8 > 10
      // a body past Upload-Length without a declared length: refused whole as well
      jsonError(tus(bob).contentType(OCTETS).header("Upload-Offset", 3).body(new ByteArrayInputStream(new byte[8]))
          .patch(location).then(), 413, "PAYLOAD_TOO_LARGE");
      jsonError(patch(null, location, 3, new byte[] {9}), 401, "UNAUTHENTICATED");
      tus(bob).head(location).then().statusCode(200).header("Upload-Offset", "3");
      assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file(location)));
      jsonError(tus(bob).get(location).then(), 405, "METHOD_NOT_ALLOWED");
      assertEquals(java.util.List.of(), log.errorsOrStackTraces());
    }
  }

  @Test
  void someoneElsesOrAnUnknownUploadIsNotFound() {
    String location = create(10, null);
    error(tus(alice).head(location).then(), 404, "NOT_FOUND");
    jsonError(patch(alice, location, 0, new byte[] {1}), 404, "NOT_FOUND");
    jsonError(tus(alice).delete(location).then(), 404, "NOT_FOUND");
    error(tus(null).head(location).then(), 401, "UNAUTHENTICATED");
    tus(bob).head(location).then().statusCode(200).header("Upload-Offset", "0");
    error(tus(bob).head(BASE + "/AAAAAAAAAAAAAAAAAAAAAA").then(), 404, "NOT_FOUND");
    error(tus(bob).head(BASE + "/..%2F..%2Fetc").then(), 404, "NOT_FOUND");
    jsonError(patch(bob, BASE + "/nope", 0, new byte[] {1}), 404, "NOT_FOUND");
  }

  @Test
  void terminationRemovesTheUploadAndItsFile() {
    String location = create(10, null);
    patch(bob, location, 0, new byte[] {1, 2}).statusCode(204);
    assertTrue(Files.exists(file(location)));
    tus(bob).delete(location).then().statusCode(204).header("Tus-Resumable", "1.0.0");
    error(tus(bob).head(location).then(), 404, "NOT_FOUND");
    jsonError(tus(bob).delete(location).then(), 404, "NOT_FOUND");
    assertFalse(Files.exists(file(location)));
  }

  @Test
  void anExpiredUploadIsGoneAndTheCleanupRemovesIt() throws Exception {
    String location = create(10, null);
    patch(bob, location, 0, new byte[] {1}).statusCode(204);
    String id = location.substring(location.lastIndexOf('/') + 1);
    try (Connection c = DriverManager.getConnection(
            ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), "haulout", "haulout");
        var st = c.prepareStatement("UPDATE upload SET expires_ms = 1 WHERE id = ?")) {
      st.setString(1, id);
      assertEquals(1, st.executeUpdate());
    }
    error(tus(bob).head(location).then(), 410, "UPLOAD_EXPIRED");
    jsonError(patch(bob, location, 1, new byte[] {2}), 410, "UPLOAD_EXPIRED");
    int removed = uploads.removeExpired(System.currentTimeMillis()).await().atMost(Duration.ofSeconds(30));
    assertTrue(removed >= 1, "removed " + removed);
    error(tus(bob).head(location).then(), 404, "NOT_FOUND");
    assertFalse(Files.exists(file(location)));
  }

  /**
   * A raw socket sends a PATCH's headers and part of its body, then stalls: a second PATCH meanwhile
   * is 423 UPLOAD_LOCKED. Then the connection drops mid-body: the part that arrived is kept and
   * acknowledged (HEAD), and the upload resumes from there.
   */
  @Test
  void aDroppedPatchKeepsWhatArrivedAndLocksOutConcurrentPatches() throws Exception {
    String location = create(1000, null);
    byte[] first = random(300);
    try (Socket s = new Socket("127.0.0.1", RestAssured.port)) {
      OutputStream out = s.getOutputStream();
      out.write(("PATCH " + location + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
          + "Authorization: Bearer " + bob + "\r\nContent-Type: " + OCTETS + "\r\nUpload-Offset: 0\r\n"
          + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(first);
      out.flush();
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
        var r = patch(bob, location, 0, new byte[] {1}).extract();
        return r.statusCode() == 423 && "UPLOAD_LOCKED".equals(r.header("Haulout-Error-Code"));
      });
      error(tus(bob).delete(location).then(), 423, "UPLOAD_LOCKED");
    } // closed mid-body
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
        "300".equals(tus(bob).head(location).then().statusCode(200).extract().header("Upload-Offset")));
    byte[] rest = random(700);
    patch(bob, location, 300, rest).statusCode(204).header("Upload-Offset", "1000");
    byte[] all = new byte[1000];
    System.arraycopy(first, 0, all, 0, 300);
    System.arraycopy(rest, 0, all, 300, 700);
    assertArrayEquals(all, Files.readAllBytes(file(location)));
  }

  /**
   * What a crash mid-PATCH leaves: bytes in the file past the acknowledged offset (written, never
   * fsynced or acknowledged). HEAD reports the acknowledged offset and the next PATCH overwrites them.
   */
  @Test
  void unacknowledgedBytesPastTheOffsetAreCutOffOnResume() throws Exception {
    String location = create(8, null);
    patch(bob, location, 0, new byte[] {1, 2, 3}).statusCode(204);
    Files.write(file(location), new byte[] {7, 7, 7, 7}, java.nio.file.StandardOpenOption.APPEND);
    tus(bob).head(location).then().statusCode(200).header("Upload-Offset", "3");
    patch(bob, location, 3, new byte[] {4, 5, 6, 7, 8}).statusCode(204).header("Upload-Offset", "8");
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, Files.readAllBytes(file(location)));
  }

  @Test
  void anEmptyUploadIsCompleteAtCreation() {
    String location = create(0, null);
    tus(bob).head(location).then().statusCode(200).header("Upload-Offset", "0").header("Upload-Length", "0")
        .header("Upload-Expires", nullValue());
  }
}
