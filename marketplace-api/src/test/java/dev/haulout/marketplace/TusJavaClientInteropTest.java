package dev.haulout.marketplace;

import static dev.haulout.marketplace.TestSupport.userToken;
import static dev.haulout.marketplace.TusJsClientInteropTest.endpoint;
import static dev.haulout.marketplace.TusJsClientInteropTest.randomFile;
import static dev.haulout.marketplace.TusJsClientInteropTest.sha256;
import static dev.haulout.marketplace.TusJsClientInteropTest.stored;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official tus-java-client (what {@code haulout publish} uses) against the endpoint. The JDK's
 * HttpURLConnection cannot send PATCH, so the client sends {@code POST} with
 * {@code X-HTTP-Method-Override: PATCH}, which tus core requires servers to honour. An upload
 * left after a few requests is resumed by a second client from its fingerprint at the server's
 * offset, and the stored file equals the original.
 */
@QuarkusTest
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class TusJavaClientInteropTest {
  static final int MIB = 1 << 20;

  @Test
  void anInterruptedUploadResumesFromTheFingerprintAndCompletes() throws Exception {
    String bob = userToken("bob", "bob-pw");
    Path file = randomFile("java-client.bin", 3 * MIB + 12345);
    TusURLMemoryStore fingerprints = new TusURLMemoryStore();

    TusUploader first = uploader(bob, fingerprints, file);
    assertEquals(0, first.getOffset());
    for (int i = 0; i < 4; i++) { // 4 × 256 KiB, then the client goes away without finishing
      assertTrue(first.uploadChunk() > 0);
    }
    long sent = first.getOffset();
    first.finish(false); // ends the open request (the last payload is acknowledged), keeps the fingerprint
    URL url = first.getUploadURL();
    String offset = given().header("Tus-Resumable", "1.0.0").header("Authorization", "Bearer " + bob).head(url)
        .then().statusCode(200).extract().header("Upload-Offset");
    assertEquals(sent, Long.parseLong(offset));

    TusUploader second = uploader(bob, fingerprints, file);
    assertEquals(url, second.getUploadURL(), "the same upload is resumed, not a new one created");
    assertEquals(sent, second.getOffset());
    while (second.uploadChunk() > -1) {
      // until the file is sent
    }
    second.finish();
    assertEquals(sha256(file), sha256(stored(url.toString())));
  }

  private static TusUploader uploader(String token, TusURLMemoryStore store, Path file) throws Exception {
    TusClient client = new TusClient();
    client.setUploadCreationURL(new URL(endpoint()));
    client.enableResuming(store);
    client.setHeaders(Map.of("Authorization", "Bearer " + token));
    TusUpload upload = new TusUpload(file.toFile());
    upload.setMetadata(Map.of("filename", "java-client.bin"));
    TusUploader up = client.resumeOrCreateUpload(upload);
    up.setChunkSize(256 * 1024);
    up.setRequestPayloadSize(512 * 1024);
    return up;
  }
}
