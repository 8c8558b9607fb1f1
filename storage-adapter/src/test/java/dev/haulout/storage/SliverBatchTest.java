package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.erasure.encoding.EncodedBlob;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import dev.haulout.storage.node.SliverBatch;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch route {@code PUT /v1/blobs/{id}/slivers}: a node stores all slivers of a batch (and
 * then confirms), answers a repeat as already stored, and refuses bad batches as a whole with a
 * stable code, storing none of their slivers.
 */
class SliverBatchTest {
  static final int SHARDS = 10;
  static TestNetwork net;
  static EncodedBlob blob;
  static BlobId id;

  @BeforeAll
  static void start() throws Exception {
    net = TestNetwork.start(SHARDS, EmbeddedNetworkOptions.defaults().withNodes(4).withHealIntervalMs(0));
    byte[] data = new byte[30_000];
    new Random(7).nextBytes(data);
    EncodingConfig cfg = EncodingConfig.forShards(SHARDS);
    blob = BlobEncoder.create(cfg).encode(data);
    id = blob.blobId();
    var w = net.wallet;
    String storage = net.ledger.submit(Transactions.sign(w, new TransactionData(w.address().toString(), System.nanoTime(), 0,
        new TxKind.BuyStorage(cfg.encodedLength(data.length), 1)))).createdObjects().get(0);
    net.ledger.submit(Transactions.sign(w, new TransactionData(w.address().toString(), System.nanoTime(), 0,
        new TxKind.RegisterBlob(storage, id.toBytes(), blob.metadata().rootHash(), data.length, EncodingConfig.ENCODING_TYPE_RS2, false))));
    for (int i = 0; i < net.network.size(); i++) {
      assertEquals(201, NodeApiErrorsTest.send("PUT", net.network.nodeUrl(i) + "/v1/blobs/" + id + "/metadata",
          blob.metadata().toBcs()).statusCode());
    }
  }

  @AfterAll
  static void stop() {
    net.close();
  }

  static String batchUrl(int node) {
    return net.network.nodeUrl(node) + "/v1/blobs/" + id + "/slivers";
  }

  /** Both slivers of every pair of node {@code node}'s shards. */
  static List<SliverBatch.Entry> entriesOf(int node) {
    Committee c = Committee.fromLedger(net.ledger);
    List<SliverBatch.Entry> out = new ArrayList<>();
    for (int shard : c.memberWithKey(net.network.node(node).publicKey()).shards()) {
      int pair = id.pairOnShard(shard, SHARDS);
      out.add(SliverBatch.entry(pair, blob.primarySliver(pair)));
      out.add(SliverBatch.entry(pair, blob.secondarySliver(SHARDS - 1 - pair)));
    }
    return out;
  }

  static String status(int node, SliverBatch.Entry e) throws Exception {
    return new JsonObject(NodeApiErrorsTest.send("GET", net.network.nodeUrl(node) + "/v1/blobs/" + id + "/slivers/" + e.pair() + "/"
        + e.axis().pathName() + "/status", null).body()).getJsonObject("success").getString("data");
  }

  static String message(HttpResponse<String> r) {
    return new JsonObject(r.body()).getJsonObject("success").getString("data");
  }

  @Test
  void aBatchStoresEverySliverOfTheNodeWhichThenConfirmsAndARepeatIsAlreadyStored() throws Exception {
    List<SliverBatch.Entry> all = entriesOf(0);
    assertTrue(all.size() >= 4, "node 0 holds at least two shards");
    String confirmation = net.network.nodeUrl(0) + "/v1/blobs/" + id + "/confirmation/permanent";
    NodeApiErrorsTest.assertError(NodeApiErrorsTest.send("GET", confirmation, null), 400, "FAILED_PRECONDITION", "NOT_FULLY_STORED");

    HttpResponse<String> r = NodeApiErrorsTest.send("PUT", batchUrl(0), SliverBatch.toBcs(all));
    assertEquals(201, r.statusCode(), r.body());
    assertEquals(all.size() + " slivers stored, 0 already stored", message(r));
    for (SliverBatch.Entry e : all) {
      assertEquals("stored", status(0, e));
    }
    assertEquals(200, NodeApiErrorsTest.send("GET", confirmation, null).statusCode());
    // every file is durable and intact on disk (BLAKE2b header checked on read)
    for (SliverBatch.Entry e : all) {
      assertTrue(net.network.node(0).sliver(id, e.pair(), e.axis()).isPresent());
    }

    HttpResponse<String> again = NodeApiErrorsTest.send("PUT", batchUrl(0), SliverBatch.toBcs(all));
    assertEquals(200, again.statusCode(), again.body());
    assertEquals("0 slivers stored, " + all.size() + " already stored", message(again));
  }

  @Test
  void aBatchWithOneBadSliverIsRefusedWithItsCodeAndStoresNothing() throws Exception {
    List<SliverBatch.Entry> own = entriesOf(1);
    SliverBatch.Entry good = own.get(0);
    SliverBatch.Entry other = own.get(1);

    byte[] tampered = other.bcs().clone();
    tampered[12] ^= 1; // a byte of the symbols, not the trailing index
    assertRefused(List.of(good, new SliverBatch.Entry(other.pair(), other.axis(), tampered)), 400, "INVALID_ARGUMENT", "INVALID_SLIVER");
    // the primary sliver of the pair sent as the pair's secondary: its index does not match
    SliverBatch.Entry primary = own.stream().filter(e -> e.axis() == Axis.PRIMARY).findFirst().orElseThrow();
    assertRefused(List.of(good, new SliverBatch.Entry(primary.pair(), Axis.SECONDARY,
        blob.secondarySliver(SHARDS - 1 - ((primary.pair() + 1) % SHARDS)).toBcs())), 400, "INVALID_ARGUMENT", "SLIVER_INDEX_MISMATCH");
    assertRefused(List.of(good, good), 400, "INVALID_ARGUMENT", "DUPLICATE_SLIVER");
    assertRefused(List.of(good, new SliverBatch.Entry(SHARDS, Axis.PRIMARY, good.bcs())), 400, "INVALID_ARGUMENT",
        "INVALID_SLIVER_PAIR_INDEX");
    assertRefused(List.of(good, new SliverBatch.Entry(other.pair(), other.axis(), new byte[] {1, 2, 3})), 400, "INVALID_ARGUMENT",
        "INVALID_SLIVER");
    // a sliver of a shard node 1 does not hold
    SliverBatch.Entry foreign = entriesOf(2).get(0);
    assertRefused(List.of(good, foreign), 421, "FAILED_PRECONDITION", "SHARD_NOT_ASSIGNED");

    for (SliverBatch.Entry e : own) {
      assertEquals("nonexistent", status(1, e), "nothing of a refused batch is stored");
    }
    HttpResponse<String> ok = NodeApiErrorsTest.send("PUT", batchUrl(1), SliverBatch.toBcs(List.of(good)));
    assertEquals(201, ok.statusCode(), ok.body());
  }

  static void assertRefused(List<SliverBatch.Entry> entries, int code, String status, String reason) throws Exception {
    HttpResponse<String> r = NodeApiErrorsTest.send("PUT", batchUrl(1), SliverBatch.toBcs(entries));
    NodeApiErrorsTest.assertError(r, code, status, reason);
    assertTrue(new JsonObject(r.body()).getJsonObject("error").getString("message").contains("batch entry 1"), r.body());
  }

  @Test
  void writesWithAndWithoutBatchesCertifyAndReadBack() throws Exception {
    for (boolean batch : new boolean[] {true, false}) {
      byte[] data = new byte[12_345];
      new Random(batch ? 11 : 12).nextBytes(data);
      try (var store = dev.haulout.storage.nodeproto.NodeProtocolBlobStore.create(net.ledger, net.wallet,
          StorageClientOptions.defaults().withBatchUploads(batch))) {
        StoreResult r = store.store(new java.io.ByteArrayInputStream(data), data.length, 1, ProgressListener.NONE);
        assertTrue(r.newlyCreated() && r.certifiedEpoch() > 0, "certified, batch=" + batch);
        net.awaitFullyStored(r.blobId());
        try (var in = store.read(r.blobId(), null)) {
          org.junit.jupiter.api.Assertions.assertArrayEquals(data, in.readAllBytes(), "batch=" + batch);
        }
      }
    }
  }

  @Test
  void malformedEmptyOversizedOrMisplacedBatchesGetClearErrors() throws Exception {
    String url = batchUrl(2);
    NodeApiErrorsTest.assertError(NodeApiErrorsTest.send("PUT", url, new byte[] {5, 1}), 400, "INVALID_ARGUMENT", "INVALID_SLIVER_BATCH");
    NodeApiErrorsTest.assertError(NodeApiErrorsTest.send("PUT", url, new byte[] {0}), 400, "INVALID_ARGUMENT", "INVALID_SLIVER_BATCH");
    NodeApiErrorsTest.assertError(NodeApiErrorsTest.send("PUT", url, new byte[0]), 400, "INVALID_ARGUMENT", "INVALID_SLIVER_BATCH");
    // sliver type 2
    NodeApiErrorsTest.assertError(NodeApiErrorsTest.send("PUT", url, new byte[] {1, 0, 0, 2, 0}), 400, "INVALID_ARGUMENT",
        "INVALID_SLIVER_BATCH");
    byte[] valid = SliverBatch.toBcs(List.of(entriesOf(2).get(0)));
    byte[] trailing = java.util.Arrays.copyOf(valid, valid.length + 1);
    NodeApiErrorsTest.assertError(NodeApiErrorsTest.send("PUT", url, trailing), 400, "INVALID_ARGUMENT", "INVALID_SLIVER_BATCH");
    // ULEB128 1025 = 0x81 0x08
    NodeApiErrorsTest.assertError(NodeApiErrorsTest.send("PUT", url, new byte[] {(byte) 0x81, 0x08}), 400, "INVALID_ARGUMENT",
        "TOO_MANY_SLIVERS");
    NodeApiErrorsTest.assertError(NodeApiErrorsTest.send("PUT", url, new byte[(int) SliverBatch.MAX_BODY_BYTES + 1]), 413,
        "OUT_OF_RANGE", "PAYLOAD_TOO_LARGE");
    BlobId unknown = BlobId.fromBytes(new byte[32]);
    NodeApiErrorsTest.assertError(NodeApiErrorsTest.send("PUT", net.network.nodeUrl(2) + "/v1/blobs/" + unknown + "/slivers", valid),
        400, "FAILED_PRECONDITION", "METADATA_NOT_STORED");
    NodeApiErrorsTest.assertError(NodeApiErrorsTest.send("PUT", net.network.nodeUrl(2) + "/v1/blobs/not-an-id/slivers", valid),
        400, "INVALID_ARGUMENT", "INVALID_BLOB_ID");
    // the node is unharmed
    assertEquals(200, NodeApiErrorsTest.send("GET", net.network.nodeUrl(2) + "/v1/health", null).statusCode());
  }
}
