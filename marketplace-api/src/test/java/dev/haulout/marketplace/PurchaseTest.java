package dev.haulout.marketplace;

import static dev.haulout.marketplace.TestSupport.graphql;
import static dev.haulout.marketplace.TestSupport.userToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.chain.Wal;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.crypto.Ed25519PublicKey;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.dataset.Quote;
import dev.haulout.dataset.Receipt;
import dev.haulout.dataset.SignedDocumentException;
import dev.haulout.marketplace.adapter.embedded.EmbeddedNetwork;
import dev.haulout.storage.ProgressListener;
import dev.haulout.wire.Hex;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alice buys and rents a listing created on the embedded ledger; quotes, idempotency, receipts. */
@QuarkusTest
@TestProfile(EmbeddedNetworkProfile.class)
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class PurchaseTest {
  static final long WAL = Wal.FROST_PER_WAL;
  static final AtomicLong NONCE = new AtomicLong(System.nanoTime());
  static final String QUOTE = "query($l: String!, $k: QuoteKind!, $p: BigInteger) { quote(listingId: $l, kind: $k, periods: $p)"
      + " { token listingId kind periods priceFrost buyer expiresAtMs } }";
  static final String PURCHASE = "mutation($q: String!, $i: String!) { purchase(quote: $q, idempotencyKey: $i)"
      + " { listingId kind txDigest accessId expiresAtMs receipt } }";
  static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedNetwork network;
  Ed25519KeyPair seller;
  String blobId;
  String listingId;
  String alice;
  String aliceAddress;

  @BeforeEach
  void listOnTheLedger() throws Exception {
    seller = Ed25519KeyPair.generate();
    network.ledger().faucet(seller.address(), 100 * WAL);
    byte[] data = ("dataset " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    try (var store = network.storage().blobStore(seller)) {
      blobId = store.store(new ByteArrayInputStream(data), data.length, 3, ProgressListener.NONE).blobId();
    }
    listingId = submit(seller, new TxKind.CreateListing(spec(5 * WAL, WAL)));
    alice = userToken("alice", "alice-pw");
    aliceAddress = graphql("{ me { wallet { address } } }", Map.of(), alice).then().statusCode(200)
        .extract().path("data.me.wallet.address");
  }

  ListingSpec spec(long buy, long rentPerDay) {
    return new ListingSpec(blobId, null, "Tide gauges " + UUID.randomUUID(), "Hourly sea level", List.of("ocean"),
        "CC0-1.0", 64, "csv", null, null, buy, rentPerDay, rentPerDay == 0 ? 0 : 86_400_000L, null);
  }

  String submit(Ed25519KeyPair key, TxKind kind) {
    var r = network.ledger().submit(Transactions.sign(key,
        new TransactionData(key.address().toString(), NONCE.incrementAndGet(), 0, kind)));
    return r.createdObjects().isEmpty() ? null : r.createdObjects().get(0);
  }

  long balance() {
    return network.ledger().balance(SuiAddress.parse(aliceAddress));
  }

  static JsonPath call(String q, Map<String, Object> vars, String token) {
    return graphql(q, vars, token).then().statusCode(200).extract().jsonPath();
  }

  JsonPath quote(String kind, long periods, String token) {
    JsonPath q = call(QUOTE, Map.of("l", listingId, "k", kind, "p", periods), token);
    assertNull(q.get("errors"), q.prettify());
    return q;
  }

  static Ed25519PublicKey marketplaceKey() {
    String hex = given().get("/api/v1/marketplace-key").then().statusCode(200).extract().path("publicKey");
    return Ed25519PublicKey.fromBytes(Hex.decode(hex));
  }

  @Test
  void aliceBuysOnceWithOneIdempotencyKeyAndGetsAVerifiableReceipt() throws Exception {
    JsonPath q = quote("BUY", 1, alice);
    assertEquals(5 * WAL, q.getLong("data.quote.priceFrost"));
    assertEquals(aliceAddress, q.getString("data.quote.buyer"));
    long before = balance();
    String key = "buy-" + UUID.randomUUID();
    JsonPath p = call(PURCHASE, Map.of("q", q.getString("data.quote.token"), "i", key), alice);
    assertNull(p.get("errors"), p.prettify());
    assertEquals(before - 5 * WAL, balance(), "charged the quoted price");
    String accessId = p.getString("data.purchase.accessId");
    assertNotNull(network.ledger().object(accessId).orElse(null), "the AccessPass exists on the ledger");
    assertNull(p.get("data.purchase.expiresAtMs"));

    JsonPath again = call(PURCHASE, Map.of("q", q.getString("data.quote.token"), "i", key), alice);
    assertEquals(p.getString("data.purchase.txDigest"), again.getString("data.purchase.txDigest"));
    assertEquals(p.getString("data.purchase.receipt"), again.getString("data.purchase.receipt"), "the same receipt");
    assertEquals(before - 5 * WAL, balance(), "a retry is not charged again");

    String doc = p.getString("data.purchase.receipt");
    Receipt r = Receipt.verify(doc, marketplaceKey());
    assertEquals(listingId, r.listingId());
    assertEquals(aliceAddress, r.buyer());
    assertEquals(5 * WAL, r.priceFrost());
    assertEquals(p.getString("data.purchase.txDigest"), r.txDigest());
    assertTrue(network.ledger().transaction(r.txDigest()).isPresent(), "the receipt's transaction is on the ledger");
    assertEquals(1, r.blobs().size());
    assertEquals(blobId, r.blobs().get(0).blobId());
    assertNotNull(r.blobs().get(0).certifiedEpoch(), "the blob is certified");

    ObjectNode tree = (ObjectNode) JSON.readTree(doc);
    String payload = new String(Base64.getUrlDecoder().decode(tree.get("payload").asText()), StandardCharsets.UTF_8);
    tree.put("payload", Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.replace(aliceAddress, seller.address().toString()).getBytes(StandardCharsets.UTF_8)));
    assertThrows(SignedDocumentException.class, () -> Receipt.verify(tree.toString(), marketplaceKey()));

    // the library names the listing as the catalog shows it, once the catalog applied the ledger's event
    String library = "{ me { library { listingId listing { id title } kind txDigest receipt } } }";
    await().atMost(Duration.ofSeconds(60)).until(() -> call(library, Map.of(), alice)
        .getString("data.me.library.find { it.txDigest == '" + r.txDigest() + "' }.listing.id") != null);
    JsonPath lib = call(library, Map.of(), alice);
    assertTrue(lib.getList("data.me.library.txDigest").contains(r.txDigest()), lib.prettify());
    String item = "data.me.library.find { it.txDigest == '" + r.txDigest() + "' }";
    assertEquals(listingId, lib.getString(item + ".listing.id"), lib.prettify());
    assertEquals(network.ledger().object(listingId).map(o -> ((Listing) o.object()).spec().title()).orElseThrow(),
        lib.getString(item + ".listing.title"));
  }

  @Test
  void aliceRentsAndAConcurrentDoubleSubmitChargesOnce() throws Exception {
    JsonPath q = quote("RENT", 2, alice);
    assertEquals(2 * WAL, q.getLong("data.quote.priceFrost"));
    long before = balance();
    String key = "rent-" + UUID.randomUUID();
    Map<String, Object> vars = Map.of("q", q.getString("data.quote.token"), "i", key);
    var a = CompletableFuture.supplyAsync(() -> call(PURCHASE, vars, alice));
    var b = CompletableFuture.supplyAsync(() -> call(PURCHASE, vars, alice));
    JsonPath ra = a.get();
    JsonPath rb = b.get();
    assertNull(ra.get("errors"), ra.prettify());
    assertNull(rb.get("errors"), rb.prettify());
    assertEquals(ra.getString("data.purchase.txDigest"), rb.getString("data.purchase.txDigest"));
    assertEquals(ra.getString("data.purchase.receipt"), rb.getString("data.purchase.receipt"));
    assertEquals(before - 2 * WAL, balance(), "two concurrent submits, one charge");
    long expires = ra.getLong("data.purchase.expiresAtMs");
    long expected = System.currentTimeMillis() + 2 * 86_400_000L;
    assertTrue(Math.abs(expires - expected) < 120_000, "rental runs two days: " + expires);
    assertEquals(Long.valueOf(expires), Receipt.verify(ra.getString("data.purchase.receipt"), marketplaceKey()).expiresAtMs());
  }

  @Test
  void alteredExpiredAndSomeoneElsesQuotesAreRefused() throws Exception {
    String token = quote("BUY", 1, alice).getString("data.quote.token");
    String[] parts = token.split("\\.");
    String json = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    String cheap = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(json.replace("\"priceFrost\":" + 5 * WAL, "\"priceFrost\":1").getBytes(StandardCharsets.UTF_8));
    long before = balance();
    assertEquals("QUOTE_INVALID", code(call(PURCHASE, Map.of("q", cheap + "." + parts[1], "i", "x1"), alice)));
    assertEquals("QUOTE_INVALID", code(call(PURCHASE, Map.of("q", "garbage", "i", "x2"), alice)));

    // an expired quote, correctly signed with the marketplace key of this run's state directory
    Path keyFile = Path.of(ConfigProvider.getConfig().getValue("haulout.embedded.state-dir", String.class), "marketplace-key");
    Ed25519KeyPair market = Ed25519KeyPair.fromSeed(Base64.getDecoder().decode(Files.readString(keyFile).trim()));
    String expired = Quote.of(listingId, Quote.Kind.BUY, 1, 5 * WAL, aliceAddress,
        Clock.offset(Clock.systemUTC(), java.time.Duration.ofMinutes(-6))).sign(market);
    assertEquals("QUOTE_EXPIRED", code(call(PURCHASE, Map.of("q", expired, "i", "x3"), alice)));

    String carol = userToken("carol", "carol-pw");
    String carols = quote("BUY", 1, carol).getString("data.quote.token");
    assertEquals("QUOTE_INVALID", code(call(PURCHASE, Map.of("q", carols, "i", "x4"), alice)));
    assertEquals(before, balance(), "nothing was charged");
  }

  @Test
  void listingErrorsHaveTheirCodes() {
    assertEquals("LISTING_NOT_FOUND", code(call(QUOTE, Map.of("l", TestSupport.randomAddress(), "k", "BUY", "p", 1), alice)));
    assertEquals("INVALID_ARGUMENT", code(call(QUOTE, Map.of("l", "nope", "k", "BUY", "p", 1), alice)));
    String buyOnly = submit(seller, new TxKind.CreateListing(spec(3 * WAL, 0)));
    assertEquals("NOT_FOR_SALE", code(call(QUOTE, Map.of("l", buyOnly, "k", "RENT", "p", 1), alice)));

    String token = quote("BUY", 1, alice).getString("data.quote.token");
    submit(seller, new TxKind.UpdateListing(listingId, spec(7 * WAL, WAL)));
    long before = balance();
    assertEquals("PRICE_CHANGED", code(call(PURCHASE, Map.of("q", token, "i", "p-" + UUID.randomUUID()), alice)));
    assertEquals(before, balance());
    assertEquals("UNAUTHENTICATED", code(call(PURCHASE, Map.of("q", token, "i", "k"), null)));
  }

  static String code(JsonPath r) {
    String c = r.getString("errors[0].extensions.code");
    assertNotNull(c, r.prettify());
    return c;
  }
}
