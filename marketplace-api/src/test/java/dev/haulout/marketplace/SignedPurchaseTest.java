package dev.haulout.marketplace;

import static dev.haulout.marketplace.PurchaseTest.code;
import static dev.haulout.marketplace.PurchaseTest.marketplaceKey;
import static dev.haulout.marketplace.TestSupport.userToken;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.chain.Wal;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.crypto.SuiSignatures;
import dev.haulout.chain.model.AccessPass;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.model.Rental;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxCodec;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.dataset.Quote;
import dev.haulout.dataset.Receipt;
import dev.haulout.marketplace.adapter.embedded.EmbeddedNetwork;
import dev.haulout.storage.ProgressListener;
import dev.haulout.wire.SuiAddress;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * carol links an own Ed25519 key (her managed wallet's pass and WAL move to it) and pays quotes with
 * transactions she signs herself: purchaseTransaction gives the bytes, submitPurchase checks they
 * are exactly the quoted purchase and records it with a receipt like purchase does.
 */
@QuarkusTest
@TestProfile(EmbeddedNetworkProfile.class)
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class SignedPurchaseTest {
  static final long WAL = Wal.FROST_PER_WAL;
  static final AtomicLong NONCE = new AtomicLong(System.nanoTime());
  static final ObjectMapper JSON = new ObjectMapper();
  static final String QUOTE = "query($l: String!, $k: QuoteKind!, $p: BigInteger) { quote(listingId: $l, kind: $k, periods: $p)"
      + " { token buyer priceFrost expiresAtMs } }";
  static final String TX = "query($q: String!, $i: String!) { purchaseTransaction(quote: $q, idempotencyKey: $i)"
      + " { txBytes digest sender nonce expirationMs listingId kind periods maxPriceFrost } }";
  static final String SUBMIT = "mutation($s: String!, $q: String!, $i: String!) { submitPurchase(signedTransaction: $s,"
      + " quote: $q, idempotencyKey: $i) { listingId kind txDigest accessId expiresAtMs receipt } }";
  static final String LINK = "mutation($a: String!, $s: String!) { linkWallet(address: $a, signature: $s) { address managed } }";

  /** carol's own key, linked once for the class; what the link moved. */
  static Ed25519KeyPair own;
  static String managedAddress;
  static long managedBalanceBeforeLink;
  static long ownBalanceAfterLink;
  static String passBoughtWhileManaged;

  @Inject EmbeddedNetwork network;
  Ed25519KeyPair seller;
  String listingId;
  String carol;

  @BeforeEach
  void listAndLink() throws Exception {
    seller = Ed25519KeyPair.generate();
    network.ledger().faucet(seller.address(), 100 * WAL);
    byte[] data = ("dataset " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    String blobId;
    try (var store = network.storage().blobStore(seller)) {
      blobId = store.store(new ByteArrayInputStream(data), data.length, 3, ProgressListener.NONE).blobId();
    }
    listingId = submit(seller, new TxKind.CreateListing(spec(blobId, 5 * WAL, WAL)));
    carol = userToken("carol", "carol-pw");
    if (own == null) {
      linkCarolOnce();
    }
  }

  /** carol buys a pass with her managed wallet, then links an own key: the pass and her WAL move to it. */
  void linkCarolOnce() {
    JsonPath w = call("{ me { wallet { address managed balanceFrost } } }", Map.of(), carol);
    assertTrue(w.getBoolean("data.me.wallet.managed"), w.prettify());
    managedAddress = w.getString("data.me.wallet.address");
    String token = call(QUOTE, Map.of("l", listingId, "k", "BUY", "p", 1), carol).getString("data.quote.token");
    JsonPath bought = call(PurchaseTest.PURCHASE, Map.of("q", token, "i", "managed-" + UUID.randomUUID()), carol);
    assertNull(bought.get("errors"), bought.prettify());
    passBoughtWhileManaged = bought.getString("data.purchase.accessId");
    managedBalanceBeforeLink = network.ledger().balance(SuiAddress.parse(managedAddress));
    assertTrue(managedBalanceBeforeLink > 0, "the faucet funded carol's managed wallet");

    Ed25519KeyPair key = Ed25519KeyPair.generate();
    String challenge = WalletTest.challenge(carol);
    String sig = SuiSignatures.signPersonalMessage(key, challenge.getBytes(StandardCharsets.UTF_8));
    JsonPath linked = call(LINK, Map.of("a", key.address().toString(), "s", sig), carol);
    assertNull(linked.get("errors"), linked.prettify());
    ownBalanceAfterLink = network.ledger().balance(key.address());
    own = key;
  }

  @AfterAll
  static void unlinkCarol() throws Exception {
    // other test classes of this profile use carol's managed wallet
    if (own != null) {
      try (var c = WalletTest.db(); var st = c.prepareStatement(
          "UPDATE wallet SET linked_address = NULL, linked_ms = NULL WHERE linked_address = ?")) {
        st.setString(1, own.address().toString());
        st.executeUpdate();
      }
    }
  }

  ListingSpec spec(String blobId, long buy, long rentPerDay) {
    return new ListingSpec(blobId, null, "River flow " + UUID.randomUUID(), "Daily discharge", List.of("hydrology"),
        "CC0-1.0", 64, "csv", null, null, buy, rentPerDay, rentPerDay == 0 ? 0 : 86_400_000L, null);
  }

  String submit(Ed25519KeyPair key, TxKind kind) {
    var r = network.ledger().submit(Transactions.sign(key,
        new TransactionData(key.address().toString(), NONCE.incrementAndGet(), 0, kind)));
    return r.createdObjects().isEmpty() ? null : r.createdObjects().get(0);
  }

  static JsonPath call(String q, Map<String, Object> vars, String token) {
    return PurchaseTest.call(q, vars, token);
  }

  long ownBalance() {
    return network.ledger().balance(own.address());
  }

  String quote(String kind, long periods) {
    JsonPath q = call(QUOTE, Map.of("l", listingId, "k", kind, "p", periods), carol);
    assertNull(q.get("errors"), q.prettify());
    assertEquals(own.address().toString(), q.getString("data.quote.buyer"), "the quote is for the linked address");
    return q.getString("data.quote.token");
  }

  JsonPath unsigned(String token, String key) {
    JsonPath t = call(TX, Map.of("q", token, "i", key), carol);
    assertNull(t.get("errors"), t.prettify());
    return t;
  }

  static String signed(byte[] txBytes, String signature) {
    return JSON.createObjectNode().put("txBytes", Base64.getEncoder().encodeToString(txBytes))
        .put("signature", signature).toString();
  }

  static String signedBy(Ed25519KeyPair key, byte[] txBytes) {
    return signed(txBytes, SuiSignatures.signTransaction(key, txBytes));
  }

  static byte[] bytesOf(JsonPath t) {
    return Base64.getDecoder().decode(t.getString("data.purchaseTransaction.txBytes"));
  }

  @Test
  void linkingMovesTheManagedWalletsPassAndWalToTheLinkedAddress() {
    assertEquals(0, network.ledger().balance(SuiAddress.parse(managedAddress)), "the managed wallet is empty");
    assertEquals(managedBalanceBeforeLink, ownBalanceAfterLink, "all of its WAL is at the linked address");
    AccessPass pass = (AccessPass) network.ledger().object(passBoughtWhileManaged).orElseThrow().object();
    assertEquals(own.address().toString(), pass.owner(), "the pass bought while managed moved with it");
    JsonPath me = call("{ me { wallet { address managed } } }", Map.of(), carol);
    assertEquals(own.address().toString(), me.getString("data.me.wallet.address"));
    assertFalse(me.getBoolean("data.me.wallet.managed"));
  }

  @Test
  void aLinkedBuyerSignsTheQuotedBuyAndIsChargedOnce() throws Exception {
    String token = quote("BUY", 1);
    String key = "signed-" + UUID.randomUUID();
    JsonPath t = unsigned(token, key);
    byte[] bytes = bytesOf(t);
    assertArrayEquals(bytes, bytesOf(unsigned(token, key)), "the same quote and key give the same bytes");
    TransactionData tx = TxCodec.decode(bytes);
    assertEquals(own.address().toString(), tx.sender());
    assertEquals(new TxKind.Buy(listingId, 5 * WAL), tx.kind());
    assertEquals(t.getLong("data.purchaseTransaction.expirationMs"), tx.expirationMs());
    assertEquals(Quote.verify(token, marketplaceKey(), Clock.systemUTC()).expiresAtMs(), tx.expirationMs(),
        "the transaction expires with the quote");
    assertEquals(Long.toUnsignedString(tx.nonce()), t.getString("data.purchaseTransaction.nonce"));
    assertEquals(Transactions.digest(bytes), t.getString("data.purchaseTransaction.digest"));

    long before = ownBalance();
    String body = signedBy(own, bytes);
    JsonPath p = call(SUBMIT, Map.of("s", body, "q", token, "i", key), carol);
    assertNull(p.get("errors"), p.prettify());
    assertEquals(t.getString("data.purchaseTransaction.digest"), p.getString("data.submitPurchase.txDigest"));
    assertEquals(before - 5 * WAL, ownBalance(), "charged the quoted price");
    AccessPass pass = (AccessPass) network.ledger().object(p.getString("data.submitPurchase.accessId")).orElseThrow().object();
    assertEquals(own.address().toString(), pass.owner());
    assertEquals(listingId, pass.listingId());
    Receipt r = Receipt.verify(p.getString("data.submitPurchase.receipt"), marketplaceKey());
    assertEquals(own.address().toString(), r.buyer());
    assertEquals(5 * WAL, r.priceFrost());
    assertEquals(p.getString("data.submitPurchase.txDigest"), r.txDigest());

    JsonPath again = call(SUBMIT, Map.of("s", body, "q", token, "i", key), carol);
    assertEquals(p.getString("data.submitPurchase.receipt"), again.getString("data.submitPurchase.receipt"), "the same receipt");
    // a fresh quote with the same key: still the first purchase, never a second charge
    String fresh = quote("BUY", 1);
    JsonPath requoted = call(SUBMIT, Map.of("s", signedBy(own, bytesOf(unsigned(fresh, key))), "q", fresh, "i", key), carol);
    assertEquals(p.getString("data.submitPurchase.txDigest"), requoted.getString("data.submitPurchase.txDigest"), requoted.prettify());
    assertEquals(before - 5 * WAL, ownBalance(), "retries are not charged again");
    JsonPath lib = call("{ me { library { txDigest } } }", Map.of(), carol);
    assertTrue(lib.getList("data.me.library.txDigest").contains(r.txDigest()), lib.prettify());
  }

  @Test
  void aSignedRentalRunsItsPeriods() throws Exception {
    String token = quote("RENT", 2);
    String key = "rent-" + UUID.randomUUID();
    byte[] bytes = bytesOf(unsigned(token, key));
    assertEquals(new TxKind.Rent(listingId, 2, 2 * WAL), TxCodec.decode(bytes).kind());
    long before = ownBalance();
    JsonPath p = call(SUBMIT, Map.of("s", signedBy(own, bytes), "q", token, "i", key), carol);
    assertNull(p.get("errors"), p.prettify());
    assertEquals(before - 2 * WAL, ownBalance());
    Rental rental = (Rental) network.ledger().object(p.getString("data.submitPurchase.accessId")).orElseThrow().object();
    assertEquals(own.address().toString(), rental.owner());
    assertEquals(Long.valueOf(rental.expiresAtMs()), Long.valueOf(p.getLong("data.submitPurchase.expiresAtMs")));
    assertTrue(Math.abs(rental.expiresAtMs() - (System.currentTimeMillis() + 2 * 86_400_000L)) < 120_000);
  }

  @Test
  void aTransactionThatIsNotTheQuotedPurchaseIsRefusedWithItsCode() throws Exception {
    String token = quote("BUY", 1);
    String key = "bad-" + UUID.randomUUID();
    byte[] bytes = bytesOf(unsigned(token, key));
    TransactionData tx = TxCodec.decode(bytes);
    long before = ownBalance();

    byte[] cheaper = TxCodec.encode(new TransactionData(tx.sender(), tx.nonce(), tx.expirationMs(), new TxKind.Buy(listingId, 1)));
    JsonPath r = call(SUBMIT, Map.of("s", signedBy(own, cheaper), "q", token, "i", key), carol);
    assertEquals("TRANSACTION_MISMATCH", code(r));
    assertTrue(r.getString("errors[0].message").contains("maxPrice 1"), r.prettify());
    byte[] otherListing = TxCodec.encode(new TransactionData(tx.sender(), tx.nonce(), tx.expirationMs(),
        new TxKind.Buy(TestSupport.randomAddress(), 5 * WAL)));
    assertEquals("TRANSACTION_MISMATCH", code(call(SUBMIT, Map.of("s", signedBy(own, otherListing), "q", token, "i", key), carol)));
    byte[] otherNonce = TxCodec.encode(new TransactionData(tx.sender(), tx.nonce() + 1, tx.expirationMs(), tx.kind()));
    assertEquals("TRANSACTION_MISMATCH", code(call(SUBMIT, Map.of("s", signedBy(own, otherNonce), "q", token, "i", key), carol)));
    byte[] noExpiry = TxCodec.encode(new TransactionData(tx.sender(), tx.nonce(), 0, tx.kind()));
    assertEquals("TRANSACTION_MISMATCH", code(call(SUBMIT, Map.of("s", signedBy(own, noExpiry), "q", token, "i", key), carol)));
    byte[] tampered = bytes.clone();
    tampered[tampered.length - 1] ^= 1;
    assertEquals("TRANSACTION_MISMATCH", code(call(SUBMIT, Map.of("s", signedBy(own, tampered), "q", token, "i", key), carol)));
    byte[] garbage = "not a transaction".getBytes(StandardCharsets.UTF_8);
    assertEquals("TRANSACTION_MISMATCH", code(call(SUBMIT, Map.of("s", signedBy(own, garbage), "q", token, "i", key), carol)));

    // the right bytes, signed by another key, or the signature of other bytes
    assertEquals("INVALID_SIGNATURE", code(call(SUBMIT, Map.of("s", signedBy(Ed25519KeyPair.generate(), bytes), "q", token,
        "i", key), carol)));
    assertEquals("INVALID_SIGNATURE", code(call(SUBMIT, Map.of("s", signed(bytes, SuiSignatures.signTransaction(own, cheaper)),
        "q", token, "i", key), carol)));
    assertEquals("INVALID_SIGNATURE", code(call(SUBMIT, Map.of("s", signed(bytes, "AAAA"), "q", token, "i", key), carol)));
    // not the ledger's JSON body
    assertEquals("INVALID_ARGUMENT", code(call(SUBMIT, Map.of("s", "not json", "q", token, "i", key), carol)));
    assertEquals("INVALID_ARGUMENT", code(call(SUBMIT, Map.of("s", "{\"txBytes\": 1}", "q", token, "i", key), carol)));
    assertEquals("INVALID_ARGUMENT", code(call(SUBMIT, Map.of("s", "{\"txBytes\": \"%%\", \"signature\": \"x\"}", "q", token,
        "i", key), carol)));
    assertEquals("INVALID_ARGUMENT", code(call(SUBMIT, Map.of("s", signedBy(own, bytes), "q", token, "i", ""), carol)));
    assertEquals(before, ownBalance(), "nothing was charged");
    assertTrue(network.ledger().transaction(Transactions.digest(bytes)).isEmpty(), "nothing was submitted");
  }

  @Test
  void quotesAndWalletsThatDoNotFitAreRefused() throws Exception {
    String key = "q-" + UUID.randomUUID();
    // an expired quote for carol's linked address, signed with this run's marketplace key
    Path keyFile = Path.of(ConfigProvider.getConfig().getValue("haulout.embedded.state-dir", String.class), "marketplace-key");
    Ed25519KeyPair market = Ed25519KeyPair.fromSeed(Base64.getDecoder().decode(Files.readString(keyFile).trim()));
    String expired = Quote.of(listingId, Quote.Kind.BUY, 1, 5 * WAL, own.address().toString(),
        Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6))).sign(market);
    assertEquals("QUOTE_EXPIRED", code(call(TX, Map.of("q", expired, "i", key), carol)));
    assertEquals("QUOTE_EXPIRED", code(call(SUBMIT, Map.of("s", "{}", "q", expired, "i", key), carol)));
    assertEquals("QUOTE_INVALID", code(call(TX, Map.of("q", "garbage", "i", key), carol)));

    // alice's wallet is managed: no transaction to sign, and hers cannot be submitted
    String alice = userToken("alice", "alice-pw");
    JsonPath aq = call(QUOTE, Map.of("l", listingId, "k", "BUY", "p", 1), alice);
    String alicesQuote = aq.getString("data.quote.token");
    assertNotNull(alicesQuote, aq.prettify());
    assertEquals("WALLET_NOT_LINKED", code(call(TX, Map.of("q", alicesQuote, "i", key), alice)));
    assertEquals("WALLET_NOT_LINKED", code(call(SUBMIT, Map.of("s", signed(new byte[] {1}, "AAAA"), "q", alicesQuote,
        "i", key), alice)));
    // alice's quote names her address, not carol's
    assertEquals("QUOTE_INVALID", code(call(TX, Map.of("q", alicesQuote, "i", key), carol)));
    // carol's linked wallet cannot be paid for by the marketplace
    assertEquals("FORBIDDEN", code(call(PurchaseTest.PURCHASE, Map.of("q", quote("BUY", 1), "i", key), carol)));
    assertEquals("UNAUTHENTICATED", code(call(TX, Map.of("q", quote("BUY", 1), "i", key), null)));
  }

  @Test
  void aPriceChangeAfterSigningIsRefusedAndNothingIsCharged() {
    String token = quote("BUY", 1);
    String key = "price-" + UUID.randomUUID();
    byte[] bytes = bytesOf(unsigned(token, key));
    var current = (dev.haulout.chain.model.Listing) network.ledger().object(listingId).orElseThrow().object();
    submit(seller, new TxKind.UpdateListing(listingId, spec(current.spec().blobId(), 4 * WAL, WAL)));
    long before = ownBalance();
    assertEquals("PRICE_CHANGED", code(call(SUBMIT, Map.of("s", signedBy(own, bytes), "q", token, "i", key), carol)));
    assertEquals(before, ownBalance());
  }
}
