package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.erasure.encoding.EncodedBlob;
import dev.haulout.storage.client.NodeHealth;
import dev.haulout.storage.client.StorageNodeClient;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import dev.haulout.walrus.BlobId;
import dev.haulout.walrus.CertificationMessage;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input to a storage node gets Walrus-style error JSON with the right status; the node stays healthy. */
class NodeApiErrorsTest {
  static final int SHARDS = 10;
  static TestNetwork net;
  static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static byte[] data;
  static EncodedBlob encoded;
  static BlobId id;

  @BeforeAll
  static void start() throws Exception {
    net = TestNetwork.start(SHARDS, EmbeddedNetworkOptions.defaults().withNodes(4).withHealIntervalMs(0));
    data = new byte[50_000];
    new Random(1).nextBytes(data);
    net.store.store(new ByteArrayInputStream(data), data.length, 1, ProgressListener.NONE);
    encoded = BlobEncoder.create(EncodingConfig.forShards(SHARDS)).encode(data);
    id = encoded.blobId();
    net.awaitFullyStored(id.toBase64());
  }

  @AfterAll
  static void stop() {
    net.close();
  }

  static HttpResponse<String> send(String method, String url, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertError(HttpResponse<String> r, int code, String status, String reason) {
    assertEquals(code, r.statusCode(), r.body());
    JsonObject e = new JsonObject(r.body()).getJsonObject("error");
    assertEquals(code, e.getInteger("code"));
    assertEquals(status, e.getString("status"));
    assertEquals(reason, e.getJsonArray("details").getJsonObject(0).getString("reason"));
    assertTrue(e.getString("message").length() > 0);
  }

  /** Index of the node holding pair {@code pair} of the test blob, and of one that does not. */
  static int nodeOfPair(int pair, boolean holds) {
    Committee c = Committee.fromLedger(net.ledger);
    Committee.Member m = c.memberOfShard(id.shardOfPair(pair, SHARDS));
    for (int i = 0; i < net.network.size(); i++) {
      boolean same = net.network.nodeUrl(i).equals(m.url());
      if (same == holds) {
        return i;
      }
    }
    throw new AssertionError();
  }

  String sliverUrl(int node, int pair, Axis axis) {
    return net.network.nodeUrl(node) + "/v1/blobs/" + id + "/slivers/" + pair + "/" + axis.pathName();
  }

  @Test
  void storedBlobIdMatchesTheWalrusRustRegressionVector() throws Exception {
    // crates/walrus-core/src/encoding/blob_encoding.rs test_v1_blob_id_stability (n = 10), via SPEC.md
    byte[] text = "walrus blob id v1 regression test".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    StoreResult r = net.store.store(new ByteArrayInputStream(text), text.length, 1, ProgressListener.NONE);
    assertEquals("RcU82Mwf-CFkv1LaI_2qcpANwpGUuG3TMwnVzZxD2kY", r.blobId());
    try (var in = net.store.read(r.blobId(), null)) {
      assertArrayEquals(text, in.readAllBytes());
    }
  }

  static byte[] proofBody(int target, java.util.List<dev.haulout.erasure.encoding.RecoverySymbol> symbols) {
    byte[] list = dev.haulout.erasure.encoding.RecoverySymbol.listToBcs(symbols);
    byte[] body = new byte[2 + list.length];
    body[0] = (byte) target;
    body[1] = (byte) (target >>> 8);
    System.arraycopy(list, 0, body, 2, list.length);
    return body;
  }

  @Test
  void inconsistencyProofOfABadlyEncodedBlobGetsASignedInvalidBlobAttestationAndAFalseOneIsRejected() throws Exception {
    EncodingConfig cfg = EncodingConfig.forShards(SHARDS);
    byte[] a = new byte[20_000];
    byte[] b = new byte[20_000];
    new Random(5).nextBytes(a);
    new Random(6).nextBytes(b);
    EncodedBlob e1 = BlobEncoder.create(cfg).encode(a);
    EncodedBlob e2 = BlobEncoder.create(cfg).encode(b);
    // a malicious writer's metadata: E1's hashes, but primary sliver 0 committed to E2's
    var bad = TestNetwork.inconsistentMetadata(cfg, e1, e2, a.length);
    BlobId badId = bad.blobId();
    long encoded = cfg.encodedLength(a.length);
    var w = net.wallet;
    String storage = net.ledger.submit(dev.haulout.chain.tx.Transactions.sign(w, new dev.haulout.chain.tx.TransactionData(
        w.address().toString(), System.nanoTime(), 0, new dev.haulout.chain.tx.TxKind.BuyStorage(encoded, 1)))).createdObjects().get(0);
    net.ledger.submit(dev.haulout.chain.tx.Transactions.sign(w, new dev.haulout.chain.tx.TransactionData(w.address().toString(),
        System.nanoTime(), 0, new dev.haulout.chain.tx.TxKind.RegisterBlob(storage, badId.toBytes(), bad.rootHash(), a.length, 1, false))));
    String node = net.network.nodeUrl(0);
    assertEquals(201, send("PUT", node + "/v1/blobs/" + badId + "/metadata", bad.toBcs()).statusCode());

    java.util.List<dev.haulout.erasure.encoding.RecoverySymbol> symbols = new java.util.ArrayList<>();
    for (int j = 0; j < SHARDS; j++) {
      symbols.add(dev.haulout.erasure.encoding.SliverRecovery.recoverySymbol(cfg, e1.secondarySliver(j), 0));
    }
    var proof = assertThrows(dev.haulout.erasure.encoding.InconsistentBlobException.class,
        () -> dev.haulout.erasure.encoding.SliverRecovery.create(bad).recover(Axis.PRIMARY, 0, symbols)).proof();
    HttpResponse<String> ok = send("POST", node + "/v1/blobs/" + badId + "/inconsistencyProof/primary",
        proofBody(0, proof.symbols()));
    assertEquals(200, ok.statusCode(), ok.body());
    JsonObject signed = new JsonObject(ok.body()).getJsonObject("success").getJsonObject("data").getJsonObject("signed");
    byte[] msg = java.util.Base64.getDecoder().decode(signed.getString("serializedMessage"));
    assertArrayEquals(CertificationMessage.invalidBlobId(Committee.fromLedger(net.ledger).epoch(), badId), msg);
    assertTrue(dev.haulout.storage.bls.BlsSignatures.verify(net.network.node(0).publicKey(), msg,
        java.util.Base64.getDecoder().decode(signed.getString("signature"))));

    // the honest blob: the same kind of "proof" decodes to the committed sliver and is refused
    java.util.List<dev.haulout.erasure.encoding.RecoverySymbol> honest = new java.util.ArrayList<>();
    for (int j = 0; j < SHARDS; j++) {
      honest.add(dev.haulout.erasure.encoding.SliverRecovery.recoverySymbol(cfg, encoded(j), 1));
    }
    assertError(send("POST", net.network.nodeUrl(0) + "/v1/blobs/" + id + "/inconsistencyProof/primary", proofBody(1, honest)),
        400, "INVALID_ARGUMENT", "INVALID_INCONSISTENCY_PROOF");
    assertError(send("POST", net.network.nodeUrl(0) + "/v1/blobs/" + id + "/inconsistencyProof/primary", new byte[] {1, 0, 9}),
        400, "INVALID_ARGUMENT", "INVALID_INCONSISTENCY_PROOF");
  }

  static SliverData encoded(int secondaryIndex) {
    return encoded.secondarySliver(secondaryIndex);
  }

  @Test
  void unknownBlobIsNotFound() throws Exception {
    BlobId unknown = BlobId.fromBytes(new byte[32]);
    assertError(send("GET", net.network.nodeUrl(0) + "/v1/blobs/" + unknown + "/metadata", null), 404, "NOT_FOUND", "METADATA_NOT_FOUND");
    assertError(send("GET", net.network.nodeUrl(0) + "/v1/blobs/" + unknown + "/slivers/0/primary", null), 404, "NOT_FOUND", "SLIVER_NOT_FOUND");
    assertEquals("nonexistent", new JsonObject(send("GET", net.network.nodeUrl(0) + "/v1/blobs/" + unknown + "/metadata/status", null).body())
        .getJsonObject("success").getString("data"));
    assertError(send("GET", net.network.nodeUrl(0) + "/v1/blobs/not-a-blob-id/metadata", null), 400, "INVALID_ARGUMENT", "INVALID_BLOB_ID");
  }

  @Test
  void metadataOfAnotherBlobIsRejectedAndUnregisteredMetadataOnlyBufferedWhenPending() throws Exception {
    byte[] other = new byte[777];
    EncodedBlob o = BlobEncoder.create(EncodingConfig.forShards(SHARDS)).encode(other);
    String url = net.network.nodeUrl(1) + "/v1/blobs/" + o.blobId() + "/metadata";
    assertError(send("PUT", url, encoded.metadata().toBcs()), 400, "INVALID_ARGUMENT", "INVALID_METADATA");
    assertError(send("PUT", url, new byte[] {0, 1, 2}), 400, "INVALID_ARGUMENT", "INVALID_METADATA");
    assertError(send("PUT", url, o.metadata().toBcs()), 400, "FAILED_PRECONDITION", "BLOB_NOT_REGISTERED");
    assertEquals(202, send("PUT", url + "?pending=true", o.metadata().toBcs()).statusCode());
    assertEquals("buffered", new JsonObject(send("GET", url + "/status", null).body()).getJsonObject("success").getString("data"));
  }

  @Test
  void metadataPutOnAStoredBlobSaysWhatHappened() throws Exception {
    // issue #18: garbage on a stored blob was answered 200 "metadata stored" though nothing was written
    for (int node = 0; node < net.network.size(); node++) {
      String url = net.network.nodeUrl(node) + "/v1/blobs/" + id + "/metadata";
      byte[] stored = net.network.node(node).store().read(id.toBase64(), "metadata").orElseThrow();
      assertError(send("PUT", url, "garbage".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 400, "INVALID_ARGUMENT",
          "INVALID_METADATA");
      assertError(send("PUT", url, new byte[0]), 400, "INVALID_ARGUMENT", "INVALID_METADATA");
      byte[] other = BlobEncoder.create(EncodingConfig.forShards(SHARDS)).computeMetadata(new byte[99]).toBcs();
      assertError(send("PUT", url, other), 400, "INVALID_ARGUMENT", "INVALID_METADATA");
      HttpResponse<String> again = send("PUT", url, encoded.metadata().toBcs());
      assertEquals(200, again.statusCode(), again.body());
      assertEquals("metadata already stored", new JsonObject(again.body()).getJsonObject("success").getString("data"));
      assertArrayEquals(stored, net.network.node(node).store().read(id.toBase64(), "metadata").orElseThrow(), "node " + node);
      assertEquals("stored", new JsonObject(send("GET", url + "/status", null).body()).getJsonObject("success").getString("data"));
    }
    try (var in = net.store.read(id.toBase64(), null)) {
      assertArrayEquals(data, in.readAllBytes());
    }
  }

  @Test
  void confirmationWaitsForARegistrationThatLandsAfterTheUploadWhenAsked() throws Exception {
    byte[] early = new byte[3_000];
    new Random(77).nextBytes(early);
    EncodedBlob e = BlobEncoder.create(EncodingConfig.forShards(SHARDS)).encode(early);
    BlobId eid = e.blobId();
    // node 0 gets the metadata and every sliver of its shards before the blob is registered
    Committee c = Committee.fromLedger(net.ledger);
    Committee.Member m = c.members().stream().filter(x -> x.url().equals(net.network.nodeUrl(0))).findFirst().orElseThrow();
    String base = net.network.nodeUrl(0) + "/v1/blobs/" + eid;
    assertEquals(202, send("PUT", base + "/metadata?pending=true", e.metadata().toBcs()).statusCode());
    for (int shard : m.shards()) {
      int pair = eid.pairOnShard(shard, SHARDS);
      assertTrue(send("PUT", base + "/slivers/" + pair + "/primary?pending=true", e.primarySliver(pair).toBcs()).statusCode() / 100 == 2);
      assertTrue(send("PUT", base + "/slivers/" + pair + "/secondary?pending=true", e.pairSecondary(pair).toBcs()).statusCode() / 100 == 2);
    }
    String confirm = base + "/confirmation/permanent";
    assertError(send("GET", confirm, null), 400, "FAILED_PRECONDITION", "BLOB_NOT_REGISTERED");
    long t0 = System.nanoTime();
    assertError(send("GET", confirm + "?wait_for_registration=true&wait_millis=400", null), 400, "FAILED_PRECONDITION",
        "BLOB_NOT_REGISTERED");
    assertTrue(System.nanoTime() - t0 >= 300_000_000L, "waited before giving up");
    assertError(send("GET", confirm + "?wait_for_registration=true&wait_millis=soon", null), 400, "INVALID_ARGUMENT",
        "INVALID_PARAMETER");

    var server = net.network.server(0);
    long retriesBefore = server.registrationRetries();
    java.util.concurrent.CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(
        HttpRequest.newBuilder(URI.create(confirm + "?wait_for_registration=true&wait_millis=20000")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    // not a fixed sleep: wait until the node has refused the unregistered blob and retried twice
    TestNetwork.await("the node retries the confirmation", 20_000, () -> server.registrationRetries() >= retriesBefore + 2);
    assertFalse(waiting.isDone(), "the node holds the request while the blob is unregistered");
    var w = net.wallet;
    String storage = net.ledger.submit(dev.haulout.chain.tx.Transactions.sign(w, new dev.haulout.chain.tx.TransactionData(
        w.address().toString(), System.nanoTime(), 0,
        new dev.haulout.chain.tx.TxKind.BuyStorage(EncodingConfig.forShards(SHARDS).encodedLength(early.length), 1)))).createdObjects().get(0);
    net.ledger.submit(dev.haulout.chain.tx.Transactions.sign(w, new dev.haulout.chain.tx.TransactionData(w.address().toString(),
        System.nanoTime(), 0, new dev.haulout.chain.tx.TxKind.RegisterBlob(storage, eid.toBytes(), e.metadata().rootHash(),
            early.length, 1, false))));
    HttpResponse<String> r = waiting.get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(new JsonObject(r.body()).getJsonObject("success").getJsonObject("data").getJsonObject("signed")
        .getString("signature").length() > 100);
  }

  @Test
  void sliverWithTheWrongIndexForThePairOrWrongBytesIsRejected() throws Exception {
    int pair = 2;
    int node = nodeOfPair(pair, true);
    // primary sliver 3 sent as pair 2
    assertError(send("PUT", sliverUrl(node, pair, Axis.PRIMARY), encoded.primarySliver(3).toBcs()), 400, "INVALID_ARGUMENT",
        "SLIVER_INDEX_MISMATCH");
    // secondary sliver of pair 2 is n-1-2; sliver 2 is wrong
    assertError(send("PUT", sliverUrl(node, pair, Axis.SECONDARY), encoded.secondarySliver(2).toBcs()), 400, "INVALID_ARGUMENT",
        "SLIVER_INDEX_MISMATCH");
    SliverData good = encoded.primarySliver(pair);
    byte[] bad = good.data();
    bad[0] ^= 1;
    net.network.node(node).store().delete(id.toBase64(), "p" + pair);
    assertError(send("PUT", sliverUrl(node, pair, Axis.PRIMARY), SliverData.wrap(Axis.PRIMARY, pair, good.symbolSize(), bad).toBcs()),
        400, "INVALID_ARGUMENT", "INVALID_SLIVER");
    assertError(send("PUT", sliverUrl(node, pair, Axis.PRIMARY), new byte[] {5, 1}), 400, "INVALID_ARGUMENT", "INVALID_SLIVER");
    assertEquals(201, send("PUT", sliverUrl(node, pair, Axis.PRIMARY), good.toBcs()).statusCode());
    assertEquals(200, send("PUT", sliverUrl(node, pair, Axis.PRIMARY), good.toBcs()).statusCode());
  }

  @Test
  void sliverForAShardTheNodeDoesNotHoldIsMisdirected() throws Exception {
    int pair = 5;
    int node = nodeOfPair(pair, false);
    assertError(send("PUT", sliverUrl(node, pair, Axis.PRIMARY), encoded.primarySliver(pair).toBcs()), 421, "FAILED_PRECONDITION",
        "SHARD_NOT_ASSIGNED");
    assertError(send("PUT", sliverUrl(node, SHARDS + 3, Axis.PRIMARY), encoded.primarySliver(pair).toBcs()), 400, "INVALID_ARGUMENT",
        "INVALID_SLIVER_PAIR_INDEX");
  }

  /** Without Content-Length (chunked) the limit is counted while reading: 413 once past it, the rest drained. */
  @Test
  void chunkedBodiesOverTheLimitAreRefusedWhileReadingAndTheNodeKeepsServing() throws Exception {
    int pair = 1;
    int node = nodeOfPair(pair, true);
    // 8 MiB: over every limit here (sliver, metadata, sync_shard), under the drain limit
    for (String url : List.of(sliverUrl(node, pair, Axis.PRIMARY), net.network.nodeUrl(node) + "/v1/blobs/" + id + "/metadata",
        net.network.nodeUrl(node) + "/v1/migrate/sync_shard")) {
      String method = url.endsWith("sync_shard") ? "POST" : "PUT";
      HttpRequest r = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.ofInputStream(
          () -> new ByteArrayInputStream(new byte[8 << 20]))).build();
      HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
      assertError(res, 413, "OUT_OF_RANGE", "PAYLOAD_TOO_LARGE");
    }
    assertEquals(200, send("GET", net.network.nodeUrl(node) + "/v1/health", null).statusCode());
  }

  /** Routing refusals of the shared router answer in the Walrus error shape: no route, wrong method, bad percent-encoding. */
  @Test
  void unknownRoutesWrongMethodsAndMalformedPathsAnswerInTheWalrusShape() throws Exception {
    String base = net.network.nodeUrl(0);
    assertError(send("GET", base + "/v1/nowhere", null), 404, "NOT_FOUND", "NO_ROUTE");
    assertError(send("DELETE", base + "/v1/health", null), 404, "NOT_FOUND", "NO_ROUTE");
    assertError(send("GET", base + "/v1/blobs/" + id + "/slivers/x/primary", null), 400, "INVALID_ARGUMENT", "INVALID_PARAMETER");
    assertError(send("GET", base + "/v1/blobs/" + id + "/slivers/1/tertiary", null), 400, "INVALID_ARGUMENT", "INVALID_SLIVER_TYPE");
    URI u = URI.create(base);
    try (java.net.Socket s = new java.net.Socket(u.getHost(), u.getPort())) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write(("GET /v1/blobs/%zz/metadata HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String res = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(res.startsWith("HTTP/1.1 400"), res);
      assertTrue(res.contains("\"reason\":\"MALFORMED_REQUEST\""), res);
    }
  }

  @Test
  void oversizedBodiesAreRefusedAndTheNodeKeepsServing() throws Exception {
    int pair = 1;
    int node = nodeOfPair(pair, true);
    byte[] huge = new byte[EncodingConfig.forShards(SHARDS).sliverLength(Axis.PRIMARY, 65534) + 1024];
    assertError(send("PUT", sliverUrl(node, pair, Axis.PRIMARY), huge), 413, "OUT_OF_RANGE", "PAYLOAD_TOO_LARGE");
    assertError(send("PUT", net.network.nodeUrl(node) + "/v1/blobs/" + id + "/metadata", new byte[100_000]), 413, "OUT_OF_RANGE",
        "PAYLOAD_TOO_LARGE");
    assertEquals(200, send("GET", net.network.nodeUrl(node) + "/v1/health", null).statusCode());
    try (var in = net.store.read(id.toBase64(), null)) {
      assertArrayEquals(data, in.readAllBytes());
    }
  }

  @Test
  void confirmationIsSignedOnlyWhenEverySliverOfTheNodesShardsIsStored() throws Exception {
    int node = nodeOfPair(0, true);
    JsonObject ok = new JsonObject(send("GET", net.network.nodeUrl(node) + "/v1/blobs/" + id + "/confirmation/permanent", null).body());
    assertTrue(ok.getJsonObject("success").getJsonObject("data").getJsonObject("signed").getString("signature").length() > 100);
    net.network.node(node).store().delete(id.toBase64(), "s0");
    assertError(send("GET", net.network.nodeUrl(node) + "/v1/blobs/" + id + "/confirmation/permanent", null), 400,
        "FAILED_PRECONDITION", "NOT_FULLY_STORED");
    assertEquals(201, send("PUT", sliverUrl(node, 0, Axis.SECONDARY), encoded.pairSecondary(0).toBcs()).statusCode());
  }

  static HttpResponse<byte[]> getBytes(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** E[p][s] computed locally from the encoder's primary sliver p (any column s < n). */
  static byte[] cell(int p, int s) {
    return dev.haulout.erasure.encoding.SliverRecovery.recoverySymbol(encoded.metadata().config(), encoded.primarySliver(p), s).data();
  }

  @Test
  void recoverySymbolsByIdAnswerExactlyTheRequestedSymbolsWithProofs() throws Exception {
    int node = nodeOfPair(0, true);
    Committee c = Committee.fromLedger(net.ledger);
    java.util.List<Integer> held = new java.util.ArrayList<>();
    int notHeld = -1;
    for (int pair = 0; pair < SHARDS; pair++) {
      if (c.memberOfShard(id.shardOfPair(pair, SHARDS)).url().equals(net.network.nodeUrl(node))) {
        held.add(pair);
      } else {
        notHeld = pair;
      }
    }
    int a = held.get(0);
    int b = held.get(held.size() - 1);
    int sb = SHARDS - 1 - b; // secondary sliver the node holds through pair b
    // a-0, a-9, a-5: from primary sliver a; notHeld-sb: the node lacks primary notHeld, so from secondary sliver sb
    String q = "?id=" + a + "-0&id=" + a + "-" + (SHARDS - 1) + "&id=" + a + "-5&id=" + notHeld + "-" + sb;
    HttpResponse<byte[]> r = getBytes(net.network.nodeUrl(node) + "/v1/blobs/" + id + "/recoverySymbols" + q);
    assertEquals(200, r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
    java.util.List<dev.haulout.erasure.encoding.RecoverySymbol> got = dev.haulout.erasure.encoding.RecoverySymbol.listFromBcs(r.body());
    assertEquals(4, got.size(), "exactly the requested symbols");
    int[][] expect = {{a, 0}, {a, SHARDS - 1}, {a, 5}, {notHeld, sb}};
    dev.haulout.erasure.encoding.SliverRecovery verifier = dev.haulout.erasure.encoding.SliverRecovery.create(encoded.metadata());
    for (int i = 0; i < 4; i++) {
      var sym = got.get(i);
      assertArrayEquals(cell(expect[i][0], expect[i][1]), sym.data(), "symbol " + expect[i][0] + "-" + expect[i][1]);
      verifier.verify(sym, sym.targetAxis(), sym.targetIndex()); // the Merkle proof holds against the metadata
    }
    assertEquals(Axis.SECONDARY, got.get(0).targetAxis());
    assertEquals(a, got.get(0).sourceIndex());
    assertEquals(SHARDS - 1, got.get(1).targetIndex());
    assertEquals(Axis.PRIMARY, got.get(3).targetAxis(), "taken from the secondary sliver");
    assertEquals(sb, got.get(3).sourceIndex());
    assertEquals(notHeld, got.get(3).targetIndex());

    String base = net.network.nodeUrl(node) + "/v1/blobs/" + id + "/recoverySymbols";
    assertError(send("GET", base + "?id=abc", null), 400, "INVALID_ARGUMENT", "INVALID_SYMBOL_ID");
    assertError(send("GET", base + "?id=1-", null), 400, "INVALID_ARGUMENT", "INVALID_SYMBOL_ID");
    assertError(send("GET", base + "?id=" + a + "-" + SHARDS, null), 400, "INVALID_ARGUMENT", "INVALID_SYMBOL_ID");
    assertError(send("GET", base + "?id=" + a + "-0&targetSliver=1&targetType=primary", null), 400, "INVALID_ARGUMENT",
        "INVALID_PARAMETER");
    assertError(send("GET", base, null), 400, "INVALID_ARGUMENT", "INVALID_PARAMETER");
    // neither primary sliver notHeld nor secondary sliver n-1-notHeld is on this node
    assertError(send("GET", base + "?id=" + notHeld + "-" + (SHARDS - 1 - notHeld), null), 404, "NOT_FOUND", "SYMBOL_NOT_STORED");
    // the targetSliver form still works next to it
    assertTrue(dev.haulout.erasure.encoding.RecoverySymbol.listFromBcs(getBytes(base + "?targetSliver=1&targetType=primary").body())
        .size() == held.size());

    // proofAxis: a-sb is held here twice, in primary sliver a and in secondary sliver sb (pair b)
    var bySecondary = dev.haulout.erasure.encoding.RecoverySymbol.listFromBcs(
        getBytes(base + "?id=" + a + "-" + sb + "&proofAxis=secondary").body());
    assertEquals(Axis.PRIMARY, bySecondary.get(0).targetAxis(), "taken from secondary sliver sb as asked");
    assertEquals(sb, bySecondary.get(0).sourceIndex());
    assertArrayEquals(cell(a, sb), bySecondary.get(0).data());
    verifier.verify(bySecondary.get(0), bySecondary.get(0).targetAxis(), bySecondary.get(0).targetIndex());
    var byPrimary = dev.haulout.erasure.encoding.RecoverySymbol.listFromBcs(
        getBytes(base + "?id=" + a + "-" + sb + "&proofAxis=primary").body());
    assertEquals(Axis.SECONDARY, byPrimary.get(0).targetAxis(), "taken from primary sliver a");
    assertEquals(a, byPrimary.get(0).sourceIndex());
    assertArrayEquals(cell(a, sb), byPrimary.get(0).data());
    // notHeld-sb exists here only through secondary sliver sb: asking for a primary proof is not possible
    assertError(send("GET", base + "?id=" + notHeld + "-" + sb + "&proofAxis=primary", null), 404, "NOT_FOUND", "SYMBOL_NOT_STORED");
    assertError(send("GET", base + "?id=" + a + "-0&proofAxis=diagonal", null), 400, "INVALID_ARGUMENT", "INVALID_SLIVER_TYPE");
    assertError(send("GET", base + "?targetSliver=1&targetType=primary&proofAxis=primary", null), 400, "INVALID_ARGUMENT",
        "INVALID_PARAMETER");
    assertEquals(200, getBytes(base + "?targetSliver=1&targetType=primary&proofAxis=secondary").statusCode());
  }

  @Test
  void decodingSymbolsAreAMapOfTargetSliverToProoflessSymbolsFromEveryHeldSliver() throws Exception {
    int node = nodeOfPair(0, true);
    Committee c = Committee.fromLedger(net.ledger);
    java.util.TreeSet<Integer> heldPairs = new java.util.TreeSet<>();
    for (int shard : c.memberWithKey(net.network.node(node).publicKey()).shards()) {
      heldPairs.add(id.pairOnShard(shard, SHARDS));
    }
    String base = net.network.nodeUrl(node) + "/v1/blobs/" + id + "/decodingSymbols";
    // primary targets 3 and 0 (comma list plus a repeated parameter): symbol E[t][j] from every secondary sliver j held
    HttpResponse<byte[]> r = getBytes(base + "?targetSlivers=3,0&targetSlivers=0&targetType=primary");
    assertEquals(200, r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
    var map = dev.haulout.storage.node.DecodingSymbols.fromBcs(r.body());
    assertEquals(java.util.List.of(0, 3), new java.util.ArrayList<>(map.keySet()));
    java.util.SortedMap<Integer, java.util.List<java.util.Map.Entry<Integer, byte[]>>> expected = new java.util.TreeMap<>();
    for (int t : new int[] {0, 3}) {
      java.util.List<java.util.Map.Entry<Integer, byte[]>> list = new java.util.ArrayList<>();
      for (int j : heldPairs.descendingSet().stream().map(p -> SHARDS - 1 - p).toList()) {
        list.add(java.util.Map.entry(j, cell(t, j)));
      }
      expected.put(t, list);
      assertEquals(list.stream().map(java.util.Map.Entry::getKey).toList(), map.get(t).stream().map(java.util.Map.Entry::getKey).toList());
      for (int i = 0; i < list.size(); i++) {
        assertArrayEquals(list.get(i).getValue(), map.get(t).get(i).getValue());
      }
    }
    // byte-exact: the documented layout, no proofs
    assertArrayEquals(dev.haulout.storage.node.DecodingSymbols.toBcs(expected), r.body());
    // secondary target 2: E[i][2] from every primary sliver i held
    var sec = dev.haulout.storage.node.DecodingSymbols.fromBcs(getBytes(base + "?targetSlivers=2&targetType=secondary").body());
    assertEquals(new java.util.ArrayList<>(heldPairs), sec.get(2).stream().map(java.util.Map.Entry::getKey).toList());
    for (var e : sec.get(2)) {
      assertArrayEquals(cell(e.getKey(), 2), e.getValue());
    }
    assertError(send("GET", base + "?targetSlivers=x&targetType=primary", null), 400, "INVALID_ARGUMENT", "INVALID_PARAMETER");
    assertError(send("GET", base + "?targetSlivers=" + SHARDS + "&targetType=primary", null), 400, "INVALID_ARGUMENT",
        "INVALID_SLIVER_INDEX");
    assertError(send("GET", base + "?targetType=primary", null), 400, "INVALID_ARGUMENT", "INVALID_PARAMETER");
    assertError(send("GET", base + "?targetSlivers=1&targetType=diagonal", null), 400, "INVALID_ARGUMENT", "INVALID_SLIVER_TYPE");
  }

  @Test
  void openApiDocumentsExactlyTheRoutesTheServerServes() throws Exception {
    String base = net.network.nodeUrl(0);
    HttpResponse<String> r = send("GET", base + "/v1/api", null);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    JsonObject doc = new JsonObject(r.body());
    assertTrue(doc.getString("openapi").startsWith("3."), "OpenAPI 3");
    JsonObject paths = doc.getJsonObject("paths");
    java.util.Set<String> served = new java.util.TreeSet<>();
    for (dev.haulout.storage.node.server.StorageNodeServer.Route route : dev.haulout.storage.node.server.StorageNodeServer.routes()) {
      String method = route.method().name().toLowerCase(java.util.Locale.ROOT);
      served.add(method + " " + route.template());
      assertTrue(paths.containsKey(route.template()) && paths.getJsonObject(route.template()).containsKey(method),
          "served route " + route + " is missing from /v1/api");
      // and the server really dispatches it (whatever the answer, it is not "no route")
      String url = base + route.template().replace("{blob_id}", id.toBase64()).replace("{sliver_pair_index}", "0")
          .replace("{sliver_type}", "primary").replace("{object_id}", "0x00");
      HttpResponse<String> hit = send(route.method().name(), url, method.equals("get") ? null : new byte[] {1});
      assertTrue(hit.statusCode() != 404 || !hit.body().contains("NO_ROUTE"), route + " → " + hit.body());
    }
    java.util.Set<String> documented = new java.util.TreeSet<>();
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        documented.add(method + " " + path);
      }
    }
    assertEquals(served, documented, "/v1/api documents exactly the served routes");
    assertTrue(served.size() >= 15, served.toString());
    assertError(send("GET", base + "/v1/blobs/" + id + "/nothing", null), 404, "NOT_FOUND", "NO_ROUTE");
    assertError(send("DELETE", base + "/v1/blobs/" + id + "/metadata", null), 404, "NOT_FOUND", "NO_ROUTE");
  }

  @Test
  void syncShardAnswersOnlyASignedRequestOfTheCommitteeMemberHoldingTheShard() throws Exception {
    Committee c = Committee.fromLedger(net.ledger);
    int holder = nodeOfPair(0, true);
    int other = nodeOfPair(0, false);
    int shard = id.shardOfPair(0, SHARDS);
    BlobId unknown = BlobId.fromBytes(new byte[32]);
    String url = net.network.nodeUrl(holder) + "/v1/migrate/sync_shard";
    dev.haulout.storage.node.StorageNode holderNode = net.network.node(holder);

    // authorized: the holder of the shard (here asking itself, which has the slivers): exactly the stored ones
    byte[] ok = holderNode.signedSyncShardRequest(shard, Axis.PRIMARY, java.util.List.of(unknown, id));
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(ok)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    var got = dev.haulout.storage.node.SyncShard.parseResponse(Axis.PRIMARY, r.body());
    assertEquals(1, got.size(), "the unknown blob is left out");
    assertEquals(id, got.get(0).getKey());
    assertEquals(encoded.pairPrimary(0), got.get(0).getValue());

    // a BLS key that is not in the committee
    dev.haulout.storage.bls.BlsKeyPair stranger = dev.haulout.storage.bls.BlsKeyPair.generate();
    assertError(send("POST", url, dev.haulout.storage.node.SyncShard.signedRequest(stranger, c.epoch(), shard, Axis.PRIMARY,
        java.util.List.of(id))), 403, "PERMISSION_DENIED", "NOT_A_COMMITTEE_MEMBER");
    // a committee member that does not hold the shard
    assertError(send("POST", url, net.network.node(other).signedSyncShardRequest(shard, Axis.PRIMARY, java.util.List.of(id))),
        403, "PERMISSION_DENIED", "SHARD_NOT_ASSIGNED_TO_REQUESTER");
    // the holder's request altered after signing (another shard), or naming the holder's key but signed by another
    byte[] altered = ok.clone();
    altered[7] ^= 1;
    assertError(send("POST", url, altered), 403, "PERMISSION_DENIED", "INVALID_SIGNATURE");
    byte[] msg = dev.haulout.storage.node.SyncShard.message(c.epoch(), shard, Axis.PRIMARY, holderNode.publicKey(), java.util.List.of(id));
    byte[] forged = java.util.Arrays.copyOf(msg, msg.length + 96);
    System.arraycopy(stranger.sign(msg), 0, forged, msg.length, 96);
    assertError(send("POST", url, forged), 403, "PERMISSION_DENIED", "INVALID_SIGNATURE");
    // another epoch; garbage
    assertError(send("POST", url, dev.haulout.storage.node.SyncShard.signedRequest(stranger, c.epoch() + 1, shard, Axis.PRIMARY,
        java.util.List.of(id))), 400, "FAILED_PRECONDITION", "INVALID_EPOCH");
    assertError(send("POST", url, new byte[] {1, 2, 3}), 400, "INVALID_ARGUMENT", "INVALID_SYNC_SHARD_REQUEST");
    assertEquals(200, send("GET", net.network.nodeUrl(holder) + "/v1/health", null).statusCode());
  }

  /** The client's health and blob status come back as records; a node's error reason as its constant. */
  @Test
  void clientReadsHealthAndBlobStatusAsRecordsAndErrorsAsCodes() {
    Committee c = Committee.fromLedger(net.ledger);
    int owned = 0;
    for (int i = 0; i < net.network.size(); i++) {
      NodeHealth h = StorageNodeClient.create(net.network.nodeUrl(i), http, StorageClientOptions.defaults()).health();
      assertEquals(c.epoch(), h.epoch());
      assertEquals(SHARDS, h.nShards());
      assertEquals(48, java.util.Base64.getDecoder().decode(h.publicKeyBase64()).length, "a min-pk G1 key");
      owned += h.ownedShards();
    }
    assertEquals(SHARDS, owned, "every shard is held by exactly one node");
    StorageNodeClient client = StorageNodeClient.create(net.network.nodeUrl(0), http, StorageClientOptions.defaults());
    BlobStatus st = client.blobStatus(id);
    assertEquals("permanent", st.kind());
    assertTrue(st.certified());
    assertTrue(st.endEpoch() > c.epoch());
    assertEquals(id.toBase64(), st.blobId());
    BlobId unknown = BlobEncoder.create(EncodingConfig.forShards(SHARDS)).encode(new byte[] {42}).blobId();
    assertFalse(client.blobStatus(unknown).exists());
    StorageException e = assertThrows(StorageException.class, () -> client.getMetadata(unknown));
    assertEquals(StorageErrorCode.METADATA_NOT_FOUND, e.errorCode());
    assertEquals("METADATA_NOT_FOUND", e.code());
    assertEquals(404, e.httpStatus());
  }
}
