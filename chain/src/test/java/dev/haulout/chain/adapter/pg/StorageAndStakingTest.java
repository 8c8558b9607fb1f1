package dev.haulout.chain.adapter.pg;

import static dev.haulout.chain.TestLedgers.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.BlsTestKeys;
import dev.haulout.walrus.ShardGeometry;
import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.MutableClock;
import dev.haulout.chain.StoragePrices;
import dev.haulout.chain.TestLedgers;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.Wal;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.SystemState;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.walrus.BlobId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StorageAndStakingTest {
  static final long WAL = Wal.FROST_PER_WAL;

  static void code(ErrorCode expected, Runnable r) {
    LedgerException e = assertThrows(LedgerException.class, r::run);
    assertEquals(expected, e.code(), e.getMessage());
  }

  static int memberWithShards(SystemState sys, int shards) {
    for (int i = 0; i < sys.committee().size(); i++) {
      if (sys.committee().get(i).shards().size() == shards) {
        return i;
      }
    }
    throw new AssertionError("no member with " + shards + " shards");
  }

  /** A 10-shard ledger with one-hour epochs and the real BLS check (nothing certified by its callers; the check is there all the same). */
  static PgLedger tenShards(PgOptions o) {
    LedgerConfig cfg = LedgerConfig.localnet().withNShards(10).withEpochLengthMs(Duration.ofHours(1).toMillis());
    return PgLedger.open(o, cfg, new MutableClock(1_700_000_000_000L), BlsCertificates.verifier());
  }

  /** Funds {@code node} with 1000 WAL and registers it with 300 WAL of self-stake; returns its pool id. */
  static String registerNode(PgLedger ledger, Ed25519KeyPair node) {
    ledger.faucet(node.address(), 1000 * WAL);
    return ledger.submit(sign(node, new TxKind.RegisterNode("node", "bls", 300 * WAL, 100_000, 20_000)))
        .createdObjects().get(0);
  }

  @Test
  void storageIsBoughtRegisteredCertifiedAndFeesPaidToStakersPerEpoch() {
    PgOptions o = TestLedgers.freshSchema("ledger_storage");
    MutableClock clock = new MutableClock(1_700_000_000_000L);
    LedgerConfig cfg = LedgerConfig.localnet().withNShards(10).withEpochLengthMs(Duration.ofHours(1).toMillis());
    // the ledger's real BLS12-381 check; the nodes register real min-pk keys and sign for real
    try (PgLedger ledger = PgLedger.open(o, cfg, clock, BlsCertificates.verifier())) {
      // three storage nodes with 4:3:2 stake plus a delegator in node 0: shards 5:3:2
      List<Ed25519KeyPair> nodes = new ArrayList<>();
      List<String> pools = new ArrayList<>();
      Map<String, BlsTestKeys> blsByPublicKey = new HashMap<>();
      long[] stakes = {400 * WAL, 300 * WAL, 200 * WAL};
      long[] votes = {120_000, 100_000, 80_000};
      for (int i = 0; i < 3; i++) {
        Ed25519KeyPair n = Ed25519KeyPair.generate();
        ledger.faucet(n.address(), 1000 * WAL);
        BlsTestKeys bls = new BlsTestKeys("storage-node-" + i);
        blsByPublicKey.put(bls.publicKeyBase64(), bls);
        TxReceipt r = ledger.submit(sign(n, new TxKind.RegisterNode("node-" + i, bls.publicKeyBase64(), stakes[i], votes[i], 20_000)));
        nodes.add(n);
        pools.add(r.createdObjects().get(0));
      }
      Ed25519KeyPair delegator = Ed25519KeyPair.generate();
      ledger.faucet(delegator.address(), 100 * WAL);
      ledger.submit(sign(delegator, new TxKind.Stake(pools.get(0), 100 * WAL)));
      TxReceipt epoch1 = ledger.advanceEpoch();
      SystemState sys = ledger.systemState();
      assertEquals(1, sys.epoch());
      assertEquals(3, sys.committee().size());
      assertEquals(10, sys.committee().stream().mapToInt(m -> m.shards().size()).sum());
      assertEquals(5, sys.committee().stream().filter(m -> m.poolId().equals(pools.get(0))).findAny().orElseThrow().shards().size());
      // votes 120k (5 shards), 100k (3 shards), 80k (2 shards): 2/3 of shards voted >= 100k
      assertEquals(100_000, sys.storagePricePerUnit());
      assertEquals("EpochAdvanced", epoch1.events().get(0).type());

      Ed25519KeyPair user = Ed25519KeyPair.generate();
      ledger.faucet(user.address(), 100 * WAL);
      long size = 500_000;
      long encoded = ShardGeometry.forShards(10).encodedLength(size);
      long units = StoragePrices.units(encoded);
      TxReceipt bought = ledger.submit(sign(user, new TxKind.BuyStorage(encoded, 2)));
      String storageId = bought.createdObjects().get(0);
      long storageCost = units * 100_000 * 2;
      assertEquals(100 * WAL - storageCost, ledger.balance(user.address()));
      byte[] root = new byte[32];
      root[0] = 7;
      code(ErrorCode.STORAGE_TOO_SMALL, () -> ledger.submit(sign(user, new TxKind.RegisterBlob(storageId,
          BlobId.derive(1, size + 1_000_000, root).toBytes(), root, size + 1_000_000, 1, false))));
      code(ErrorCode.EPOCH_OUT_OF_RANGE, () -> ledger.submit(sign(user, new TxKind.BuyStorage(encoded, 54))));
      byte[] blobId = BlobId.derive(1, size, root).toBytes();
      // the ID must be derived from root, size and encoding type, as register_blob checks on Sui
      code(ErrorCode.INVALID_BLOB_ID, () -> ledger.submit(sign(user, new TxKind.RegisterBlob(storageId, blobId, root, size - 1, 1, false))));
      byte[] otherRoot = root.clone();
      otherRoot[31] ^= 1;
      code(ErrorCode.INVALID_BLOB_ID, () -> ledger.submit(sign(user, new TxKind.RegisterBlob(storageId, blobId, otherRoot, size, 1, false))));
      code(ErrorCode.INVALID_ARGUMENT, () -> ledger.submit(sign(user, new TxKind.RegisterBlob(storageId, blobId, new byte[31], size, 1, false))));
      assertEquals(100 * WAL - storageCost, ledger.balance(user.address()), "rejected registrations charge nothing");
      TxReceipt reg = ledger.submit(sign(user, new TxKind.RegisterBlob(storageId, blobId, root, size, 1, false)));
      String blobObj = reg.createdObjects().get(0);
      assertEquals(100 * WAL - storageCost - units * 20_000, ledger.balance(user.address()));
      Blob blob = (Blob) ledger.object(blobObj).orElseThrow().object();
      assertEquals(1, ledger.blobsByBlobId(blob.blobId()).size());
      // committee order is by pool id: look members up by shard count (5, 3, 2)
      int five = memberWithShards(sys, 5);
      int three = memberWithShards(sys, 3);
      int two = memberWithShards(sys, 2);
      assertEquals(pools.get(0), sys.committee().get(five).poolId());
      byte[] message = blob.certificationMessage(sys.epoch());
      Function<List<Integer>, byte[]> signedBy = members -> BlsTestKeys.aggregate(
          members.stream().map(m -> blsByPublicKey.get(sys.committee().get(m).blsPublicKey())).toList(), message);
      // 3 + 2 = 5 of 10 shards: 3*5 < 21, no quorum, however well signed; a signer counted twice is refused
      code(ErrorCode.INVALID_CERTIFICATE, () -> ledger.submit(sign(user, new TxKind.CertifyBlob(blobObj, List.of(three, two),
          signedBy.apply(List.of(three, two))))));
      code(ErrorCode.INVALID_CERTIFICATE, () -> ledger.submit(sign(user, new TxKind.CertifyBlob(blobObj, List.of(five, five, two),
          signedBy.apply(List.of(five, five, two))))));
      // a quorum by weight whose signature is not theirs: all-zero bytes, or signed by other members
      code(ErrorCode.INVALID_CERTIFICATE, () -> ledger.submit(sign(user, new TxKind.CertifyBlob(blobObj, List.of(five, two), new byte[96]))));
      code(ErrorCode.INVALID_CERTIFICATE, () -> ledger.submit(sign(user, new TxKind.CertifyBlob(blobObj, List.of(five, two),
          signedBy.apply(List.of(five, three))))));
      // 5 + 2 = 7 shards: 3*7 = 21 >= 2*10+1, the smallest quorum
      TxReceipt cert = ledger.submit(sign(user, new TxKind.CertifyBlob(blobObj, List.of(five, two), signedBy.apply(List.of(five, two)))));
      assertEquals("BlobCertified", cert.events().get(0).type());
      assertNotNull(((Blob) ledger.object(blobObj).orElseThrow().object()).certifiedEpoch());
      code(ErrorCode.BLOB_ALREADY_CERTIFIED, () -> ledger.submit(sign(user, new TxKind.CertifyBlob(blobObj, List.of(0, 1, 2),
          signedBy.apply(List.of(0, 1, 2))))));

      // epoch 1 fund: one epoch of storage + the write fee; paid by shard share then stake share
      long fund1 = units * 100_000 + units * 20_000;
      long node0Before = ledger.balance(nodes.get(0).address());
      long delegatorBefore = ledger.balance(delegator.address());
      clock.advance(Duration.ofHours(1));
      assertTrue(ledger.advanceEpochIfDue());
      assertEquals(2, ledger.systemState().epoch());
      long pool0Share = fund1 * 5 / 10;
      assertEquals(pool0Share * 400 / 500, ledger.balance(nodes.get(0).address()) - node0Before);
      assertEquals(pool0Share * 100 / 500, ledger.balance(delegator.address()) - delegatorBefore);
      assertTrue(ledger.audit().ok(), ledger.audit().toString());
      // governance: all nodes vote a lower price; it applies from the next epoch
      for (int i = 0; i < 3; i++) {
        ledger.submit(sign(nodes.get(i), new TxKind.VotePrices(pools.get(i), 50_000, 10_000)));
      }
      ledger.advanceEpoch();
      assertEquals(50_000, ledger.systemState().storagePricePerUnit());
      assertEquals(10_000, ledger.systemState().writePricePerUnit());
      assertTrue(ledger.audit().ok(), ledger.audit().toString());
    } finally {
      TestLedgers.dropSchema(o);
    }
  }

  @Test
  void unstakingWaitsForTheEpochToEndAndStillEarnsForIt() {
    PgOptions o = TestLedgers.freshSchema("ledger_unstake");
    try (PgLedger ledger = tenShards(o)) {
      Ed25519KeyPair node = Ed25519KeyPair.generate();
      String pool = registerNode(ledger, node);
      Ed25519KeyPair d = Ed25519KeyPair.generate();
      ledger.faucet(d.address(), 300 * WAL);
      String early = ledger.submit(sign(d, new TxKind.Stake(pool, 50 * WAL))).createdObjects().get(0);
      String active = ledger.submit(sign(d, new TxKind.Stake(pool, 100 * WAL))).createdObjects().get(0);
      ledger.advanceEpoch(); // epoch 1: both active now
      String pending = ledger.submit(sign(d, new TxKind.Stake(pool, 100 * WAL))).createdObjects().get(0);
      assertEquals(50 * WAL, ledger.balance(d.address()));

      // a stake not yet active comes back at once
      ledger.submit(sign(d, new TxKind.Unstake(pending)));
      assertEquals(150 * WAL, ledger.balance(d.address()));
      assertTrue(ledger.object(pending).isEmpty());

      // an active one: no WAL yet, not withdrawable in this epoch, cannot be unstaked twice
      TxReceipt req = ledger.submit(sign(d, new TxKind.Unstake(active)));
      assertEquals("UnstakeRequested", req.events().get(0).type());
      assertEquals(350 * WAL, ((dev.haulout.chain.model.StakingPool) ledger.object(pool).orElseThrow().object()).totalStake(),
          "the next committee no longer counts the withdrawing 100 WAL");
      assertEquals(150 * WAL, ledger.balance(d.address()));
      code(ErrorCode.STAKE_NOT_WITHDRAWABLE, () -> ledger.submit(sign(d, new TxKind.WithdrawStake(active))));
      code(ErrorCode.STAKE_ALREADY_WITHDRAWING, () -> ledger.submit(sign(d, new TxKind.Unstake(active))));
      code(ErrorCode.STAKE_NOT_WITHDRAWABLE, () -> ledger.submit(sign(d, new TxKind.WithdrawStake(early))));
      code(ErrorCode.NOT_OWNER, () -> ledger.submit(sign(node, new TxKind.Unstake(early))));
      assertTrue(ledger.audit().ok(), "withdrawing WAL still counts as staked");

      // fees of epoch 1 are shared by all three active stakes (300 : 50 : 100), the withdrawing one included
      Ed25519KeyPair user = Ed25519KeyPair.generate();
      ledger.faucet(user.address(), 100 * WAL);
      ledger.submit(sign(user, new TxKind.BuyStorage(ShardGeometry.forShards(10).encodedLength(1_000_000), 1)));
      long before = ledger.balance(d.address());
      long nodeBefore = ledger.balance(node.address());
      ledger.advanceEpoch(); // epoch 2: the committee counts 350 WAL, the withdrawal is due
      long dEarned = ledger.balance(d.address()) - before;
      long nodeEarned = ledger.balance(node.address()) - nodeBefore;
      assertTrue(nodeEarned > 0);
      assertEquals(nodeEarned * 150 / 300, dEarned, 1, "the delegator's 150 WAL earned for epoch 1, withdrawing or not");

      long beforeWithdraw = ledger.balance(d.address());
      ledger.submit(sign(d, new TxKind.WithdrawStake(active)));
      assertEquals(beforeWithdraw + 100 * WAL, ledger.balance(d.address()));
      assertTrue(ledger.object(active).isEmpty());
      code(ErrorCode.OBJECT_NOT_FOUND, () -> ledger.submit(sign(d, new TxKind.WithdrawStake(active))));

      // from now on only the remaining stakes earn
      ledger.submit(sign(user, new TxKind.BuyStorage(ShardGeometry.forShards(10).encodedLength(1_000_000), 1)));
      long b2 = ledger.balance(d.address());
      long n2 = ledger.balance(node.address());
      ledger.advanceEpoch();
      assertEquals((ledger.balance(node.address()) - n2) * 50 / 300, ledger.balance(d.address()) - b2, 1);
      assertTrue(ledger.audit().ok(), ledger.audit().toString());
    } finally {
      TestLedgers.dropSchema(o);
    }
  }

  /** Rules no other test reached: moving storage and blobs, price votes and stakes by the wrong party. */
  @Test
  void storageAndBlobsChangeOwnerAndOnlyTheOperatorVotesPrices() {
    PgOptions o = TestLedgers.freshSchema("ledger_transfer_storage");
    try (PgLedger ledger = tenShards(o)) {
      Ed25519KeyPair node = Ed25519KeyPair.generate();
      String pool = registerNode(ledger, node);
      ledger.advanceEpoch();
      Ed25519KeyPair user = Ed25519KeyPair.generate();
      Ed25519KeyPair friend = Ed25519KeyPair.generate();
      ledger.faucet(user.address(), 100 * WAL);
      ledger.faucet(friend.address(), 100 * WAL);
      long size = 100_000;
      String storageId = ledger.submit(sign(user, new TxKind.BuyStorage(ShardGeometry.forShards(10).encodedLength(size), 2)))
          .createdObjects().get(0);

      TxReceipt moved = ledger.submit(sign(user, new TxKind.TransferObject(storageId, friend.address().toString())));
      assertEquals("ObjectTransferred", moved.events().get(0).type());
      assertEquals("StorageResource", moved.events().get(0).body().get("objectType"));
      assertEquals(friend.address().toString(), ledger.object(storageId).orElseThrow().object().owner());
      byte[] root = new byte[32];
      root[0] = 9;
      TxKind.RegisterBlob register = new TxKind.RegisterBlob(storageId, dev.haulout.walrus.BlobId.derive(1, size, root).toBytes(),
          root, size, 1, false);
      code(ErrorCode.NOT_OWNER, () -> ledger.submit(sign(user, register)));
      String blobObj = ledger.submit(sign(friend, register)).createdObjects().get(0);
      assertEquals(friend.address().toString(), ledger.object(blobObj).orElseThrow().object().owner());

      TxReceipt back = ledger.submit(sign(friend, new TxKind.TransferObject(blobObj, user.address().toString())));
      assertEquals("Blob", back.events().get(0).body().get("objectType"));
      Blob blob = (Blob) ledger.object(blobObj).orElseThrow().object();
      assertEquals(user.address().toString(), blob.owner());
      assertEquals(storageId, blob.storage().id(), "the blob keeps its storage");
      code(ErrorCode.NOT_OWNER, () -> ledger.submit(sign(friend, new TxKind.TransferObject(blobObj,
          friend.address().toString()))));
      code(ErrorCode.WRONG_OBJECT_TYPE, () -> ledger.submit(sign(node, new TxKind.TransferObject(pool,
          user.address().toString()))));

      long poolVersion = ledger.object(pool).orElseThrow().version();
      code(ErrorCode.NOT_OWNER, () -> ledger.submit(sign(user, new TxKind.VotePrices(pool, 1, 1))));
      code(ErrorCode.AMOUNT_OVERFLOW, () -> ledger.submit(sign(node, new TxKind.VotePrices(pool, -1, 1))));
      code(ErrorCode.INVALID_AMOUNT, () -> ledger.submit(sign(user, new TxKind.Stake(pool, 0))));
      code(ErrorCode.WRONG_OBJECT_TYPE, () -> ledger.submit(sign(user, new TxKind.Stake(blobObj, WAL))));
      assertEquals(poolVersion, ledger.object(pool).orElseThrow().version(), "refused votes and stakes change nothing");
      TxReceipt vote = ledger.submit(sign(node, new TxKind.VotePrices(pool, 70_000, 5_000)));
      assertEquals("PricesVoted", vote.events().get(0).type());
      assertEquals(poolVersion + 1, ledger.object(pool).orElseThrow().version());
      assertTrue(ledger.audit().ok(), ledger.audit().toString());
    } finally {
      TestLedgers.dropSchema(o);
    }
  }
}
