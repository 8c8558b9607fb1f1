package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.ChainEvent;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.quilt.Quilt;
import dev.haulout.erasure.quilt.QuiltBlob;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #18, "one signed transaction must not break the catalog": hostile requests to the
 * publisher/aggregator get an answer at once (a request timeout turns a hang into a failure), a
 * stable code in the error JSON, and change nothing: no ledger event (so nothing registered or
 * paid), no file on any node, and every part still healthy afterwards.
 *
 * <p>400 shards, so that a legal quilt (at most k2 - 1 = 266 blobs) has more parts than Vert.x's
 * default limit of 256 form fields, which used to cut uploads short.
 */
class PublisherHostileInputTest {
  static final int SHARDS = 400;
  /** A refused request is answered at once; this only turns a hang into a failure. */
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
  /** A legitimate store at 400 shards on a loaded machine may take a while. */
  static final Duration STORE_WITHIN = Duration.ofMinutes(5);
  static TestNetwork net;
  static String url;
  static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static byte[] data;
  static String blobId;
  static final int LEN = 30_000;

  @BeforeAll
  static void start() throws Exception {
    net = TestNetwork.start(SHARDS, EmbeddedNetworkOptions.defaults().withNodes(4).withHealIntervalMs(0).withPublisher(0));
    url = net.network.publisherUrl();
    data = new byte[LEN];
    new Random(18).nextBytes(data);
    HttpResponse<byte[]> r = store(HttpRequest.newBuilder(URI.create(url + "/v1/blobs?epochs=2"))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(data)));
    assertEquals(200, r.statusCode(), text(r));
    blobId = json(r).getJsonObject("newlyCreated").getJsonObject("blobObject").getString("blobId");
    net.awaitFullyStored(blobId); // no sliver upload still in flight when the tests compare the nodes' files
  }

  @AfterAll
  static void stop() {
    if (net != null) {
      net.close();
    }
  }

  static HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.timeout(ANSWER_WITHIN).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A request that stores something (it is not refused), with a store's timeout. */
  static HttpResponse<byte[]> store(HttpRequest.Builder b) throws Exception {
    return http.send(b.timeout(STORE_WITHIN).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<byte[]> get(String path, String range) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).GET();
    if (range != null) {
      b.header("Range", range);
    }
    return send(b);
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  static JsonObject json(HttpResponse<byte[]> r) {
    return new JsonObject(text(r));
  }

  /** The error JSON has this HTTP status, stable reason and a message of our own (never a JDK exception's text). */
  static JsonObject assertError(HttpResponse<byte[]> r, int status, String reason) {
    assertEquals(status, r.statusCode(), text(r));
    JsonObject e = json(r).getJsonObject("error");
    assertEquals(status, e.getInteger("code"), text(r));
    assertEquals(reason, e.getJsonArray("details").getJsonObject(0).getString("reason"), text(r));
    String msg = e.getString("message");
    assertNotNull(msg, text(r));
    assertFalse(msg.contains("For input string") || msg.contains("Exception") || msg.contains("java."), msg);
    return e;
  }

  /** Publisher errors also carry Walrus's {@code failurePhase} and a non-null {@code errorMsg}. */
  static JsonObject assertPublishError(HttpResponse<byte[]> r, int status, String reason) {
    JsonObject e = assertError(r, status, reason);
    assertNotNull(e.getString("errorMsg"), text(r));
    assertEquals(e.getString("message"), e.getString("errorMsg"));
    assertNotNull(e.getString("failurePhase"));
    return e;
  }

  // ------------------------------------------------------------------ "nothing changed"

  /** What the network holds: the last ledger event and every node's files (blob → names). */
  record Snapshot(long lastEventSeq, Map<String, List<String>> files) {}

  static Snapshot snapshot() {
    long seq = 0;
    for (List<ChainEvent> page = net.ledger.events(seq, 1000); !page.isEmpty(); page = net.ledger.events(seq, 1000)) {
      seq = page.get(page.size() - 1).seq();
    }
    Map<String, List<String>> files = new TreeMap<>();
    for (int i = 0; i < net.network.size(); i++) {
      var store = net.network.node(i).store();
      for (String b : store.blobs()) {
        files.put(i + "/" + b, store.names(b));
      }
    }
    return new Snapshot(seq, files);
  }

  /** Nothing was registered, paid or stored since {@code before}, and every part still answers. */
  static void assertNothingChangedAndAllHealthy(Snapshot before) throws Exception {
    assertEquals(before, snapshot(), "a refused request changed the ledger or a node's files");
    for (int i = 0; i < net.network.size(); i++) {
      HttpResponse<byte[]> h = send(HttpRequest.newBuilder(URI.create(net.network.nodeUrl(i) + "/v1/health")).GET());
      assertEquals(200, h.statusCode(), "node " + i + ": " + text(h));
    }
    assertEquals(200, get("/status", null).statusCode());
    HttpResponse<byte[]> whole = get("/v1/blobs/" + blobId, null);
    assertEquals(200, whole.statusCode());
    assertArrayEquals(data, whole.body());
  }

  // ------------------------------------------------------------------ byte-range and numbers

  @Test
  void byteRangeOverflowAndBadNumbersAreAnsweredAtOnceWithOurOwnMessages() throws Exception {
    Snapshot before = snapshot();
    String br = "/v1/blobs/" + blobId + "/byte-range";
    // start + length overflows a long: used to throw on the event loop and never answer
    assertTrue(assertError(get(br + "?start=9223372036854775807&length=10", null), 400, "INVALID_BYTE_RANGE")
        .getString("message").contains("overflows"));
    assertError(get(br + "?start=18446744073709551615&length=1", null), 400, "INVALID_BYTE_RANGE"); // Walrus's u64 case
    assertError(get(br + "?start=0&length=0", null), 400, "INVALID_BYTE_RANGE");
    // past the end: Walrus answers 400 INVALID_BYTE_RANGE (was 200 with an empty body)
    assertTrue(assertError(get(br + "?start=5000000&length=10", null), 400, "INVALID_BYTE_RANGE")
        .getString("message").contains(LEN + " bytes"));
    assertError(get(br + "?start=" + LEN + "&length=1", null), 400, "INVALID_BYTE_RANGE");
    // bad numbers: our message names the parameter
    for (String q : new String[] {"start=abc&length=10", "start=-1&length=10", "start=1e3&length=10", "start=&length=1", "length=10"}) {
      assertTrue(assertError(get(br + "?" + q, null), 400, "INVALID_QUERY_PARAMETER").getString("message").contains("'start'"), q);
    }
    assertTrue(assertError(get(br + "?start=0&length=ten", null), 400, "INVALID_QUERY_PARAMETER")
        .getString("message").contains("'length'"));
    JsonObject epochs = assertPublishError(send(HttpRequest.newBuilder(URI.create(url + "/v1/blobs?epochs=abc"))
        .PUT(HttpRequest.BodyPublishers.ofString("x"))), 400, "INVALID_QUERY_PARAMETER");
    assertTrue(epochs.getString("message").contains("'epochs'"));
    // the last byte and a range running past the end (clipped, as before)
    assertArrayEquals(Arrays.copyOfRange(data, LEN - 1, LEN), get(br + "?start=" + (LEN - 1) + "&length=1", null).body());
    HttpResponse<byte[]> tail = get(br + "?start=" + (LEN - 10) + "&length=1000", null);
    assertEquals(200, tail.statusCode());
    assertArrayEquals(Arrays.copyOfRange(data, LEN - 10, LEN), tail.body());
    assertNothingChangedAndAllHealthy(before);
  }

  // ------------------------------------------------------------------ Range header (RFC 9110 §14)

  @Test
  void rangeHeaderFollowsRfc9110FromTheNodesAndFromTheCache() throws Exception {
    byte[] other = new byte[LEN];
    new Random(1918).nextBytes(other);
    // blobs of their own, read first through the nodes (ranges never fill the cache), then from the cache
    String id = json(store(HttpRequest.newBuilder(URI.create(url + "/v1/blobs?epochs=1"))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(other)))).getJsonObject("newlyCreated").getJsonObject("blobObject")
        .getString("blobId");
    String emptyId = json(store(HttpRequest.newBuilder(URI.create(url + "/v1/blobs?epochs=1"))
        .PUT(HttpRequest.BodyPublishers.noBody()))).getJsonObject("newlyCreated").getJsonObject("blobObject")
        .getString("blobId");
    net.awaitFullyStored(id);
    net.awaitFullyStored(emptyId);
    Snapshot before = snapshot();
    long hitsBefore = json(get("/status", null)).getLong("cacheHits");
    checkRanges(id, other);
    assertEquals(hitsBefore, json(get("/status", null)).getLong("cacheHits"), "the first pass read through the nodes");
    checkWholeCovering(id, other); // fills the cache
    checkRanges(id, other);
    checkWholeCovering(id, other);
    assertTrue(json(get("/status", null)).getLong("cacheHits") > hitsBefore, "the second pass was served from the cache");
    // an empty blob: no range is satisfiable
    HttpResponse<byte[]> r = get("/v1/blobs/" + emptyId, "bytes=0-");
    assertError(r, 416, "INVALID_BYTE_RANGE");
    assertEquals("bytes */0", r.headers().firstValue("content-range").orElse(null));
    assertEquals(200, get("/v1/blobs/" + emptyId, null).statusCode());
    assertNothingChangedAndAllHealthy(before);
  }

  static void checkRanges(String id, byte[] blob) throws Exception {
    int n = blob.length;
    String path = "/v1/blobs/" + id;
    // past the end: 416 with the length (was 206, an empty body and "bytes 3000000-2999999/3000000")
    for (String h : new String[] {"bytes=99999999-", "bytes=" + n + "-", "bytes=" + n + "-" + (n + 5), "bytes=-0",
        "bytes=99999999999999999999999-"}) {
      HttpResponse<byte[]> r = get(path, h);
      assertError(r, 416, "INVALID_BYTE_RANGE");
      assertEquals("bytes */" + n, r.headers().firstValue("content-range").orElse(null), h);
    }
    // invalid range-sets and several ranges: rejected with the same 416 (RFC 9110 §15.5.17; Walrus does too)
    for (String h : new String[] {"bytes=100-50", "bytes=0-5,10-20", "bytes=abc", "bytes=", "bytes=1-2-3", "bytes= -", "invalid"}) {
      HttpResponse<byte[]> r = get(path, h);
      assertError(r, 416, "INVALID_BYTE_RANGE");
      assertEquals("bytes */" + n, r.headers().firstValue("content-range").orElse(null), h);
    }
    assertPartial(get(path, "bytes=0-0"), blob, 0, 1);
    assertPartial(get(path, "bytes=1000-1999"), blob, 1000, 2000);
    assertPartial(get(path, "bytes=10-99999999"), blob, 10, n);          // last position clipped
    assertPartial(get(path, "bytes=" + (n - 7) + "-"), blob, n - 7, n);   // open-ended
    assertPartial(get(path, "bytes=-100"), blob, n - 100, n);             // suffix
    assertPartial(get(path, "BYTES = 5-9"), blob, 5, 10);                 // the unit is case-insensitive
    HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(ANSWER_WITHIN)
        .header("Range", "bytes=99999999-").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
    assertEquals(416, head.statusCode());
    assertEquals("bytes */" + n, head.headers().firstValue("content-range").orElse(null));
  }

  /** Requests that cover the whole blob (so they fill the cache). */
  static void checkWholeCovering(String id, byte[] blob) throws Exception {
    String path = "/v1/blobs/" + id;
    assertPartial(get(path, "bytes=-99999999"), blob, 0, blob.length);   // suffix longer than the blob
    // a unit we do not serve is ignored: the whole blob, 200
    HttpResponse<byte[]> items = get(path, "items=0-5");
    assertEquals(200, items.statusCode());
    assertArrayEquals(blob, items.body());
  }

  static void assertPartial(HttpResponse<byte[]> r, byte[] blob, int from, int to) {
    assertEquals(206, r.statusCode(), text(r));
    assertEquals("bytes " + from + "-" + (to - 1) + "/" + blob.length, r.headers().firstValue("content-range").orElse(null));
    assertArrayEquals(Arrays.copyOfRange(blob, from, to), r.body());
  }

  // ------------------------------------------------------------------ quilts

  static HttpResponse<byte[]> putQuilt(List<Map.Entry<String, byte[]>> files, String metadata, Map<String, String> fields)
      throws Exception {
    return send(quiltRequest(files, metadata, fields));
  }

  static HttpRequest.Builder quiltRequest(List<Map.Entry<String, byte[]>> files, String metadata, Map<String, String> fields) {
    String boundary = "hostileBoundary18";
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> f : files) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"; filename=\""
          + f.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(f.getValue());
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (metadata != null) {
      all.put("_metadata", metadata);
    }
    all.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n"
        + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(url + "/v1/quilts?epochs=1"))
        .header("content-type", "multipart/form-data; boundary=" + boundary)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
  }

  static List<Map.Entry<String, byte[]>> parts(int count, String prefix) {
    List<Map.Entry<String, byte[]>> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Map.entry(String.format("%s%04d.txt", prefix, i), ("part " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  @Test
  void quiltLimitIsTheErasureQuiltsOwn() {
    int max = EncodingConfig.forShards(SHARDS).secondarySourceSymbols() - 1;
    assertEquals(266, max);
    List<QuiltBlob> blobs = new ArrayList<>();
    for (Map.Entry<String, byte[]> p : parts(max + 1, "q")) {
      blobs.add(QuiltBlob.of(p.getKey(), p.getValue()));
    }
    assertEquals(max, Quilt.construct(EncodingConfig.forShards(SHARDS), blobs.subList(0, max)).patches().size());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Quilt.construct(EncodingConfig.forShards(SHARDS), blobs));
    assertTrue(e.getMessage().contains("at most " + max), e.getMessage());
  }

  @Test
  void aQuiltOverTheLimitIsRefusedBeforeAnythingIsStoredOrPaidAndOneAtTheLimitIsStoredWhole() throws Exception {
    int max = EncodingConfig.forShards(SHARDS).secondarySourceSymbols() - 1;
    Snapshot before = snapshot();
    // used to answer 400 with errorMsg null, then store (and pay for) the first 256 parts
    for (int count : new int[] {1000, max + 1}) {
      JsonObject e = assertPublishError(putQuilt(parts(count, "p"), null, Map.of()), 400, "TOO_MANY_QUILT_PATCHES");
      assertTrue(e.getString("message").contains("at most " + max + " blobs at " + SHARDS + " shards"), e.getString("message"));
      assertTrue(e.getString("message").contains(count + " file parts"), e.getString("message"));
    }
    assertNothingChangedAndAllHealthy(before);
    // at the limit (more than Vert.x's default 256 form fields): every part is stored
    List<Map.Entry<String, byte[]>> atMax = parts(max, "m");
    HttpResponse<byte[]> ok = store(quiltRequest(atMax, "[{\"identifier\":\"m0007.txt\",\"tags\":{\"k\":\"v\"}}]", Map.of()));
    assertEquals(200, ok.statusCode(), text(ok));
    var stored = json(ok).getJsonArray("storedQuiltBlobs");
    assertEquals(max, stored.size());
    String patch = stored.getJsonObject(max - 1).getString("quiltPatchId");
    assertEquals(atMax.get(max - 1).getKey(), stored.getJsonObject(max - 1).getString("identifier"));
    assertArrayEquals(atMax.get(max - 1).getValue(), get("/v1/blobs/by-quilt-patch-id/" + patch, null).body());
    net.awaitFullyStored(json(ok).getJsonObject("blobStoreResult").getJsonObject("newlyCreated").getJsonObject("blobObject")
        .getString("blobId"));
  }

  @Test
  void duplicatePartNamesAreRefusedNotSilentlyDropped() throws Exception {
    Snapshot before = snapshot();
    List<Map.Entry<String, byte[]>> files = new ArrayList<>(parts(3, "d"));
    files.add(Map.entry("d0001.txt", "the other one".getBytes(StandardCharsets.UTF_8)));
    JsonObject e = assertPublishError(putQuilt(files, null, Map.of()), 400, "DUPLICATE_QUILT_IDENTIFIER");
    assertTrue(e.getString("message").contains("'d0001.txt'"), e.getString("message"));
    assertNothingChangedAndAllHealthy(before);
  }

  @Test
  void badQuiltMetadataAndFieldsAreAnsweredWithACodeAndStoreNothing() throws Exception {
    Snapshot before = snapshot();
    List<Map.Entry<String, byte[]>> files = parts(2, "a");
    // each of these used to throw inside the end handler: the request never got an answer
    for (String meta : new String[] {"not json", "{\"identifier\":\"a0000.txt\"}", "\"a string\"", "[1]", "[{}]",
        "[{\"identifier\":7}]", "[{\"identifier\":\"missing.txt\"}]", "[{\"identifier\":\"a0000.txt\",\"tags\":[\"x\"]}]",
        "[{\"identifier\":\"a0000.txt\",\"tags\":{\"k\":1}}]",
        "[{\"identifier\":\"a0000.txt\"},{\"identifier\":\"a0000.txt\"}]", "[{\"identifier\":\"a0000.txt\""}) {
      assertPublishError(putQuilt(files, meta, Map.of()), 400, "INVALID_QUILT_METADATA");
    }
    // a _metadata over the field limit: the multipart decoder fails, and nothing it decoded so far is stored
    String huge = "[" + "{\"identifier\":\"a0000.txt\"},".repeat(40_000) + "]";
    assertPublishError(putQuilt(files, huge, Map.of()), 400, "INVALID_MULTIPART");
    // a blob sent as a plain field (no filename) would have been dropped silently
    assertPublishError(putQuilt(files, null, Map.of("notes.txt", "hello")), 400, "UNEXPECTED_FORM_FIELD");
    assertPublishError(putQuilt(List.of(), "[]", Map.of()), 400, "EMPTY_QUILT");
    assertPublishError(send(HttpRequest.newBuilder(URI.create(url + "/v1/quilts?epochs=1"))
        .header("content-type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("x"))), 415, "UNSUPPORTED_MEDIA_TYPE");
    assertNothingChangedAndAllHealthy(before);
  }
}
