package dev.haulout.marketplace;

import static dev.haulout.marketplace.PublishFlowTest.b64;
import static dev.haulout.marketplace.PurchaseTest.code;
import static dev.haulout.marketplace.TestSupport.userToken;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.haulout.chain.model.AccessPass;
import dev.haulout.dataset.Receipt;
import dev.haulout.marketplace.application.port.NetworkAccess;
import dev.haulout.wire.SuiAddress;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A free listing (published with {@code free true}: public, neither price) is bought through the API
 * for 0 — the ledger issues the pass without a payment — and read through the gateway; it is not
 * for rent, and without the pass the gateway still refuses.
 */
@QuarkusTest
@TestProfile(EmbeddedNetworkProfile.class)
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class FreeListingTest {
  @Inject NetworkAccess network;

  @Test
  void aFreeListingIsQuotedAtZeroBoughtWithoutPaymentAndReadThroughTheGateway() throws Exception {
    String bob = userToken("bob", "bob-pw");
    String alice = userToken("alice", "alice-pw");
    String carol = userToken("carol", "carol-pw");
    byte[] data = SellerListingTest.csv("F" + UUID.randomUUID().toString().substring(0, 8), 3000)
        .getBytes(StandardCharsets.UTF_8);
    String id = SellerListingTest.published(bob, data, "filename " + b64("free.csv") + ",filetype " + b64("text/csv")
        + ",title " + b64("Free gauges " + UUID.randomUUID()) + ",free " + b64("true"));
    await().atMost(Duration.ofSeconds(60)).until(() -> SellerListingTest.listing(id).get("data.listing.status") != null);
    String aliceAddress = PurchaseTest.call("{ me { wallet { address } } }", Map.of(), alice)
        .getString("data.me.wallet.address");
    long before = network.ledger().balance(SuiAddress.parse(aliceAddress));

    JsonPath q = PurchaseTest.call(PurchaseTest.QUOTE, Map.of("l", id, "k", "BUY", "p", 1), alice);
    assertNull(q.get("errors"), q.prettify());
    assertEquals(0L, q.getLong("data.quote.priceFrost"), "a free listing is quoted at 0");
    assertEquals("NOT_FOR_SALE", code(PurchaseTest.call(PurchaseTest.QUOTE, Map.of("l", id, "k", "RENT", "p", 1), alice)),
        "a free listing is not for rent");

    JsonPath p = PurchaseTest.call(PurchaseTest.PURCHASE, Map.of("q", q.getString("data.quote.token"),
        "i", "free-" + UUID.randomUUID()), alice);
    assertNull(p.get("errors"), p.prettify());
    String accessId = p.getString("data.purchase.accessId");
    assertNotNull(accessId, p.prettify());
    AccessPass pass = (AccessPass) network.ledger().object(accessId).orElseThrow().object();
    assertEquals(aliceAddress, pass.owner());
    assertEquals(id, pass.listingId());
    assertEquals(0L, pass.pricePaidFrost());
    assertEquals(before, network.ledger().balance(SuiAddress.parse(aliceAddress)), "nothing was paid");
    Receipt receipt = Receipt.verify(p.getString("data.purchase.receipt"), PurchaseTest.marketplaceKey());
    assertEquals(0L, receipt.priceFrost());
    assertEquals(accessId, receipt.accessId());

    String base = "/api/v1/listings/" + id;
    assertArrayEquals(data, SellerListingTest.read(alice, base + "/content", 200), "the pass reads the content");
    SellerListingTest.read(carol, base + "/content", 403);
  }
}
