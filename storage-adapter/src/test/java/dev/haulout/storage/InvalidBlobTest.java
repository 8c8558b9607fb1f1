package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.ChainEvent;
import dev.haulout.chain.model.InvalidBlobId;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.erasure.encoding.EncodedBlob;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.storage.client.StorageNodeClient;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * End to end {@code invalidate_blob_id}: a writer registers a blob whose metadata commits primary
 * sliver 0 to another blob's hash and uploads the honest slivers of the rest. A reader (the
 * client's {@code NodeProtocolBlobStore}) cannot fetch row 0, rebuilds it from recovery symbols,
 * gets an {@code InconsistentBlobException}, collects the nodes' invalid-blob attestations,
 * aggregates them and submits {@code InvalidateBlobId} (checked on the ledger with real BLS). Then
 * the ledger answers it invalid, every node reports {@code invalid} status, refuses metadata and
 * slivers with 410 {@code BLOB_INVALID} and has deleted its files, and the aggregator answers 410.
 * An aggregator that is the first to read an inconsistent blob invalidates it the same way.
 */
class InvalidBlobTest {
  static final int SHARDS = 10;

  @Test
  void anInconsistentBlobIsInvalidatedByTheReaderAndNodesDropIt() throws Exception {
    try (TestNetwork net = TestNetwork.start(SHARDS, EmbeddedNetworkOptions.defaults().withNodes(4).withHealIntervalMs(0)
        .withPublisher(0))) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      // an honest blob on the same nodes, which must stay readable
      byte[] good = new byte[30_000];
      new Random(11).nextBytes(good);
      StoreResult goodBlob = net.store.store(new ByteArrayInputStream(good), good.length, 2, ProgressListener.NONE);

      byte[] a = new byte[20_000];
      new Random(5).nextBytes(a);
      VerifiedBlobMetadata bad = registerAndUploadInconsistentBlob(net, http, a, 6);
      BlobId badId = bad.blobId();
      Committee c = Committee.fromLedger(net.ledger);
      assertTrue(net.ledger.invalidBlob(badId.toBase64()).isEmpty());
      int nodeOfRow0 = nodeIndex(net, c.memberOfShard(badId.shardOfPair(0, SHARDS)).url());
      assertTrue(net.network.node(nodeOfRow0).store().exists(badId.toBase64(), "metadata"));

      // the read finds the inconsistency and invalidates the blob on the ledger
      IOException failed = assertThrows(IOException.class, () -> {
        try (var in = net.store.read(badId.toBase64(), null)) {
          in.readAllBytes();
        }
      });
      StorageException cause = (StorageException) failed.getCause();
      assertEquals("BLOB_INVALID", cause.code());
      assertEquals(410, cause.httpStatus());
      assertTrue(cause.getMessage().contains("invalidated on the ledger by transaction"), cause.getMessage());
      InvalidBlobId record = net.ledger.invalidBlob(badId.toBase64()).orElseThrow();
      assertEquals(c.epoch(), record.epoch());
      assertTrue(3 * record.signerWeight() >= SHARDS + 1, "an f+1 certificate: " + record.signerWeight());
      List<ChainEvent> invalidated = net.ledger.events(0, 1000).stream().filter(e -> e.type().equals("BlobInvalidated")).toList();
      assertEquals(1, invalidated.size());
      assertEquals(badId.toBase64(), invalidated.get(0).body().get("blobId"));

      // the client and every node now treat it as invalid
      StorageException again = assertThrows(StorageException.class, () -> net.store.read(badId.toBase64(), null));
      assertEquals("BLOB_INVALID", again.code());
      assertTrue(net.store.status(badId.toBase64()).isInvalid());
      for (int i = 0; i < net.network.size(); i++) { // the nodes' event poll (at most every INVALID_POLL_MS)
        var node = net.network.node(i);
        TestNetwork.await("node " + i + " learns the invalidation", 20 * dev.haulout.storage.node.StorageNode.INVALID_POLL_MS,
            () -> node.isInvalid(badId));
      }
      for (int i = 0; i < net.network.size(); i++) {
        String base = net.network.nodeUrl(i) + "/v1/blobs/" + badId;
        JsonObject status = new JsonObject(get(http, base + "/status").body()).getJsonObject("success").getJsonObject("data");
        assertEquals(invalidated.get(0).txDigest(), status.getJsonObject("invalid").getJsonObject("event").getString("txDigest"));
        assertEquals(invalidated.get(0).seq(), status.getJsonObject("invalid").getJsonObject("event").getLong("eventSeq"));
        assertInvalid(get(http, base + "/metadata"));
        for (int shard : c.members().get(memberIndex(c, net.network.nodeUrl(i))).shards()) {
          int pair = badId.pairOnShard(shard, SHARDS);
          assertInvalid(get(http, base + "/slivers/" + pair + "/secondary"));
          assertInvalid(get(http, base + "/slivers/" + pair + "/primary"));
        }
        assertInvalid(get(http, base + "/recoverySymbols?targetSliver=1&targetType=primary"));
        assertInvalid(get(http, base + "/confirmation/permanent"));
        assertInvalid(http.send(HttpRequest.newBuilder(URI.create(base + "/metadata"))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bad.toBcs())).build(), HttpResponse.BodyHandlers.ofString()));
        assertTrue(net.network.node(i).store().names(badId.toBase64()).isEmpty(), "node " + i + " deleted the blob's files");
        assertFalse(java.nio.file.Files.exists(net.network.node(i).store().root().resolve(badId.toBase64())));
      }
      // the aggregator answers a clear error
      HttpResponse<String> agg = get(http, net.network.publisherUrl() + "/v1/blobs/" + badId);
      assertInvalid(agg);
      // healing never brings it back; the honest blob is untouched
      for (int i = 0; i < net.network.size(); i++) {
        net.network.healer(i).runOnce();
        assertTrue(net.network.node(i).store().names(badId.toBase64()).isEmpty());
      }
      try (var in = net.store.read(goodBlob.blobId(), null)) {
        assertArrayEquals(good, in.readAllBytes());
      }
      assertArrayEquals(good, http.send(HttpRequest.newBuilder(URI.create(net.network.publisherUrl() + "/v1/blobs/" + goodBlob.blobId()))
          .build(), HttpResponse.BodyHandlers.ofByteArray()).body());
    }
  }

  /**
   * Registers and uploads a blob of {@code a} whose metadata commits primary sliver 0 to the hash
   * of another blob's (random bytes from {@code otherSeed}): every other sliver is honest and
   * stored; primary sliver 0 is refused by its node and can never be stored.
   */
  static VerifiedBlobMetadata registerAndUploadInconsistentBlob(TestNetwork net, HttpClient http, byte[] a, int otherSeed)
      throws Exception {
    EncodingConfig cfg = EncodingConfig.forShards(SHARDS);
    byte[] b = new byte[a.length];
    new Random(otherSeed).nextBytes(b);
    EncodedBlob e1 = BlobEncoder.create(cfg).encode(a);
    EncodedBlob e2 = BlobEncoder.create(cfg).encode(b);
    VerifiedBlobMetadata bad = TestNetwork.inconsistentMetadata(cfg, e1, e2, a.length);
    BlobId badId = bad.blobId();
    var w = net.wallet;
    String storage = net.ledger.submit(Transactions.sign(w, new TransactionData(w.address().toString(), System.nanoTime(), 0,
        new TxKind.BuyStorage(cfg.encodedLength(a.length), 2)))).createdObjects().get(0);
    net.ledger.submit(Transactions.sign(w, new TransactionData(w.address().toString(), System.nanoTime(), 0,
        new TxKind.RegisterBlob(storage, badId.toBytes(), bad.rootHash(), a.length, 1, false))));
    Committee c = Committee.fromLedger(net.ledger);
    StorageClientOptions opts = StorageClientOptions.defaults();
    for (Committee.Member m : c.members()) {
      StorageNodeClient client = StorageNodeClient.create(m.url(), http, opts);
      assertEquals(201, client.putMetadata(badId, bad, false));
      for (int shard : m.shards()) {
        int pair = badId.pairOnShard(shard, SHARDS);
        client.putSliver(badId, pair, e1.pairSecondary(pair));
        if (pair != 0) {
          client.putSliver(badId, pair, e1.primarySliver(pair));
        } else {
          // the node checks every sliver against the metadata: this one can never be stored
          StorageException refused = assertThrows(StorageException.class, () -> client.putSliver(badId, 0, e1.primarySliver(0)));
          assertEquals("INVALID_SLIVER", refused.code());
        }
      }
    }
    return bad;
  }

  @Test
  void theAggregatorThatFindsAnInconsistentBlobInvalidatesItAndAnswers410() throws Exception {
    try (TestNetwork net = TestNetwork.start(SHARDS, EmbeddedNetworkOptions.defaults().withNodes(4).withHealIntervalMs(0)
        .withPublisher(0))) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      byte[] a = new byte[25_000];
      new Random(7).nextBytes(a);
      BlobId badId = registerAndUploadInconsistentBlob(net, http, a, 8).blobId();
      // the publisher/aggregator reads with its own wallet: its first row is the inconsistent one
      assertInvalid(get(http, net.network.publisherUrl() + "/v1/blobs/" + badId));
      assertTrue(net.ledger.invalidBlob(badId.toBase64()).isPresent(), "the aggregator's read invalidated it");
      assertInvalid(get(http, net.network.publisherUrl() + "/v1/blobs/" + badId));
      assertTrue(net.store.status(badId.toBase64()).isInvalid());
    }
  }

  static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertInvalid(HttpResponse<String> r) {
    assertEquals(410, r.statusCode(), r.body());
    JsonObject e = new JsonObject(r.body()).getJsonObject("error");
    assertEquals("BLOB_INVALID", e.getJsonArray("details").getJsonObject(0).getString("reason"), r.body());
    assertEquals(410, e.getInteger("code"));
  }

  static int nodeIndex(TestNetwork net, String url) {
    for (int i = 0; i < net.network.size(); i++) {
      if (net.network.nodeUrl(i).equals(url)) {
        return i;
      }
    }
    throw new AssertionError("no node " + url);
  }

  static int memberIndex(Committee c, String url) {
    for (Committee.Member m : c.members()) {
      if (m.url().equals(url)) {
        return m.index();
      }
    }
    throw new AssertionError("no member " + url);
  }
}
