package dev.haulout.marketplace;

import static dev.haulout.marketplace.PublishFlowTest.b64;
import static dev.haulout.marketplace.PublishFlowTest.publication;
import static dev.haulout.marketplace.PurchaseTest.code;
import static dev.haulout.marketplace.TestSupport.graphql;
import static dev.haulout.marketplace.TestSupport.userToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.ListingStatus;
import dev.haulout.marketplace.application.port.NetworkAccess;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A seller's listing over its life, all through the API on the embedded network: bob publishes,
 * alice buys a pass, bob publishes a second revision (tus metadata {@code listingId}), changes the
 * prices and delists; the catalog follows the ledger's events, and alice's pass reads both
 * revisions before and after the delisting.
 */
@QuarkusTest
@TestProfile(EmbeddedNetworkProfile.class)
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class SellerListingTest {
  static final String LISTING = "query($id: String!) { listing(id: $id) { version status"
      + " price { buyPriceFrost rentPricePerPeriodFrost rentPeriodMs free } revisions { revision blobId } } }";
  static final String PRICE = "mutation($l: String!, $b: String, $r: String, $p: String, $f: Boolean) {"
      + " updateListingPrice(listingId: $l, buyPriceWal: $b, rentPriceWal: $r, rentPeriod: $p, free: $f)"
      + " { listingId txDigest version status buyPriceFrost rentPricePerPeriodFrost rentPeriodMs free } }";
  static final String DELIST = "mutation($l: String!) { delistListing(listingId: $l) { listingId version status } }";

  @Inject NetworkAccess network;

  static String csv(String station, int rows) {
    StringBuilder b = new StringBuilder("station,hour,flow_m3s\n");
    for (int i = 0; i < rows; i++) {
      b.append(station).append(',').append(i % 24).append(',').append(i % 97 / 10.0).append('\n');
    }
    return b.toString();
  }

  static String published(String token, byte[] data, String metadata) {
    String id = PublishFlowTest.upload(token, data, metadata);
    await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofMillis(300)).until(() -> {
      String state = publication(token, id).getString("data.publication.state");
      return "DONE".equals(state) || "FAILED".equals(state);
    });
    JsonPath p = publication(token, id);
    assertEquals("LISTED", p.getString("data.publication.stage"), p.prettify());
    return p.getString("data.publication.listingId");
  }

  static JsonPath listing(String id) {
    return graphql(LISTING, Map.of("id", id), null).then().statusCode(200).extract().jsonPath();
  }

  static JsonPath call(String q, Map<String, Object> vars, String token) {
    return PurchaseTest.call(q, vars, token);
  }

  static Map<String, Object> price(String listingId, String buy, String rent, String period, Boolean free) {
    Map<String, Object> m = new HashMap<>();
    m.put("l", listingId);
    m.put("b", buy);
    m.put("r", rent);
    m.put("p", period);
    m.put("f", free);
    return m;
  }

  static byte[] read(String token, String path, int status) {
    return given().header("Authorization", "Bearer " + token).get(path).then().statusCode(status).extract().asByteArray();
  }

  /** Waits until the catalog holds the listing at {@code version} (or later). */
  static JsonPath catalogAt(String id, long version) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      Long v = listing(id).get("data.listing.version") == null ? null : listing(id).getLong("data.listing.version");
      return v != null && v >= version;
    });
    return listing(id);
  }

  @Test
  void aSellersListingLivesThroughRevisionsPriceChangesAndDelistingWhileItsPassKeepsReading() {
    String bob = userToken("bob", "bob-pw");
    String alice = userToken("alice", "alice-pw");
    String carol = userToken("carol", "carol-pw");
    String title = "River flow " + UUID.randomUUID();
    byte[] first = csv("R1", 4000).getBytes(StandardCharsets.UTF_8);
    byte[] second = csv("R2", 6000).getBytes(StandardCharsets.UTF_8);

    String id = published(bob, first, "filename " + b64("flow.csv") + ",filetype " + b64("text/csv") + ",title " + b64(title)
        + ",buyPrice " + b64("2") + ",rentPrice " + b64("0.5") + ",rentPeriod " + b64("1d"));
    await().atMost(Duration.ofSeconds(60)).until(() -> listing(id).get("data.listing.status") != null);

    // alice buys a perpetual pass with her managed wallet
    JsonPath q = call(PurchaseTest.QUOTE, Map.of("l", id, "k", "BUY", "p", 1), alice);
    assertEquals(2_000_000_000L, q.getLong("data.quote.priceFrost"), q.prettify());
    JsonPath bought = call(PurchaseTest.PURCHASE, Map.of("q", q.getString("data.quote.token"), "i", "pass-" + id), alice);
    assertNull(bought.get("errors"), bought.prettify());

    // bob publishes a second revision of the same listing through the API
    assertEquals(id, published(bob, second, "filename " + b64("flow-v2.csv") + ",listingId " + b64(id)));
    await().atMost(Duration.ofSeconds(60)).until(() -> listing(id).getList("data.listing.revisions").size() == 2);
    JsonPath twoRevisions = listing(id);
    assertEquals(List.of(1, 2), twoRevisions.getList("data.listing.revisions.revision"));
    assertEquals(2_000_000_000L, twoRevisions.getLong("data.listing.price.buyPriceFrost"), "a revision keeps the terms");
    String base = "/api/v1/listings/" + id;
    assertArrayEquals(first, read(alice, base + "/revisions/1/content", 200), "the pass reads revision 1");
    assertArrayEquals(second, read(alice, base + "/revisions/2/content", 200), "the pass reads revision 2");
    assertArrayEquals(second, read(alice, base + "/content", 200), "the current content is revision 2");

    // bob changes the prices; the catalog shows them once the ledger's event arrives
    JsonPath changed = call(PRICE, price(id, "3.5", "0.25", "2d", null), bob);
    assertNull(changed.get("errors"), changed.prettify());
    assertEquals(3_500_000_000L, changed.getLong("data.updateListingPrice.buyPriceFrost"));
    JsonPath repriced = catalogAt(id, changed.getLong("data.updateListingPrice.version"));
    assertEquals(3_500_000_000L, repriced.getLong("data.listing.price.buyPriceFrost"));
    assertEquals(250_000_000L, repriced.getLong("data.listing.price.rentPricePerPeriodFrost"));
    assertEquals(2 * 86_400_000L, repriced.getLong("data.listing.price.rentPeriodMs"));
    assertEquals(List.of(1, 2), repriced.getList("data.listing.revisions.revision"), "a price change is no revision");
    Listing onChain = (Listing) network.ledger().object(id).orElseThrow().object();
    assertEquals(3_500_000_000L, onChain.spec().buyPriceFrost());
    assertEquals(call(PurchaseTest.QUOTE, Map.of("l", id, "k", "BUY", "p", 1), carol).getLong("data.quote.priceFrost"),
        Long.valueOf(3_500_000_000L), "new quotes have the new price");

    // free, then priced again: an argument left out keeps its term
    JsonPath free = call(PRICE, price(id, null, null, null, true), bob);
    assertTrue(free.getBoolean("data.updateListingPrice.free"), free.prettify());
    assertEquals(0L, free.getLong("data.updateListingPrice.rentPricePerPeriodFrost"));
    assertTrue(catalogAt(id, free.getLong("data.updateListingPrice.version")).getBoolean("data.listing.price.free"));
    JsonPath buyOnly = call(PRICE, price(id, "1.25", null, null, null), bob);
    assertFalse(buyOnly.getBoolean("data.updateListingPrice.free"), buyOnly.prettify());
    assertEquals(1_250_000_000L, buyOnly.getLong("data.updateListingPrice.buyPriceFrost"));
    assertEquals(0L, buyOnly.getLong("data.updateListingPrice.rentPricePerPeriodFrost"));

    // nobody but the seller changes it; bad prices have their code and change nothing
    assertEquals("NOT_YOUR_LISTING", code(call(PRICE, price(id, "0.1", null, null, null), carol)));
    assertEquals("NOT_YOUR_LISTING", code(call(DELIST, Map.of("l", id), alice)));
    assertEquals("INVALID_ARGUMENT", code(call(PRICE, price(id, "abc", null, null, null), bob)));
    assertEquals("INVALID_ARGUMENT", code(call(PRICE, price(id, "1.0000000001", null, null, null), bob)));
    assertEquals("INVALID_ARGUMENT", code(call(PRICE, price(id, "-1", null, null, null), bob)));
    assertEquals("INVALID_ARGUMENT", code(call(PRICE, price(id, null, "1", null, null), bob)), "renting needs a period");
    assertEquals("INVALID_ARGUMENT", code(call(PRICE, price(id, null, "1", "forever", null), bob)));
    assertEquals("INVALID_ARGUMENT", code(call(PRICE, price(id, "1", null, null, true), bob)));
    assertEquals("INVALID_ARGUMENT", code(call(PRICE, price(id, null, null, null, null), bob)));
    assertEquals("INVALID_ARGUMENT", code(call(PRICE, price("0x12", "1", null, null, null), bob)));
    assertEquals("LISTING_NOT_FOUND", code(call(PRICE, price(TestSupport.randomAddress(), "1", null, null, null), bob)));
    assertEquals("UNAUTHENTICATED", code(call(DELIST, Map.of("l", id), null)));
    assertEquals(1_250_000_000L, ((Listing) network.ledger().object(id).orElseThrow().object()).spec().buyPriceFrost());

    // bob delists: out of search, not for sale, final; alice's pass still reads every revision
    JsonPath delisted = call(DELIST, Map.of("l", id), bob);
    assertNull(delisted.get("errors"), delisted.prettify());
    assertEquals("DELISTED", delisted.getString("data.delistListing.status"));
    JsonPath gone = catalogAt(id, delisted.getLong("data.delistListing.version"));
    assertEquals("DELISTED", gone.getString("data.listing.status"));
    JsonPath search = graphql("query($q: String) { listings(query: $q) { totalCount } }", Map.of("q", title), null)
        .then().statusCode(200).extract().jsonPath();
    assertEquals(0, search.getInt("data.listings.totalCount"), search.prettify());
    assertEquals(ListingStatus.DELISTED, ((Listing) network.ledger().object(id).orElseThrow().object()).status());
    assertEquals("NOT_FOR_SALE", code(call(PurchaseTest.QUOTE, Map.of("l", id, "k", "BUY", "p", 1), carol)));
    assertEquals("LISTING_NOT_ACTIVE", code(call(PRICE, price(id, "9", null, null, null), bob)));
    assertEquals("LISTING_NOT_ACTIVE", code(call(DELIST, Map.of("l", id), bob)));
    assertArrayEquals(first, read(alice, base + "/revisions/1/content", 200), "a pass reads a delisted listing");
    assertArrayEquals(second, read(alice, base + "/revisions/2/content", 200));
    assertArrayEquals(second, read(alice, base + "/content", 200));
    given().header("Authorization", "Bearer " + carol).get(base + "/content").then().statusCode(403)
        .body("code", org.hamcrest.Matchers.equalTo("NO_ACCESS"));
  }
}
