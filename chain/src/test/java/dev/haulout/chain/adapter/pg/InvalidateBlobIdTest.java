package dev.haulout.chain.adapter.pg;

import static dev.haulout.chain.TestLedgers.sign;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.BlsTestKeys;
import dev.haulout.walrus.ShardGeometry;
import dev.haulout.chain.ChainEvent;
import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.MutableClock;
import dev.haulout.chain.SignedTransaction;
import dev.haulout.chain.TestLedgers;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.Wal;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.engine.CertificateVerifier;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.InvalidBlobId;
import dev.haulout.chain.model.ListingLimits;
import dev.haulout.chain.model.SystemState;
import dev.haulout.chain.server.LedgerServer;
import dev.haulout.chain.server.LedgerServerOptions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.walrus.BlobId;
import dev.haulout.walrus.CertificationMessage;
import java.util.ArrayList;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code InvalidateBlobId}: an f+1 certificate by shard weight ({@code 3w ≥ n + 1}) over
 * {@code InvalidBlobIdMsg} of the current epoch, checked through the {@link CertificateVerifier}
 * port, marks a registered blob ID invalid once. Run on the embedded adapter and through the HTTP
 * server and client, both with the ledger's real BLS12-381 check ({@link BlsCertificates}, the
 * default): the nodes register real min-pk keys and certificates are real aggregate signatures.
 */
class InvalidateBlobIdTest {
  static final long WAL = Wal.FROST_PER_WAL;
  static final LedgerConfig CFG = LedgerConfig.localnet().withNShards(10);

  /** The nodes' BLS keys by registered public key (each scenario registers node-0..2). */
  static final Map<String, BlsTestKeys> KEYS = new HashMap<>();

  static {
    for (int i = 0; i < 3; i++) {
      BlsTestKeys k = new BlsTestKeys("invalidate-node-" + i);
      KEYS.put(k.publicKeyBase64(), k);
    }
  }

  /** The real aggregate signature of {@code message} by the holders of {@code publicKeys}. */
  static byte[] aggregate(byte[] message, List<String> publicKeys) {
    return BlsTestKeys.aggregate(publicKeys.stream().map(KEYS::get).toList(), message);
  }

  static void code(ErrorCode expected, Runnable r) {
    LedgerException e = assertThrows(LedgerException.class, r::run);
    assertEquals(expected, e.code(), e.getMessage());
  }

  @Test
  void embeddedLedger() {
    PgOptions o = TestLedgers.freshSchema("ledger_invalidate");
    try (PgLedger ledger = PgLedger.open(o, CFG, new MutableClock(1_700_000_000_000L), BlsCertificates.verifier())) {
      scenario(ledger);
    } finally {
      TestLedgers.dropSchema(o);
    }
  }

  @Test
  void throughHttp() {
    PgOptions o = TestLedgers.freshSchema("ledger_invalidate_http");
    try (LedgerServer server = LedgerServer.start(LedgerServerOptions.defaults().withPort(0).withPg(o).withConfig(CFG)
        .withEpochCheckMs(0)); // the options' default verifier: real BLS
         HttpLedgerClient ledger = HttpLedgerClient.create(server.baseUrl())) {
      scenario(ledger);
      code(ErrorCode.INVALID_ARGUMENT, () -> ledger.invalidBlob("not-a-blob-id"));
    } finally {
      TestLedgers.dropSchema(o);
    }
  }

  /**
   * ListingLimits.MAX_EVENT_BYTES is reachable by valid transactions: the BlobInvalidated event lists
   * every Blob object registered with the ID, so about 3,800 registrations of one blob ID make the
   * invalidation's event larger than the cap. The invalidation is then refused with EVENT_TOO_LARGE
   * and changes nothing (the cap keeps every stored event publishable; see chain/README.md).
   *
   * <p>3,800 BuyStorage + RegisterBlob pairs took 393 s through {@code submit} on a loaded 2-core
   * machine, so the test registers the blob once by transaction and copies its object row in SQL
   * under fresh object ids: the state those registrations would leave, as far as invalidation reads it.
   */
  @Test
  void invalidationWhoseEventWouldExceedTheCapIsRefusedWithEventTooLargeAndChangesNothing() throws SQLException {
    PgOptions o = TestLedgers.freshSchema("ledger_invalidate_big");
    try (PgLedger ledger = PgLedger.open(o, CFG, new MutableClock(1_700_000_000_000L), BlsCertificates.verifier())) {
      SystemState sys = committeeOf532(ledger);
      List<Integer> signers = List.of(memberWithShards(sys, 3), memberWithShards(sys, 2));
      Ed25519KeyPair user = Ed25519KeyPair.generate();
      ledger.faucet(user.address(), 100 * WAL);
      byte[] root = new byte[32];
      root[0] = 42;
      long size = 100;
      byte[] blobId = BlobId.derive(1, size, root).toBytes();
      String storage = ledger.submit(sign(user, new TxKind.BuyStorage(ShardGeometry.forShards(10).encodedLength(size), 1)))
          .createdObjects().get(0);
      TxReceipt registered = ledger.submit(sign(user, new TxKind.RegisterBlob(storage, blobId, root, size, 1, false)));
      String blobObj = registered.createdObjects().get(0);
      // each Blob object id adds "0x" + 64 hex, two quotes and a comma to the event: 69 bytes
      int copies = ListingLimits.MAX_EVENT_BYTES / 69;
      try (Connection c = DriverManager.getConnection(o.url(), o.user(), o.password());
          PreparedStatement ps = c.prepareStatement("INSERT INTO " + o.schema() + ".objects"
              + " (id, type, owner, version, data, blob_id, listing_id)"
              + " SELECT n.id, type, owner, version, replace(data, ?, n.id), blob_id, listing_id FROM " + o.schema()
              + ".objects, generate_series(1, ?) g,"
              + " LATERAL (SELECT '0x' || md5('copy-a' || g) || md5('copy-b' || g) AS id) n WHERE objects.id = ?")) {
        ps.setString(1, blobObj);
        ps.setInt(2, copies);
        ps.setString(3, blobObj);
        assertEquals(copies, ps.executeUpdate());
      }
      String blobB64 = Base64.getUrlEncoder().withoutPadding().encodeToString(blobId);
      assertEquals(copies + 1, ledger.blobsByBlobId(blobB64).size());
      long balance = ledger.balance(user.address());
      long lastSeq = registered.events().get(0).seq();

      LedgerException e = assertThrows(LedgerException.class, () -> ledger.submit(sign(user,
          new TxKind.InvalidateBlobId(blobId, signers, sigBy(sys, sys.epoch(), blobId, signers)))));
      assertEquals(ErrorCode.EVENT_TOO_LARGE, e.code(), e.getMessage());
      assertTrue(e.getMessage().startsWith("BlobInvalidated event would be "), e.getMessage());
      assertTrue(ledger.invalidBlob(blobB64).isEmpty(), "the blob ID is not invalidated");
      assertEquals(balance, ledger.balance(user.address()));
      assertEquals(List.of(), ledger.events(lastSeq, 10), "no event stored");
      assertTrue(ledger.audit().ok(), ledger.audit().toString());
    } finally {
      TestLedgers.dropSchema(o);
    }
  }

  @Test
  void verifierPortChecksTheMessageKindBeforeTheSignature() {
    byte[] id = new byte[32];
    byte[] invalid = CertificationMessage.invalidBlobId(7, BlobId.fromBytes(id));
    assertEquals(3 + 4 + 32, invalid.length);
    assertArrayEquals(new byte[] {2, 0, 3, 7, 0, 0, 0}, java.util.Arrays.copyOf(invalid, 7));
    CertificateVerifier any = dev.haulout.chain.FakeQuorumOnlyVerifier.INSTANCE;
    assertTrue(any.verify(CertificateVerifier.MessageKind.INVALID_BLOB_ID, invalid, List.of(), new byte[0]));
    assertFalse(any.verify(CertificateVerifier.MessageKind.BLOB_CERTIFIED, invalid, List.of(), new byte[0]));
    assertFalse(any.verify(CertificateVerifier.MessageKind.INVALID_BLOB_ID, new byte[] {2, 0}, List.of(), new byte[0]));
  }

  static int memberWithShards(SystemState sys, int shards) {
    for (int i = 0; i < sys.committee().size(); i++) {
      if (sys.committee().get(i).shards().size() == shards) {
        return i;
      }
    }
    throw new AssertionError("no member with " + shards + " shards: " + sys.committee());
  }

  static byte[] sigBy(SystemState sys, int epoch, byte[] blobId, List<Integer> signers) {
    List<String> keys = signers.stream().map(i -> sys.committee().get(i).blsPublicKey()).toList();
    return aggregate(CertificationMessage.invalidBlobId(epoch, BlobId.fromBytes(blobId)), keys);
  }

  /** Registers three nodes with the test BLS keys staking 4:3:2 and starts epoch 1: shards 5, 3 and 2 of 10. */
  static SystemState committeeOf532(Ledger ledger) {
    List<String> blsKeys = List.copyOf(KEYS.keySet());
    for (int i = 0; i < 3; i++) {
      Ed25519KeyPair n = Ed25519KeyPair.generate();
      ledger.faucet(n.address(), 1000 * WAL);
      ledger.submit(sign(n, new TxKind.RegisterNode("node-" + i, blsKeys.get(i), (4 - i) * 100 * WAL, 100_000, 20_000)));
    }
    ledger.advanceEpoch();
    SystemState sys = ledger.systemState();
    return sys;
  }

  static void scenario(Ledger ledger) {
    // three nodes staking 4:3:2 get 5, 3 and 2 of the 10 shards; f = 3, validity needs w >= 4
    SystemState sys = committeeOf532(ledger);
    int five = memberWithShards(sys, 5);
    int three = memberWithShards(sys, 3);
    int two = memberWithShards(sys, 2);

    Ed25519KeyPair user = Ed25519KeyPair.generate();
    ledger.faucet(user.address(), 100 * WAL);
    byte[] root = new byte[32];
    new Random(3).nextBytes(root);
    long size = 10_000;
    byte[] blobId = BlobId.derive(1, size, root).toBytes();
    String blobB64 = Base64.getUrlEncoder().withoutPadding().encodeToString(blobId);
    long encoded = ShardGeometry.forShards(10).encodedLength(size);
    String storage = ledger.submit(sign(user, new TxKind.BuyStorage(encoded, 2))).createdObjects().get(0);
    String blobObj = ledger.submit(sign(user, new TxKind.RegisterBlob(storage, blobId, root, size, 1, false)))
        .createdObjects().get(0);
    assertTrue(ledger.invalidBlob(blobB64).isEmpty());

    int epoch = sys.epoch();
    // unknown blob: never registered
    byte[] unknown = new byte[32];
    unknown[0] = 9;
    code(ErrorCode.BLOB_NOT_REGISTERED, () -> ledger.submit(sign(user,
        new TxKind.InvalidateBlobId(unknown, List.of(five), sigBy(sys, epoch, unknown, List.of(five))))));
    code(ErrorCode.INVALID_ARGUMENT, () -> ledger.submit(sign(user,
        new TxKind.InvalidateBlobId(new byte[31], List.of(five), new byte[32]))));
    // weight: 3 shards (9 < 11) and 2 shards are not above validity, however well signed
    code(ErrorCode.INVALID_CERTIFICATE, () -> ledger.submit(sign(user,
        new TxKind.InvalidateBlobId(blobId, List.of(three), sigBy(sys, epoch, blobId, List.of(three))))));
    code(ErrorCode.INVALID_CERTIFICATE, () -> ledger.submit(sign(user,
        new TxKind.InvalidateBlobId(blobId, List.of(two), sigBy(sys, epoch, blobId, List.of(two))))));
    code(ErrorCode.INVALID_CERTIFICATE, () -> ledger.submit(sign(user,
        new TxKind.InvalidateBlobId(blobId, List.of(two, two), sigBy(sys, epoch, blobId, List.of(two, two))))));
    code(ErrorCode.INVALID_CERTIFICATE, () -> ledger.submit(sign(user,
        new TxKind.InvalidateBlobId(blobId, List.of(7), new byte[96]))));
    // bad signatures: garbage, another epoch's message, the right message by other keys
    code(ErrorCode.INVALID_CERTIFICATE, () -> ledger.submit(sign(user,
        new TxKind.InvalidateBlobId(blobId, List.of(three, two), new byte[96]))));
    code(ErrorCode.INVALID_CERTIFICATE, () -> ledger.submit(sign(user,
        new TxKind.InvalidateBlobId(blobId, List.of(three, two), sigBy(sys, epoch - 1, blobId, List.of(three, two))))));
    code(ErrorCode.INVALID_CERTIFICATE, () -> ledger.submit(sign(user,
        new TxKind.InvalidateBlobId(blobId, List.of(three, two), sigBy(sys, epoch, blobId, List.of(five, two))))));
    assertTrue(ledger.invalidBlob(blobB64).isEmpty(), "rejected certificates change nothing");

    // 3 + 2 = 5 shards: 15 >= 11, above validity (though below the 2n+1 certification quorum)
    SignedTransaction ok = sign(user,
        new TxKind.InvalidateBlobId(blobId, List.of(three, two), sigBy(sys, epoch, blobId, List.of(three, two))));
    TxReceipt r = ledger.submit(ok);
    assertEquals(1, r.events().size());
    ChainEvent e = r.events().get(0);
    assertEquals("BlobInvalidated", e.type());
    assertEquals(blobB64, e.body().get("blobId"));
    assertEquals(InvalidBlobId.objectIdFor(blobId), e.objectId());
    assertEquals(List.of(blobObj), e.body().get("blobObjectIds"));
    InvalidBlobId rec = ledger.invalidBlob(blobB64).orElseThrow();
    assertEquals(blobB64, rec.blobId());
    assertEquals(epoch, rec.epoch());
    assertEquals(5, rec.signerWeight());
    assertEquals("InvalidBlobId", ledger.object(rec.id()).orElseThrow().object().typeName());

    // replay: the same signed bytes, then a fresh transaction with the same certificate
    code(ErrorCode.TX_ALREADY_EXECUTED, () -> ledger.submit(ok));
    code(ErrorCode.BLOB_ALREADY_INVALIDATED, () -> ledger.submit(sign(user,
        new TxKind.InvalidateBlobId(blobId, List.of(five), sigBy(sys, epoch, blobId, List.of(five))))));
    // an invalid blob can be neither certified nor registered again
    Blob blob = (Blob) ledger.object(blobObj).orElseThrow().object();
    List<String> allKeys = sys.committee().stream().map(m -> m.blsPublicKey()).toList();
    byte[] certSig = aggregate(blob.certificationMessage(epoch), allKeys);
    code(ErrorCode.BLOB_INVALID, () -> ledger.submit(sign(user, new TxKind.CertifyBlob(blobObj, List.of(0, 1, 2), certSig))));
    String storage2 = ledger.submit(sign(user, new TxKind.BuyStorage(encoded, 1))).createdObjects().get(0);
    code(ErrorCode.BLOB_INVALID, () -> ledger.submit(sign(user, new TxKind.RegisterBlob(storage2, blobId, root, size, 1, false))));
    List<String> types = new ArrayList<>();
    ledger.events(0, 1000).forEach(ev -> types.add(ev.type()));
    assertEquals(1, types.stream().filter("BlobInvalidated"::equals).count(), "exactly one event");
    assertTrue(ledger.audit().ok(), ledger.audit().toString());
  }
}
