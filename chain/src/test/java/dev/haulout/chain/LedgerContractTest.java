package dev.haulout.chain;

import static dev.haulout.chain.TestLedgers.sign;
import static dev.haulout.chain.TestLedgers.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.crypto.SignatureScheme;
import dev.haulout.chain.crypto.Secp256KeyPair;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.crypto.SuiSignatures;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.model.AccessPass;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.ListingLimits;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.model.ListingStatus;
import dev.haulout.chain.model.Rental;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxCodec;
import dev.haulout.chain.tx.TxKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every {@link Ledger} adapter must show. Subclasses open the ledger under test on a
 * fresh schema with the injected clock: {@code PgLedgerContractTest} (embedded) and
 * {@code HttpLedgerContractTest} (the same rules through the HTTP server and client).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LedgerContractTest {
  protected static final long WAL = Wal.FROST_PER_WAL;
  protected PgOptions options;
  protected MutableClock clock;
  protected Ledger ledger;

  /** Opens the ledger under test over {@code pg} using {@code clock}. */
  protected abstract Ledger open(PgOptions pg, MutableClock clock);

  /** Releases what {@link #open} started (the ledger itself is closed by the base class). */
  protected void shutdown() {}

  @BeforeAll
  void openLedger() {
    options = TestLedgers.freshSchema("ledger_contract");
    clock = new MutableClock(1_700_000_000_000L);
    ledger = open(options, clock);
  }

  @AfterAll
  void closeLedger() {
    ledger.close();
    shutdown();
    TestLedgers.dropSchema(options);
  }

  protected Ed25519KeyPair funded(long frost) {
    Ed25519KeyPair k = Ed25519KeyPair.generate();
    ledger.faucet(k.address(), frost);
    return k;
  }

  protected static LedgerException code(ErrorCode expected, Runnable r) {
    LedgerException e = assertThrows(LedgerException.class, r::run);
    assertEquals(expected, e.code(), e.getMessage());
    return e;
  }

  @Test
  void transfersMoveFrostAndSupplyStaysBalanced() {
    Ed25519KeyPair a = funded(10 * WAL);
    Ed25519KeyPair b = Ed25519KeyPair.generate();
    TxReceipt r = ledger.submit(sign(a, new TxKind.Transfer(b.address().toString(), 3 * WAL)));
    assertEquals(7 * WAL, ledger.balance(a.address()));
    assertEquals(3 * WAL, ledger.balance(b.address()));
    assertEquals("CoinTransferred", r.events().get(0).type());
    ChainAudit audit = ledger.audit();
    assertTrue(audit.ok(), audit.toString());
  }

  @Test
  void secp256k1AndSecp256r1AccountsTransactAndTamperingIsRefused() {
    for (SignatureScheme scheme : new SignatureScheme[] {SignatureScheme.SECP256K1, SignatureScheme.SECP256R1}) {
      Secp256KeyPair a = Secp256KeyPair.generate(scheme);
      ledger.faucet(a.address(), 10 * WAL);
      Ed25519KeyPair b = Ed25519KeyPair.generate();
      TransactionData data = new TransactionData(a.address().toString(), 1, 0, new TxKind.Transfer(b.address().toString(), 4 * WAL));
      TxReceipt r = ledger.submit(Transactions.sign(a, data));
      assertEquals(6 * WAL, ledger.balance(a.address()), scheme.toString());
      assertEquals(4 * WAL, ledger.balance(b.address()));
      assertTrue(ledger.transaction(r.digest()).isPresent());
      // the same signature on other bytes, and a key of the other curve claiming the sender
      SignedTransaction honest = Transactions.sign(a, new TransactionData(a.address().toString(), 2, 0,
          new TxKind.Transfer(b.address().toString(), WAL)));
      byte[] altered = TxCodec.encode(new TransactionData(a.address().toString(), 2, 0, new TxKind.Transfer(b.address().toString(), 2 * WAL)));
      code(ErrorCode.INVALID_SIGNATURE, () -> ledger.submit(new SignedTransaction(altered, honest.signature())));
      Secp256KeyPair other = Secp256KeyPair.generate(scheme == SignatureScheme.SECP256K1 ? SignatureScheme.SECP256R1 : SignatureScheme.SECP256K1);
      byte[] bytes = honest.txBytes();
      code(ErrorCode.INVALID_SIGNATURE, () -> ledger.submit(new SignedTransaction(bytes, SuiSignatures.signTransaction(other, bytes))));
      assertEquals(6 * WAL, ledger.balance(a.address()), "refused transactions move nothing");
      ledger.submit(honest);
      assertEquals(5 * WAL, ledger.balance(a.address()));
    }
    assertTrue(ledger.audit().ok());
  }

  @Test
  void replayedSignedTransactionIsRejectedOnceApplied() {
    Ed25519KeyPair a = funded(5 * WAL);
    SignedTransaction tx = sign(a, new TxKind.Transfer(SuiAddress.ZERO.toString(), WAL));
    TxReceipt first = ledger.submit(tx);
    code(ErrorCode.TX_ALREADY_EXECUTED, () -> ledger.submit(tx));
    TxReceipt stored = ledger.transaction(first.digest()).orElseThrow();
    assertEquals(first.checkpointSeq(), stored.checkpointSeq());
    assertEquals(first.chainHash(), stored.chainHash());
    assertEquals(first.events().get(0).seq(), stored.events().get(0).seq());
    assertTrue(ledger.transaction("11111111111111111111111111111111").isEmpty());
    assertEquals(4 * WAL, ledger.balance(a.address()));
  }

  @Test
  void reusedNonceWithOtherContentIsRejected() {
    Ed25519KeyPair a = funded(5 * WAL);
    String to = SuiAddress.ZERO.toString();
    ledger.submit(Transactions.sign(a, new TransactionData(a.address().toString(), 42, 0, new TxKind.Transfer(to, 1))));
    code(ErrorCode.NONCE_ALREADY_USED, () -> ledger.submit(
        Transactions.sign(a, new TransactionData(a.address().toString(), 42, 0, new TxKind.Transfer(to, 2)))));
  }

  @Test
  void badInputGetsClearErrorCodes() {
    Ed25519KeyPair a = funded(5 * WAL);
    Ed25519KeyPair mallory = Ed25519KeyPair.generate();
    byte[] bytes = TxCodec.encode(new TransactionData(a.address().toString(), 1, 0,
        new TxKind.Transfer(mallory.address().toString(), WAL)));
    // signed by someone else than the sender
    code(ErrorCode.INVALID_SIGNATURE, () -> ledger.submit(new SignedTransaction(bytes,
        SuiSignatures.signTransaction(mallory, bytes))));
    // personal-message signature over the same bytes: wrong intent
    code(ErrorCode.INVALID_SIGNATURE, () -> ledger.submit(new SignedTransaction(bytes,
        SuiSignatures.signPersonalMessage(a, bytes))));
    code(ErrorCode.INVALID_SIGNATURE, () -> ledger.submit(new SignedTransaction(bytes, "AAAA")));
    code(ErrorCode.MALFORMED_TRANSACTION, () -> ledger.submit(new SignedTransaction(new byte[] {1, 2, 3}, "AAAA")));
    code(ErrorCode.AMOUNT_OVERFLOW, () -> ledger.submit(sign(a, new TxKind.Transfer(mallory.address().toString(), -1L))));
    code(ErrorCode.INVALID_AMOUNT, () -> ledger.submit(sign(a, new TxKind.Transfer(mallory.address().toString(), 0))));
    code(ErrorCode.INSUFFICIENT_BALANCE, () -> ledger.submit(sign(a, new TxKind.Transfer(mallory.address().toString(), 6 * WAL))));
    code(ErrorCode.OBJECT_NOT_FOUND, () -> ledger.submit(sign(a, new TxKind.Buy("0x" + "ab".repeat(32), WAL))));
    code(ErrorCode.TRANSACTION_EXPIRED, () -> ledger.submit(Transactions.sign(a, new TransactionData(
        a.address().toString(), TestLedgers.nonce(), clock.millis() - 1, new TxKind.Transfer(mallory.address().toString(), 1)))));
    code(ErrorCode.INVALID_AMOUNT, () -> ledger.faucet(a.address(), LedgerConfig.DEFAULT_FAUCET_MAX_FROST + 1));
    assertEquals(5 * WAL, ledger.balance(a.address()), "failed transactions change nothing");
    assertEquals(0, ledger.balance(mallory.address()));
  }

  @Test
  void overflowingCreditIsRejectedAtomically() {
    Ed25519KeyPair rich = Ed25519KeyPair.generate();
    for (int i = 0; i < 3; i++) {
      ledger.faucet(rich.address(), LedgerConfig.DEFAULT_FAUCET_MAX_FROST);
    }
    Ed25519KeyPair seller = funded(WAL);
    TxReceipt created = ledger.submit(sign(seller, new TxKind.CreateListing(spec(0, Long.MAX_VALUE / 2, 1000, null))));
    String listingId = created.createdObjects().get(0);
    Snapshot before = snapshot(listingId, rich.address(), seller.address());
    code(ErrorCode.AMOUNT_OVERFLOW, () -> ledger.submit(sign(rich, new TxKind.Rent(listingId, 3, Long.MAX_VALUE))));
    assertEquals(before, snapshot(listingId, rich.address(), seller.address()), "nothing touched changed");
    // an overflow after the payment was written (expiry = now + periods * rentPeriodMs): the
    // debit, the seller's and the fee credit must all be rolled back with it
    String late = ledger.submit(sign(seller, new TxKind.CreateListing(spec(0, WAL, Long.MAX_VALUE / 2, null))))
        .createdObjects().get(0);
    Snapshot beforeLate = snapshot(late, rich.address(), seller.address());
    code(ErrorCode.AMOUNT_OVERFLOW, () -> ledger.submit(sign(rich, new TxKind.Rent(late, 3, 3 * WAL))));
    assertEquals(beforeLate, snapshot(late, rich.address(), seller.address()), "payment rolled back with the overflow");
    ChainAudit audit = ledger.audit();
    assertTrue(audit.ok(), audit.toString());
  }

  /** A copy of {@code s} with one field replaced (by name). */
  protected static ListingSpec with(ListingSpec s, String field, Object v) {
    return new ListingSpec(
        field.equals("blobId") ? (String) v : s.blobId(),
        field.equals("sealedKeyRef") ? (String) v : s.sealedKeyRef(),
        field.equals("title") ? (String) v : s.title(),
        field.equals("description") ? (String) v : s.description(),
        field.equals("tags") ? castList(v) : s.tags(),
        field.equals("license") ? (String) v : s.license(),
        s.sizeBytes(),
        field.equals("format") ? (String) v : s.format(),
        field.equals("schemaSummary") ? (String) v : s.schemaSummary(),
        field.equals("previewRef") ? (String) v : s.previewRef(),
        s.buyPriceFrost(), s.rentPricePerPeriodFrost(), s.rentPeriodMs(),
        field.equals("allowlist") ? castList(v) : s.allowlist());
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object v) {
    return (List<String>) v;
  }

  /**
   * Issue #18: one signed transaction must not break the catalog. Every text field of every
   * kind is checked where the transaction enters; each refusal has its stable code, changes
   * nothing stored, and the ledger keeps working.
   */
  @Test
  void hostileListingTextIsRefusedWithStableCodesAndChangesNothing() {
    Ed25519KeyPair seller = funded(10 * WAL);
    String listing = ledger.submit(sign(seller, new TxKind.CreateListing(spec(WAL, 0, 0, null)))).createdObjects().get(0);
    ListingSpec ok = spec(2 * WAL, 0, 0, null);
    Snapshot before = snapshot(listing, seller.address());

    Map<String, ErrorCode> nulIn = new java.util.LinkedHashMap<>();
    for (String f : List.of("blobId", "sealedKeyRef", "title", "description", "license", "format", "schemaSummary",
        "previewRef")) {
      nulIn.put(f, ErrorCode.INVALID_TEXT);
    }
    for (Map.Entry<String, ErrorCode> e : nulIn.entrySet()) {
      String f = e.getKey();
      String v = f.equals("blobId") ? "AAEC\u0000" : "Weather\u00002025";
      code(e.getValue(), () -> ledger.submit(sign(seller, new TxKind.CreateListing(with(ok, f, v)))));
      code(e.getValue(), () -> ledger.submit(sign(seller, new TxKind.UpdateListing(listing, with(ok, f, v)))));
    }
    code(ErrorCode.INVALID_TEXT, () -> ledger.submit(sign(seller, new TxKind.CreateListing(with(ok, "tags", List.of("a\u0000b"))))));
    // other control characters: none in one-line fields; only \n and \t in description and schemaSummary
    code(ErrorCode.INVALID_TEXT, () -> ledger.submit(sign(seller, new TxKind.CreateListing(with(ok, "title", "a\nb")))));
    code(ErrorCode.INVALID_TEXT, () -> ledger.submit(sign(seller, new TxKind.CreateListing(with(ok, "description", "bell\u0007")))));
    code(ErrorCode.INVALID_TEXT, () -> ledger.submit(sign(seller, new TxKind.CreateListing(with(ok, "description", "del\u007f")))));
    code(ErrorCode.INVALID_TEXT, () -> ledger.submit(sign(seller, new TxKind.CreateListing(with(ok, "schemaSummary", "c1\rc2")))));
    code(ErrorCode.INVALID_TEXT, () -> ledger.submit(sign(seller, new TxKind.CreateListing(with(ok, "title", " ")))));
    // the catalog's limits, adopted by the ledger
    code(ErrorCode.FIELD_TOO_LONG, () -> ledger.submit(sign(seller, new TxKind.CreateListing(with(ok, "title", "t".repeat(1017))))));
    code(ErrorCode.FIELD_TOO_LONG, () -> ledger.submit(sign(seller, new TxKind.CreateListing(
        with(ok, "title", "t".repeat(ListingLimits.MAX_TITLE + 1))))));
    code(ErrorCode.FIELD_TOO_LONG, () -> ledger.submit(sign(seller, new TxKind.CreateListing(
        with(ok, "description", "d".repeat(ListingLimits.MAX_DESCRIPTION + 1))))));
    code(ErrorCode.FIELD_TOO_LONG, () -> ledger.submit(sign(seller, new TxKind.CreateListing(
        with(ok, "schemaSummary", "s".repeat(ListingLimits.MAX_SCHEMA_SUMMARY + 1))))));
    code(ErrorCode.FIELD_TOO_LONG, () -> ledger.submit(sign(seller, new TxKind.CreateListing(
        with(ok, "blobId", "A".repeat(ListingLimits.MAX_BLOB_ID + 1))))));
    code(ErrorCode.INVALID_ARGUMENT, () -> ledger.submit(sign(seller, new TxKind.CreateListing(with(ok, "blobId", "not a blob id")))));
    code(ErrorCode.INVALID_TAG, () -> ledger.submit(sign(seller, new TxKind.CreateListing(with(ok, "tags", List.of("' OR '1'='1"))))));
    code(ErrorCode.INVALID_TAG, () -> ledger.submit(sign(seller, new TxKind.CreateListing(with(ok, "tags", List.of(""))))));
    code(ErrorCode.INVALID_TAG, () -> ledger.submit(sign(seller, new TxKind.CreateListing(with(ok, "tags", List.of("t".repeat(33)))))));
    List<String> seventeen = new java.util.ArrayList<>();
    for (int i = 0; i <= ListingLimits.MAX_TAGS; i++) {
      seventeen.add("tag-" + i);
    }
    code(ErrorCode.INVALID_TAG, () -> ledger.submit(sign(seller, new TxKind.CreateListing(with(ok, "tags", seventeen)))));
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i <= ListingLimits.MAX_ALLOWLIST; i++) {
      many.add(String.format("0x%064x", i + 1));
    }
    code(ErrorCode.FIELD_TOO_LONG, () -> ledger.submit(sign(seller, new TxKind.CreateListing(with(ok, "allowlist", many)))));
    // RegisterNode's text fields
    code(ErrorCode.INVALID_TEXT, () -> ledger.submit(sign(seller, new TxKind.RegisterNode("node\u0000", "key", 0, 1, 1))));
    code(ErrorCode.FIELD_TOO_LONG, () -> ledger.submit(sign(seller, new TxKind.RegisterNode(
        "n".repeat(ListingLimits.MAX_NODE_NAME + 1), "key", 0, 1, 1))));
    // bytes that are not UTF-8, and a non-canonical ULEB128 length (0x8c 0x00 for 12)
    byte[] good = TxCodec.encode(new TransactionData(seller.address().toString(), TestLedgers.nonce(), 0,
        new TxKind.CreateListing(with(ok, "title", "Weather 2025"))));
    int at = indexOf(good, "Weather 2025".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] badUtf8 = good.clone();
    badUtf8[at] = (byte) 0xff;
    code(ErrorCode.MALFORMED_TRANSACTION, () -> ledger.submit(new SignedTransaction(badUtf8,
        SuiSignatures.signTransaction(seller, badUtf8))));
    byte[] longLen = new byte[good.length + 1];
    System.arraycopy(good, 0, longLen, 0, at - 1);
    longLen[at - 1] = (byte) (12 | 0x80);
    longLen[at] = 0;
    System.arraycopy(good, at, longLen, at + 1, good.length - at);
    code(ErrorCode.MALFORMED_TRANSACTION, () -> ledger.submit(new SignedTransaction(longLen,
        SuiSignatures.signTransaction(seller, longLen))));

    assertEquals(before, snapshot(listing, seller.address()), "no refused transaction changed anything");
    ChainAudit audit = ledger.audit();
    assertTrue(audit.ok(), audit.toString());
    // what is allowed right at the limits goes through, and the ledger is still healthy
    ListingSpec edge = with(with(with(ok, "title", "t".repeat(ListingLimits.MAX_TITLE)), "description",
        "line one\n\tline two"), "tags", List.of("Ocean", "time-series", "ocean"));
    TxReceipt r = ledger.submit(sign(seller, new TxKind.CreateListing(edge)));
    Listing stored = (Listing) ledger.object(r.createdObjects().get(0)).orElseThrow().object();
    assertEquals(edge.title(), stored.spec().title());
    assertEquals(List.of("Ocean", "time-series", "ocean"), stored.spec().tags(), "signed content is stored as signed");
    assertEquals(List.of("ocean", "time-series"), ListingLimits.normalizeTags(stored.spec().tags()));
    assertTrue(ledger.audit().ok());
  }

  /** A Transfer whose kind tag 0 is written as the non-canonical ULEB128 {@code 80 00} is refused. */
  @Test
  void nonCanonicalKindTagIsRefused() {
    Ed25519KeyPair a = funded(5 * WAL);
    Ed25519KeyPair b = Ed25519KeyPair.generate();
    byte[] bytes = TxCodec.encode(new TransactionData(a.address().toString(), TestLedgers.nonce(), 0,
        new TxKind.Transfer(b.address().toString(), WAL)));
    int tagAt = 1 + 32 + 8 + 8;
    assertEquals(0, bytes[tagAt]);
    byte[] padded = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, padded, 0, tagAt);
    padded[tagAt] = (byte) 0x80;
    padded[tagAt + 1] = 0;
    System.arraycopy(bytes, tagAt + 1, padded, tagAt + 2, bytes.length - tagAt - 1);
    Snapshot before = snapshot(null, a.address(), b.address());
    code(ErrorCode.MALFORMED_TRANSACTION, () -> ledger.submit(new SignedTransaction(padded,
        SuiSignatures.signTransaction(a, padded))));
    assertEquals(before, snapshot(null, a.address(), b.address()));
    assertEquals(0, ledger.balance(b.address()));
    ledger.submit(new SignedTransaction(bytes, SuiSignatures.signTransaction(a, bytes)));
    assertEquals(WAL, ledger.balance(b.address()), "the canonical encoding of the same transaction executes");
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  /** What a transaction can touch: balances, owned objects, the object (version and data), the event log head. */
  protected record Snapshot(List<Long> balances, List<String> owned, String object, long lastEventSeq) {}

  protected Snapshot snapshot(String objectId, SuiAddress... accounts) {
    List<Long> balances = new java.util.ArrayList<>();
    List<String> owned = new java.util.ArrayList<>();
    List<SuiAddress> all = new java.util.ArrayList<>(List.of(accounts));
    all.add(SuiAddress.parse(LedgerConfig.DEFAULT_MARKETPLACE_ADDRESS));
    for (SuiAddress a : all) {
      balances.add(ledger.balance(a));
      ledger.ownedObjects(a, null).forEach(v -> owned.add(v.object().id() + "@" + v.version()));
    }
    String object = objectId == null ? "" : ledger.object(objectId).map(v -> v.version() + ":" + v.object()).orElse("none");
    return new Snapshot(balances, owned, object, lastEventSeq());
  }

  protected long lastEventSeq() {
    long after = 0;
    while (true) {
      List<ChainEvent> page = ledger.events(after, 500);
      if (page.isEmpty()) {
        return after;
      }
      after = page.get(page.size() - 1).seq();
    }
  }

  @Test
  void listingLifecycleEmitsVersionedEventsInCatalogShape() {
    Ed25519KeyPair seller = funded(WAL);
    TxReceipt r = ledger.submit(sign(seller, new TxKind.CreateListing(spec(5 * WAL, WAL, 60_000, null))));
    String id = r.createdObjects().get(0);
    ChainEvent created = r.events().get(0);
    assertEquals("ListingCreated", created.type());
    assertEquals("haulout.listing.v1", created.schema());
    assertEquals(1, created.version());
    @SuppressWarnings("unchecked")
    Map<String, Object> l = (Map<String, Object>) created.body().get("listing");
    assertEquals(seller.address().toString(), l.get("seller"));
    assertEquals("ACTIVE", l.get("status"));
    assertEquals(LedgerConfig.DEFAULT_FEE_BPS, l.get("feeBps"));
    TxReceipt u = ledger.submit(sign(seller, new TxKind.UpdateListing(id, spec(6 * WAL, WAL, 60_000, null))));
    assertEquals(2, u.events().get(0).version());
    TxReceipt d = ledger.submit(sign(seller, new TxKind.Delist(id)));
    assertEquals("ListingDelisted", d.events().get(0).type());
    assertEquals(3, d.events().get(0).version());
    assertEquals(ListingStatus.DELISTED, ((Listing) ledger.object(id).orElseThrow().object()).status());
    List<ChainEvent> evs = ledger.events(created.seq() - 1, 10);
    assertEquals(created.seq(), evs.get(0).seq());
    assertEquals(id, evs.get(0).objectId());
    Ed25519KeyPair buyer = funded(10 * WAL);
    code(ErrorCode.LISTING_NOT_ACTIVE, () -> ledger.submit(sign(buyer, new TxKind.Buy(id, 10 * WAL))));
    Ed25519KeyPair other = funded(WAL);
    String fresh = ledger.submit(sign(seller, new TxKind.CreateListing(spec(WAL, 0, 0, null)))).createdObjects().get(0);
    code(ErrorCode.NOT_OWNER, () -> ledger.submit(sign(other, new TxKind.Delist(fresh))));
  }

  @Test
  void aDraftWithoutContentCannotBeBoughtUntilItsFirstRevisionActivatesIt() {
    Ed25519KeyPair seller = funded(WAL);
    TxReceipt r = ledger.submit(sign(seller, new TxKind.CreateListing(with(spec(5 * WAL, 0, 0, null), "blobId", ""))));
    String id = r.createdObjects().get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> created = (Map<String, Object>) r.events().get(0).body().get("listing");
    assertEquals("DRAFT", created.get("status"));
    Ed25519KeyPair buyer = funded(10 * WAL);
    code(ErrorCode.LISTING_NOT_ACTIVE, () -> ledger.submit(sign(buyer, new TxKind.Buy(id, 10 * WAL))));
    // the seller reads a draft's identity (to check what they sealed); nobody else does
    byte[] identity = AccessIdentity.innerId(id, new byte[16]);
    assertEquals("SELLER", ledger.evaluateAccess(identity, seller.address(), clock.instant()).reason());
    assertEquals("NO_ACCESS", ledger.evaluateAccess(identity, buyer.address(), clock.instant()).reason());
    Ed25519KeyPair other = funded(WAL);
    code(ErrorCode.NOT_OWNER, () -> ledger.submit(sign(other, new TxKind.UpdateListing(id, spec(5 * WAL, 0, 0, null)))));
    // the first revision (a blob) makes it ACTIVE; an active listing cannot lose its content
    TxReceipt u = ledger.submit(sign(seller, new TxKind.UpdateListing(id, spec(5 * WAL, 0, 0, null))));
    @SuppressWarnings("unchecked")
    Map<String, Object> updated = (Map<String, Object>) u.events().get(0).body().get("listing");
    assertEquals("ACTIVE", updated.get("status"));
    code(ErrorCode.INVALID_ARGUMENT, () -> ledger.submit(sign(seller,
        new TxKind.UpdateListing(id, with(spec(5 * WAL, 0, 0, null), "blobId", "")))));
    ledger.submit(sign(buyer, new TxKind.Buy(id, 5 * WAL)));
    assertEquals("ACCESS_PASS", ledger.evaluateAccess(identity, buyer.address(), clock.instant()).reason());
    // a draft can be abandoned
    String other2 = ledger.submit(sign(seller, new TxKind.CreateListing(with(spec(WAL, 0, 0, null), "blobId", null))))
        .createdObjects().get(0);
    ledger.submit(sign(seller, new TxKind.Delist(other2)));
    assertEquals(ListingStatus.DELISTED, ((Listing) ledger.object(other2).orElseThrow().object()).status());
  }

  @Test
  void aPublicListingWithNoPriceIsFreeAndAPrivateOneIsNot() {
    Ed25519KeyPair seller = funded(WAL);
    String free = ledger.submit(sign(seller, new TxKind.CreateListing(spec(0, 0, 0, null)))).createdObjects().get(0);
    Ed25519KeyPair taker = funded(WAL);
    long before = ledger.balance(taker.address());
    TxReceipt r = ledger.submit(sign(taker, new TxKind.Buy(free, 0)));
    assertEquals(before, ledger.balance(taker.address()));
    AccessPass pass = (AccessPass) ledger.object(r.createdObjects().get(0)).orElseThrow().object();
    assertEquals(0, pass.pricePaidFrost());
    assertEquals("ACCESS_PASS", ledger.evaluateAccess(AccessIdentity.innerId(free, new byte[0]), taker.address(),
        clock.instant()).reason());
    code(ErrorCode.NOT_FOR_SALE, () -> ledger.submit(sign(taker, new TxKind.Rent(free, 1, 0))));
    String priv = ledger.submit(sign(seller, new TxKind.CreateListing(spec(0, 0, 0, List.of())))).createdObjects().get(0);
    code(ErrorCode.NOT_FOR_SALE, () -> ledger.submit(sign(taker, new TxKind.Buy(priv, 0))));
  }

  @Test
  void buyPaysSellerAndFeeAtomicallyAndPassGrantsAccess() {
    Ed25519KeyPair seller = Ed25519KeyPair.generate();
    ledger.faucet(seller.address(), 1);
    String id = ledger.submit(sign(seller, new TxKind.CreateListing(spec(10 * WAL, 0, 0, null)))).createdObjects().get(0);
    Ed25519KeyPair buyer = funded(25 * WAL);
    byte[] identity = AccessIdentity.innerId(id, new byte[] {9, 9});
    assertFalse(ledger.evaluateAccess(identity, buyer.address(), clock.instant()).allowed());
    long feeBefore = ledger.balance(SuiAddress.parse(LedgerConfig.DEFAULT_MARKETPLACE_ADDRESS));
    code(ErrorCode.PRICE_ABOVE_MAXIMUM, () -> ledger.submit(sign(buyer, new TxKind.Buy(id, 9 * WAL))));
    TxReceipt r = ledger.submit(sign(buyer, new TxKind.Buy(id, 10 * WAL)));
    long fee = 10 * WAL * LedgerConfig.DEFAULT_FEE_BPS / 10_000;
    assertEquals(15 * WAL, ledger.balance(buyer.address()));
    assertEquals(1 + 10 * WAL - fee, ledger.balance(seller.address()));
    assertEquals(feeBefore + fee, ledger.balance(SuiAddress.parse(LedgerConfig.DEFAULT_MARKETPLACE_ADDRESS)));
    String passId = r.createdObjects().get(0);
    AccessPass pass = (AccessPass) ledger.object(passId).orElseThrow().object();
    assertEquals(buyer.address().toString(), pass.owner());
    AccessDecision d = ledger.evaluateAccess(identity, buyer.address(), clock.instant());
    assertTrue(d.allowed());
    assertEquals("ACCESS_PASS", d.reason());
    assertEquals("SELLER", ledger.evaluateAccess(identity, seller.address(), clock.instant()).reason());
    // the pass is transferable: owning it is owning the right
    Ed25519KeyPair friend = Ed25519KeyPair.generate();
    ledger.submit(sign(buyer, new TxKind.TransferObject(passId, friend.address().toString())));
    assertTrue(ledger.evaluateAccess(identity, friend.address(), clock.instant()).allowed());
    assertEquals("NO_ACCESS", ledger.evaluateAccess(identity, buyer.address(), clock.instant()).reason());
    assertEquals("MALFORMED_IDENTITY", ledger.evaluateAccess(new byte[5], buyer.address(), clock.instant()).reason());
    assertEquals("LISTING_NOT_FOUND",
        ledger.evaluateAccess(new byte[40], buyer.address(), clock.instant()).reason());
  }

  @Test
  void rentalAllowsBeforeExpiryDeniesAfterAndCanBeExtended() {
    Ed25519KeyPair seller = funded(1);
    long hour = Duration.ofHours(1).toMillis();
    String id = ledger.submit(sign(seller, new TxKind.CreateListing(spec(0, WAL, hour, null)))).createdObjects().get(0);
    Ed25519KeyPair renter = funded(10 * WAL);
    code(ErrorCode.NOT_FOR_SALE, () -> ledger.submit(sign(renter, new TxKind.Buy(id, 100 * WAL))));
    TxReceipt r = ledger.submit(sign(renter, new TxKind.Rent(id, 2, 2 * WAL)));
    Rental rental = (Rental) ledger.object(r.createdObjects().get(0)).orElseThrow().object();
    assertEquals(clock.millis() + 2 * hour, rental.expiresAtMs());
    byte[] identity = AccessIdentity.innerId(id, new byte[0]);
    assertTrue(ledger.evaluateAccess(identity, renter.address(), clock.instant()).allowed());
    assertTrue(ledger.evaluateAccess(identity, renter.address(), clock.instant().plusMillis(2 * hour - 1)).allowed());
    AccessDecision after = ledger.evaluateAccess(identity, renter.address(), clock.instant().plusMillis(2 * hour));
    assertFalse(after.allowed());
    assertEquals("RENTAL_EXPIRED", after.reason());
    TxReceipt ext = ledger.submit(sign(renter, new TxKind.ExtendRental(rental.id(), 1, WAL)));
    assertEquals(2, ext.events().get(0).version());
    assertTrue(ledger.evaluateAccess(identity, renter.address(), clock.instant().plusMillis(2 * hour)).allowed());
    assertEquals(7 * WAL, ledger.balance(renter.address()));
    Ed25519KeyPair thief = funded(WAL);
    code(ErrorCode.NOT_OWNER, () -> ledger.submit(sign(thief, new TxKind.ExtendRental(rental.id(), 1, WAL))));
    code(ErrorCode.WRONG_OBJECT_TYPE, () -> ledger.submit(sign(renter, new TxKind.TransferObject(rental.id(),
        thief.address().toString()))));
  }

  @Test
  void allowlistGrantsAndRevokesPrivateAccess() {
    Ed25519KeyPair seller = funded(1);
    Ed25519KeyPair friend = Ed25519KeyPair.generate();
    String id = ledger.submit(sign(seller, new TxKind.CreateListing(spec(0, 0, 0, List.of())))).createdObjects().get(0);
    byte[] identity = AccessIdentity.innerId(id, new byte[] {1});
    assertFalse(ledger.evaluateAccess(identity, friend.address(), clock.instant()).allowed());
    TxReceipt add = ledger.submit(sign(seller, new TxKind.AllowlistAdd(id, friend.address().toString())));
    assertEquals("ListingUpdated", add.events().get(0).type());
    assertEquals("ALLOWLIST", ledger.evaluateAccess(identity, friend.address(), clock.instant()).reason());
    ledger.submit(sign(seller, new TxKind.AllowlistRemove(id, friend.address().toString())));
    assertFalse(ledger.evaluateAccess(identity, friend.address(), clock.instant()).allowed());
    code(ErrorCode.INVALID_ARGUMENT, () -> ledger.submit(sign(seller, new TxKind.AllowlistRemove(id,
        friend.address().toString()))));
  }
}
