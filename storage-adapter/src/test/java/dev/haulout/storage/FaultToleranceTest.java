package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.Versioned;
import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.storage.client.StorageNodeClient;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** n = 7 nodes over 100 shards (f = 33 shards, about 2 nodes): crashes, liars, lost disks, full restarts. */
class FaultToleranceTest {
  static final int SHARDS = 100;
  static TestNetwork net;

  @BeforeAll
  static void start() {
    net = TestNetwork.start(SHARDS, EmbeddedNetworkOptions.defaults().withHealIntervalMs(0));
  }

  @AfterAll
  static void stop() {
    net.close();
  }

  @AfterEach
  void restartAll() {
    for (int i = 0; i < net.network.size(); i++) {
      net.network.startNode(i);
    }
  }

  static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  static StoreResult store(byte[] data) throws Exception {
    return net.store.store(new ByteArrayInputStream(data), data.length, 1, ProgressListener.NONE);
  }

  static byte[] read(String id) throws Exception {
    try (var in = net.store.read(id, null)) {
      return in.readAllBytes();
    }
  }

  static int shardsOf(int node) {
    Committee c = Committee.fromLedger(net.ledger);
    return c.memberWithKey(net.network.node(node).publicKey()).shards().size();
  }

  /** The k nodes holding the most shards whose total is at most {@code limit} (or the fewest above it). */
  static List<Integer> nodesHolding(boolean atMostF) {
    List<Integer> out = new ArrayList<>();
    int f = (SHARDS - 1) / 3;
    int total = 0;
    for (int i = 0; i < net.network.size(); i++) {
      int s = shardsOf(i);
      if (atMostF ? total + s <= f : total <= f) {
        out.add(i);
        total += s;
      }
    }
    assertTrue(atMostF ? total <= f && out.size() >= 2 : total > f, "shard split " + total);
    return out;
  }

  @Test
  void writesAndReadsSucceedWithNodesHoldingUpToFShardsDown() throws Exception {
    byte[] before = random(300_000, 1);
    String earlier = store(before).blobId();
    List<Integer> down = nodesHolding(true);
    down.forEach(net.network::stopNode);
    byte[] data = random(400_000, 2);
    StoreResult r = store(data);
    assertTrue(r.certifiedEpoch() > 0);
    assertArrayEquals(data, read(r.blobId()));
    assertArrayEquals(before, read(earlier));
  }

  @Test
  void writeAbortsCleanlyWhenNodesHoldingMoreThanFShardsAreDown() throws Exception {
    List<Integer> down = nodesHolding(false);
    down.forEach(net.network::stopNode);
    byte[] data = random(100_000, 3);
    QuorumNotReachedException e = assertThrows(QuorumNotReachedException.class, () -> store(data));
    assertTrue(e.getMessage().contains("nothing was certified"), e.getMessage());
    assertTrue(e.failedShards() > (SHARDS - 1) / 3);
    String id = dev.haulout.erasure.encoding.BlobEncoder.create(EncodingConfig.forShards(SHARDS)).computeMetadata(data)
        .blobId().toBase64();
    List<Versioned<ChainObject>> blobs = net.ledger.blobsByBlobId(id);
    assertEquals(1, blobs.size(), "registered once");
    assertNull(((Blob) blobs.get(0).object()).certifiedEpoch(), "never certified");
    assertTrue(!net.store.status(id).certified());
  }

  @Test
  void aWriteFinishesAtQuorumPlusGraceWhileOneNodeHangs() throws Exception {
    int hung = 0;
    for (int i = 1; i < net.network.size(); i++) {
      hung = shardsOf(i) < shardsOf(hung) ? i : hung;
    }
    assertTrue(shardsOf(hung) <= (SHARDS - 1) / 3);
    int port = URI.create(net.network.nodeUrl(hung)).getPort();
    net.network.stopNode(hung);
    byte[] data = random(200_000, 6);
    FakeHangingNode fake = FakeHangingNode.start(port);
    StoreResult r;
    try {
      long t0 = System.nanoTime();
      r = store(data);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(fake.connections() > 0, "the writer did contact the hung node");
      // the hung node never answers, so a writer that waited for it would need at least one request
      // timeout (30 s, then retries): the bound comes from that constant, not from this machine's speed
      long timeout = StorageClientOptions.DEFAULT_REQUEST_TIMEOUT.toMillis();
      assertTrue(ms < timeout, "store took " + ms + " ms with one node hung: it waited for the hung node's timeout of " + timeout);
      System.out.println("store with one node hung took " + ms + " ms");
      assertTrue(r.newlyCreated());
      Blob blob = (Blob) net.ledger.blobsByBlobId(r.blobId()).get(0).object();
      assertEquals(Integer.valueOf(r.certifiedEpoch()), blob.certifiedEpoch(), "certified on the ledger without the hung node");
    } finally {
      fake.close();
    }
    net.network.startNode(hung);
    assertArrayEquals(data, read(r.blobId()));
  }

  @Test
  void aNodeServingCorruptSliversIsDetectedAndSkipped() throws Exception {
    byte[] data = random(1_500_000, 4);
    StoreResult r = store(data);
    BlobId id = BlobId.fromBase64(r.blobId());
    int liar = 0;
    Committee c = Committee.fromLedger(net.ledger);
    int k1 = EncodingConfig.forShards(SHARDS).primarySourceSymbols();
    long systematicRowsOnLiar = c.memberWithKey(net.network.node(liar).publicKey()).shards().stream()
        .filter(s -> id.pairOnShard(s, SHARDS) < k1).count();
    int port = URI.create(net.network.nodeUrl(liar)).getPort();
    net.network.stopNode(liar);
    long recoveredBefore = net.store.reader().rowsRecovered();
    FakeCorruptingNode fake = FakeCorruptingNode.start(net.network.node(liar), port);
    try {
      assertArrayEquals(data, read(r.blobId()));
      assertEquals(systematicRowsOnLiar, net.store.reader().rowsRecovered() - recoveredBefore,
          "every row on the liar was rebuilt from the other nodes' recovery symbols");
      // the lie itself is caught by verification
      StorageNodeClient client = StorageNodeClient.create(net.network.nodeUrl(liar),
          StorageNodeClient.newHttpClient(StorageClientOptions.defaults()), StorageClientOptions.defaults());
      VerifiedBlobMetadata meta = client.getAndVerifyMetadata(id, EncodingConfig.forShards(SHARDS));
      int pair = id.pairOnShard(c.memberWithKey(net.network.node(liar).publicKey()).shards().get(0), SHARDS);
      StorageException lie = assertThrows(StorageException.class, () -> client.getAndVerifySliver(id, pair, Axis.PRIMARY, meta));
      assertEquals("INVALID_SLIVER", lie.code());
    } finally {
      fake.close();
    }
  }

  @Test
  void restartingEveryNodeLosesNothing() throws Exception {
    List<byte[]> blobs = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] d = random(50_000 * (i + 1), 10 + i);
      blobs.add(d);
      ids.add(store(d).blobId());
    }
    for (int i = 0; i < net.network.size(); i++) {
      net.network.stopNode(i);
    }
    assertThrows(StorageException.class, () -> read(ids.get(0)));
    for (int i = 0; i < net.network.size(); i++) {
      net.network.startNode(i);
    }
    for (int i = 0; i < blobs.size(); i++) {
      assertArrayEquals(blobs.get(i), read(ids.get(i)));
    }
  }

  @Test
  void aWipedNodeHealsFromRecoverySymbolsAndServesEverySliverItShould() throws Exception {
    byte[] data = random(2_000_000, 5);
    StoreResult r = store(data);
    BlobId id = BlobId.fromBase64(r.blobId());
    int victim = 3;
    net.network.stopNode(victim);
    net.network.wipeNode(victim);
    net.network.startNode(victim);
    StorageNodeClient client = StorageNodeClient.create(net.network.nodeUrl(victim),
        StorageNodeClient.newHttpClient(StorageClientOptions.defaults()), StorageClientOptions.defaults());
    assertTrue(assertThrows(StorageException.class, () -> client.getMetadata(id)).isNotFound());

    long bytesBefore = net.network.healer(victim).recoveryBytesReceived();
    long sliversBefore = net.network.healer(victim).sliversRecovered();
    // rounds on every node: a blob written while other nodes were down needs them healed first
    for (int round = 0; round < 3; round++) {
      net.network.healRound();
    }
    List<Integer> shards = Committee.fromLedger(net.ledger).memberWithKey(net.network.node(victim).publicKey()).shards();
    long rebuilt = net.network.healer(victim).sliversRecovered() - sliversBefore;
    long certifiedBlobs = net.ledger.events(0, 10_000).stream().filter(e -> e.type().equals("BlobCertified"))
        .map(e -> e.body().get("blobId")).distinct().count();
    assertEquals(2L * shards.size() * certifiedBlobs, rebuilt, "both slivers of every pair of its shards, for every certified blob");

    VerifiedBlobMetadata meta = client.getAndVerifyMetadata(id, EncodingConfig.forShards(SHARDS));
    for (int shard : shards) {
      int pair = id.pairOnShard(shard, SHARDS);
      client.getAndVerifySliver(id, pair, Axis.PRIMARY, meta);
      client.getAndVerifySliver(id, pair, Axis.SECONDARY, meta);
    }
    // O(blob/n): a pair costs k2 + k1 symbols of S bytes plus a Merkle proof each (this blob is the largest here)
    EncodingConfig cfg = EncodingConfig.forShards(SHARDS);
    int s = cfg.symbolSize(data.length);
    int proof = 32 * (int) Math.ceil(Math.log(SHARDS) / Math.log(2)) + 16;
    long perPairBound = (long) (cfg.primarySourceSymbols() + cfg.secondarySourceSymbols()) * (s + proof);
    long perPair = (net.network.healer(victim).recoveryBytesReceived() - bytesBefore) / (rebuilt / 2);
    assertTrue(perPair <= perPairBound, perPair + " bytes per pair > bound " + perPairBound);
    assertTrue(perPair < data.length / 10, "far below the blob size: " + perPair);
    // and the healed node counts for reads with two others down
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < net.network.size() && others.size() < 2; i++) {
      if (i != victim) {
        others.add(i);
      }
    }
    others.forEach(net.network::stopNode);
    assertArrayEquals(data, read(r.blobId()));
  }

  @Test
  void aCorruptFileOnDiskIsDetectedAndRebuilt() throws Exception {
    byte[] data = random(200_000, 6);
    BlobId id = BlobId.fromBase64(store(data).blobId());
    int node = 1;
    int shard = Committee.fromLedger(net.ledger).memberWithKey(net.network.node(node).publicKey()).shards().get(0);
    int pair = id.pairOnShard(shard, SHARDS);
    java.nio.file.Path f = net.network.dataDir(node).resolve("blobs").resolve(id.toBase64()).resolve("p" + pair);
    byte[] raw = java.nio.file.Files.readAllBytes(f);
    raw[raw.length - 3] ^= 1;
    java.nio.file.Files.write(f, raw);
    long corruptBefore = net.network.node(node).store().corruptFilesDetected();
    for (int round = 0; round < dev.haulout.storage.node.SelfHealer.SCRUB_EVERY; round++) {
      net.network.healer(node).runOnce();
    }
    assertEquals(corruptBefore + 1, net.network.node(node).store().corruptFilesDetected());
    // rebuilt: byte for byte the encoder's sliver (and what was on disk before the flip)
    byte[] expected = dev.haulout.erasure.encoding.BlobEncoder.create(EncodingConfig.forShards(SHARDS)).encode(data)
        .primarySliver(pair).toBcs();
    assertArrayEquals(expected, net.network.node(node).sliver(id, pair, Axis.PRIMARY).orElseThrow(), "rebuilt");
    raw[raw.length - 3] ^= 1;
    assertArrayEquals(raw, java.nio.file.Files.readAllBytes(f), "the file on disk is the original again");
  }
}
