package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.storage.aggregator.WalrusHttpBlobStore;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Walrus publisher/aggregator HTTP API, raw (as curl would) and through WalrusHttpBlobStore. */
class PublisherAggregatorTest {
  static final int SHARDS = 40;
  static TestNetwork net;
  static String url;
  static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() {
    net = TestNetwork.start(SHARDS, EmbeddedNetworkOptions.defaults().withNodes(4).withHealIntervalMs(0).withPublisher(0));
    url = net.network.publisherUrl();
  }

  @AfterAll
  static void stop() {
    net.close();
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonObject json(HttpResponse<byte[]> r) {
    return new JsonObject(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void putAnswersNewlyCreatedThenAlreadyCertifiedAsWalrusDoes() throws Exception {
    byte[] data = random(123_456, 1);
    String expected = BlobEncoder.create(EncodingConfig.forShards(SHARDS)).computeMetadata(data).blobId().toBase64();
    HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs?epochs=3"))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(data)));
    assertEquals(200, r.statusCode(), new String(r.body()));
    JsonObject nc = json(r).getJsonObject("newlyCreated");
    JsonObject blob = nc.getJsonObject("blobObject");
    assertEquals(expected, blob.getString("blobId"));
    assertEquals(data.length, blob.getLong("size"));
    assertEquals("RS2", blob.getString("encodingType"));
    assertEquals(blob.getInteger("registeredEpoch") + 3, blob.getJsonObject("storage").getInteger("endEpoch"));
    assertEquals(EncodingConfig.forShards(SHARDS).encodedLength(data.length),
        nc.getJsonObject("resourceOperation").getJsonObject("registerFromScratch").getLong("encodedLength"));
    assertTrue(nc.getLong("cost") > 0);
    assertTrue(blob.getValue("certifiedEpoch") instanceof Integer);
    assertTrue(blob.getJsonObject("storage").getString("id").matches("0x[0-9a-f]{64}"), blob.encode());
    HttpResponse<byte[]> byObject = send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs/by-object-id/" + blob.getString("id"))).GET());
    assertEquals(200, byObject.statusCode());
    assertArrayEquals(data, byObject.body());
    assertEquals(404, send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs/by-object-id/0x" + "0".repeat(64))).GET()).statusCode());

    HttpResponse<byte[]> again = send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs?epochs=1"))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(data)));
    JsonObject ac = json(again).getJsonObject("alreadyCertified");
    assertEquals(expected, ac.getString("blobId"));
    assertEquals(blob.getJsonObject("storage").getInteger("endEpoch"), ac.getInteger("endEpoch"));
  }

  @Test
  void getServesVerifiedBytesWholeByRangeHeaderAndByByteRangeEndpoint() throws Exception {
    byte[] data = random(300_001, 2);
    String id = json(send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs?epochs=1"))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(data)))).getJsonObject("newlyCreated").getJsonObject("blobObject")
        .getString("blobId");
    HttpResponse<byte[]> whole = send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs/" + id)).GET());
    assertEquals(200, whole.statusCode());
    assertArrayEquals(data, whole.body());
    HttpResponse<byte[]> part = send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs/" + id)).header("Range", "bytes=1000-1999").GET());
    assertEquals(206, part.statusCode());
    assertEquals("bytes 1000-1999/300001", part.headers().firstValue("content-range").orElseThrow());
    assertArrayEquals(Arrays.copyOfRange(data, 1000, 2000), part.body());
    HttpResponse<byte[]> br = send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs/" + id + "/byte-range?start=299000&length=5000")).GET());
    assertArrayEquals(Arrays.copyOfRange(data, 299_000, 300_001), br.body());
    // served again from the verified cache
    JsonObject statusBefore = json(send(HttpRequest.newBuilder(URI.create(url + "/status")).GET()));
    assertArrayEquals(data, send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs/" + id)).GET()).body());
    JsonObject statusAfter = json(send(HttpRequest.newBuilder(URI.create(url + "/status")).GET()));
    assertEquals(statusBefore.getLong("cacheHits") + 1, statusAfter.getLong("cacheHits"));
    assertTrue(statusAfter.getInteger("cacheEntries") >= 1);
  }

  static byte[] multipart(String boundary, java.util.Map<String, byte[]> files, String metadata) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
    files.forEach((name, data) -> {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
      out.writeBytes(data);
      out.writeBytes("\r\n".getBytes(utf8));
    });
    if (metadata != null) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_metadata\"\r\n\r\n" + metadata + "\r\n")
          .getBytes(utf8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
    return out.toByteArray();
  }

  @Test
  void quiltIsStoredFromMultipartAndItsPatchesReadByPatchIdAndByIdentifier() throws Exception {
    java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("weather.csv", random(5_000, 21));
    files.put("readme.txt", "hello quilt".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    files.put("zeros.bin", new byte[3_000]);
    String boundary = "hauloutBoundary42";
    HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(url + "/v1/quilts?epochs=2"))
        .header("content-type", "multipart/form-data; boundary=" + boundary)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, files,
            "[{\"identifier\":\"readme.txt\",\"tags\":{\"lang\":\"en\"}}]"))));
    assertEquals(200, r.statusCode(), new String(r.body()));
    JsonObject j = json(r);
    String quiltId = j.getJsonObject("blobStoreResult").getJsonObject("newlyCreated").getJsonObject("blobObject").getString("blobId");
    io.vertx.core.json.JsonArray stored = j.getJsonArray("storedQuiltBlobs");
    assertEquals(3, stored.size());
    for (int i = 0; i < stored.size(); i++) {
      JsonObject e = stored.getJsonObject(i);
      byte[] expected = files.get(e.getString("identifier"));
      HttpResponse<byte[]> byPatch = send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs/by-quilt-patch-id/" + e.getString("quiltPatchId"))).GET());
      assertEquals(200, byPatch.statusCode(), new String(byPatch.body()));
      assertArrayEquals(expected, byPatch.body(), e.getString("identifier"));
      HttpResponse<byte[]> byName = send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs/by-quilt-id/" + quiltId + "/" + e.getString("identifier"))).GET());
      assertArrayEquals(expected, byName.body());
    }
    io.vertx.core.json.JsonArray patches = new io.vertx.core.json.JsonArray(new String(send(HttpRequest.newBuilder(
        URI.create(url + "/v1/quilts/" + quiltId + "/patches")).GET()).body(), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(3, patches.size());
    JsonObject readme = patches.stream().map(o -> (JsonObject) o).filter(o -> o.getString("identifier").equals("readme.txt"))
        .findFirst().orElseThrow();
    assertEquals("en", readme.getJsonObject("tags").getString("lang"));
    assertEquals(404, send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs/by-quilt-id/" + quiltId + "/missing.txt")).GET()).statusCode());
  }

  @Test
  void unknownBlobIsNotFoundWithErrorJson() throws Exception {
    String unknown = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs/" + unknown)).GET());
    assertEquals(404, r.statusCode());
    assertEquals("NOT_FOUND", json(r).getJsonObject("error").getString("status"));
    assertEquals(400, send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs/nope")).GET()).statusCode());
  }

  @Test
  void randomSizesFromEmptyToSeveralMiBRoundTripThroughThePublisherAndAggregator() throws Exception {
    Random sizes = new Random(20261123);
    int[] lengths = {0, 1, 2 + sizes.nextInt(5000), 70_000 + sizes.nextInt(100_000), (3 << 20) + sizes.nextInt(1 << 20),
        (12 << 20) + sizes.nextInt(4 << 20)};
    try (BlobStore store = WalrusHttpBlobStore.create(url, url, StorageClientOptions.defaults())) {
      for (int i = 0; i < lengths.length; i++) {
        byte[] data = random(lengths[i], 100 + i);
        StoreResult r = store.store(new ByteArrayInputStream(data), data.length, 1, null);
        assertEquals(BlobEncoder.create(EncodingConfig.forShards(SHARDS)).computeMetadata(data).blobId().toBase64(), r.blobId(),
            "blob ID of " + data.length + " bytes");
        try (var in = store.read(r.blobId(), null)) {
          assertArrayEquals(data, in.readAllBytes(), "bytes of a " + data.length + "-byte blob");
        }
        if (data.length > 1) {
          int from = data.length / 3;
          try (var in = store.read(r.blobId(), new ByteRange(from, data.length))) {
            assertArrayEquals(Arrays.copyOfRange(data, from, data.length), in.readAllBytes(), "tail range of " + data.length);
          }
        }
      }
    }
  }

  @Test
  void badPublishParametersAndBodiesAreClientErrorsNeverA500OrAHang() throws Exception {
    for (String epochs : new String[] {"-1", "0", "abc", "99999999999"}) {
      HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs?epochs=" + epochs))
          .timeout(java.time.Duration.ofSeconds(20)).PUT(HttpRequest.BodyPublishers.ofString("hello")));
      assertEquals(400, r.statusCode(), "epochs=" + epochs + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
      assertTrue(json(r).getJsonObject("error").toString().contains("epochs"), "epochs=" + epochs);
    }
    HttpResponse<byte[]> q = send(HttpRequest.newBuilder(URI.create(url + "/v1/quilts?epochs=1"))
        .timeout(java.time.Duration.ofSeconds(20)).header("content-type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"not\":\"multipart\"}")));
    assertEquals(415, q.statusCode());
    assertTrue(json(q).getJsonObject("error").getString("errorMsg").contains("multipart/form-data"));
    HttpResponse<byte[]> none = send(HttpRequest.newBuilder(URI.create(url + "/v1/quilts?epochs=1"))
        .timeout(java.time.Duration.ofSeconds(20)).PUT(HttpRequest.BodyPublishers.ofString("x")));
    assertEquals(415, none.statusCode());
    // the publisher is unharmed
    assertEquals(200, send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs?epochs=1"))
        .PUT(HttpRequest.BodyPublishers.ofString("still works"))).statusCode());
  }

  @Test
  void walrusHttpBlobStoreRoundTripsThroughThePublisherAndAggregator() throws Exception {
    try (BlobStore store = WalrusHttpBlobStore.create(url, url, StorageClientOptions.defaults())) {
      byte[] data = random(77_777, 3);
      long[] uploaded = {0};
      StoreResult r = store.store(new ByteArrayInputStream(data), data.length, 2, (phase, done, total) -> {
        if (phase.equals("upload")) {
          uploaded[0] = done;
        }
      });
      assertEquals(data.length, uploaded[0]);
      assertTrue(r.newlyCreated());
      assertEquals(BlobEncoder.create(EncodingConfig.forShards(SHARDS)).computeMetadata(data).blobId().toBase64(), r.blobId());
      try (var in = store.read(r.blobId(), null)) {
        assertArrayEquals(data, in.readAllBytes());
      }
      try (var in = store.read(r.blobId(), new ByteRange(10, 20))) {
        assertArrayEquals(Arrays.copyOfRange(data, 10, 20), in.readAllBytes());
      }
      assertTrue(store.status(r.blobId()).certified());
      assertEquals(data.length, store.length(r.blobId()), "length from the aggregator's HEAD");
      assertEquals(data.length, net.store.length(r.blobId()), "length from the verified metadata");
      assertTrue(assertThrows(StorageException.class, () -> store.length("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
          .isNotFound());
      assertFalse(store.status("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").exists());
      StorageException e = assertThrows(StorageException.class, () -> store.read("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null));
      assertTrue(e.isNotFound());
      assertFalse(store.store(new ByteArrayInputStream(data), data.length, 1, null).newlyCreated());
    }
  }
}
