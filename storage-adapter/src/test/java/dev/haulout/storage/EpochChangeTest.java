package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.storage.client.StorageNodeClient;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Shards that move to a node at an epoch change are rebuilt there by self-healing; their previous
 * holders then delete their copies (garbage collection after the new holder confirms them).
 */
class EpochChangeTest {
  static final int SHARDS = 40;

  @Test
  void shardsMovedToANodeAtAnEpochChangeAreHealedAndServedAndWritesUseTheNewEpoch() throws Exception {
    try (TestNetwork net = TestNetwork.start(SHARDS, EmbeddedNetworkOptions.defaults().withNodes(4).withHealIntervalMs(0))) {
      byte[] data = new byte[400_000];
      new Random(8).nextBytes(data);
      StoreResult r = net.store.store(new ByteArrayInputStream(data), data.length, 5, ProgressListener.NONE);
      BlobId id = BlobId.fromBase64(r.blobId());
      byte[] data2 = new byte[30_000];
      new Random(9).nextBytes(data2);
      StoreResult r2a = net.store.store(new ByteArrayInputStream(data2), data2.length, 5, ProgressListener.NONE);
      Committee before = Committee.fromLedger(net.ledger);
      Committee.Member m0 = before.memberWithKey(net.network.node(0).publicKey());
      Set<Integer> oldShards = new HashSet<>(m0.shards());

      // a delegator stakes 3x a node's stake into node 0's pool: it gets most shards next epoch
      Ed25519KeyPair delegator = Ed25519KeyPair.generate();
      net.ledger.faucet(delegator.address(), 400L * 1_000_000_000L);
      net.ledger.submit(Transactions.sign(delegator, new TransactionData(delegator.address().toString(), 1, 0,
          new TxKind.Stake(m0.poolId(), 300L * 1_000_000_000L))));
      net.ledger.advanceEpoch();
      Committee after = Committee.fromLedger(net.ledger);
      assertEquals(before.epoch() + 1, after.epoch());
      List<Integer> newShards = after.memberWithKey(net.network.node(0).publicKey()).shards();
      long moved = newShards.stream().filter(s -> !oldShards.contains(s)).count();
      assertTrue(moved > 0, "node 0 gained shards: " + oldShards + " -> " + newShards);
      net.awaitNodesInEpoch(after.epoch()); // the nodes' committee cache

      int rebuilt = net.network.healer(0).runOnce();
      assertEquals(2 * 2 * moved, rebuilt, "both slivers of every gained pair of both blobs");
      assertEquals(2 * 2 * moved, net.network.healer(0).shardSyncSlivers(),
          "every moved sliver came from its previous holder through POST /v1/migrate/sync_shard");
      assertEquals(0, net.network.healer(0).transferBytesReceived(), "no plain sliver GETs were needed");
      assertEquals(0, net.network.healer(0).recoveryBytesReceived(), "no recovery symbols were needed");
      StorageNodeClient client = StorageNodeClient.create(net.network.nodeUrl(0),
          StorageNodeClient.newHttpClient(StorageClientOptions.defaults()), StorageClientOptions.defaults());
      VerifiedBlobMetadata meta = client.getAndVerifyMetadata(id, EncodingConfig.forShards(SHARDS));
      for (int shard : newShards) {
        int pair = id.pairOnShard(shard, SHARDS);
        client.getAndVerifySliver(id, pair, Axis.PRIMARY, meta);
        client.getAndVerifySliver(id, pair, Axis.SECONDARY, meta);
      }
      // the previous holders delete the slivers of the shards they lost once the new holders have
      // them: two rounds, since a node may have to heal a shard another node gave up in the first
      BlobId id2 = BlobId.fromBase64(r2a.blobId());
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < net.network.size(); i++) {
          net.network.healer(i).runOnce();
        }
      }
      long handedOff = 0;
      long movedShards = 0;
      for (int i = 0; i < net.network.size(); i++) {
        Set<Integer> lost = new HashSet<>(before.memberWithKey(net.network.node(i).publicKey()).shards());
        lost.removeAll(after.memberWithKey(net.network.node(i).publicKey()).shards());
        movedShards += lost.size();
        handedOff += net.network.healer(i).garbageCollector().sliversHandedOff();
        assertTrue(net.network.healer(i).garbageCollector().pendingHandoffs().isEmpty(),
            "node " + i + ": " + net.network.healer(i).garbageCollector().pendingHandoffs());
        for (int shard : lost) {
          for (BlobId b : List.of(id, id2)) {
            int pair = b.pairOnShard(shard, SHARDS);
            assertFalse(net.network.node(i).store().exists(b.toBase64(), "p" + pair), "node " + i + " dropped moved shard " + shard);
            assertFalse(net.network.node(i).store().exists(b.toBase64(), "s" + pair));
          }
        }
        for (int shard : after.memberWithKey(net.network.node(i).publicKey()).shards()) {
          for (BlobId b : List.of(id, id2)) {
            int pair = b.pairOnShard(shard, SHARDS);
            assertTrue(net.network.node(i).store().exists(b.toBase64(), "p" + pair), "node " + i + " kept shard " + shard);
            assertTrue(net.network.node(i).store().exists(b.toBase64(), "s" + pair));
          }
        }
      }
      assertTrue(movedShards >= moved);
      assertEquals(2 * 2 * movedShards, handedOff, "both slivers of every moved pair of both blobs, once");
      net.awaitClientInEpoch(after.epoch()); // the client's committee cache
      try (var in = net.store.read(r.blobId(), null)) {
        assertArrayEquals(data, in.readAllBytes());
      }
      try (var in = net.store.read(r2a.blobId(), null)) {
        assertArrayEquals(data2, in.readAllBytes());
      }
      byte[] more = new byte[10_000];
      StoreResult r2 = net.store.store(new ByteArrayInputStream(more), more.length, 1, ProgressListener.NONE);
      assertEquals(after.epoch(), r2.certifiedEpoch(), "certified with confirmations of the new epoch");
    }
  }
}
