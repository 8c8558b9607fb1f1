package dev.haulout.marketplace;

import static dev.haulout.marketplace.PublishFlowTest.b64;
import static dev.haulout.marketplace.PublishFlowTest.publication;
import static dev.haulout.marketplace.PublishFlowTest.upload;
import static dev.haulout.marketplace.TestSupport.agentToken;
import static dev.haulout.marketplace.TestSupport.graphql;
import static dev.haulout.marketplace.TestSupport.userToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.dataset.Receipt;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The commerce journey through the API alone, as an AI agent makes it (issue 12 "Proof"): bob
 * publishes through tus; the agent, holding only a client-credentials token, is refused the content,
 * quotes, buys with its managed wallet, gets a receipt it can verify against the published
 * marketplace key, finds the listing in its library and streams the decrypted bytes whole and by
 * range through the gateway.
 */
@QuarkusTest
@TestProfile(EmbeddedNetworkProfile.class)
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class AgentJourneyTest {

  static JsonPath call(String q, Map<String, Object> vars, String token) {
    return graphql(q, vars, token).then().statusCode(200).extract().jsonPath();
  }

  static Response content(String listingId, String token, String range) {
    var req = given().header("Authorization", "Bearer " + token);
    if (range != null) {
      req = req.header("Range", range);
    }
    return req.get("/api/v1/listings/" + listingId + "/content");
  }

  @Test
  void anAgentWithAClientCredentialsTokenBuysAndStreamsWhatBobPublished() throws Exception {
    byte[] data = new byte[200_000 + new SecureRandom().nextInt(1000)];
    new SecureRandom().nextBytes(data);
    String bob = userToken("bob", "bob-pw");
    String title = "Agent journey " + UUID.randomUUID();
    String id = upload(bob, data, "filename " + b64("frames.bin") + ",title " + b64(title)
        + ",description " + b64("Random bytes bought by an agent") + ",buyPrice " + b64("1.5"));
    await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofMillis(300)).until(() -> {
      String state = publication(bob, id).getString("data.publication.state");
      return "DONE".equals(state) || "FAILED".equals(state);
    });
    JsonPath p = publication(bob, id);
    assertEquals("LISTED", p.getString("data.publication.stage"), p.prettify());
    String listingId = p.getString("data.publication.listingId");

    String agent = agentToken();
    JsonPath me = call("{ me { agent wallet { address managed } } }", Map.of(), agent);
    assertEquals(Boolean.TRUE, me.get("data.me.agent"), me.prettify());
    String agentAddress = me.getString("data.me.wallet.address");

    // not bought yet: refused with the code, nothing streamed
    Response refused = content(listingId, agent, null);
    assertEquals(403, refused.statusCode(), refused.asString());
    assertEquals("NO_ACCESS", refused.jsonPath().getString("code"));

    JsonPath q = call("query($l: String!) { quote(listingId: $l, kind: BUY, periods: 1) { token priceFrost buyer } }",
        Map.of("l", listingId), agent);
    assertNull(q.get("errors"), q.prettify());
    assertEquals(1_500_000_000L, q.getLong("data.quote.priceFrost"));
    assertEquals(agentAddress, q.getString("data.quote.buyer"));
    JsonPath bought = call("mutation($q: String!, $i: String!) { purchase(quote: $q, idempotencyKey: $i) { txDigest receipt } }",
        Map.of("q", q.getString("data.quote.token"), "i", "agent-" + UUID.randomUUID()), agent);
    assertNull(bought.get("errors"), bought.prettify());
    Receipt receipt = Receipt.verify(bought.getString("data.purchase.receipt"), PurchaseTest.marketplaceKey());
    assertEquals(listingId, receipt.listingId());
    assertEquals(agentAddress, receipt.buyer());
    assertEquals(bought.getString("data.purchase.txDigest"), receipt.txDigest());

    String library = "{ me { library { listingId listing { title } } } }";
    await().atMost(Duration.ofSeconds(60)).until(() -> title.equals(call(library, Map.of(), agent)
        .getString("data.me.library.find { it.listingId == '" + listingId + "' }.listing.title")));

    Response whole = content(listingId, agent, null);
    assertEquals(200, whole.statusCode(), whole.asString());
    byte[] got = whole.asByteArray();
    assertEquals(data.length, got.length);
    assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), MessageDigest.getInstance("SHA-256").digest(got));

    Response part = content(listingId, agent, "bytes=65530-131080");
    assertEquals(206, part.statusCode(), part.asString());
    assertEquals("bytes 65530-131080/" + data.length, part.header("Content-Range"));
    assertArrayEquals(Arrays.copyOfRange(data, 65530, 131081), part.asByteArray());

    // the agent's pass is not bob's token: someone else who did not buy is still refused
    Response carol = content(listingId, userToken("carol", "carol-pw"), null);
    assertEquals(403, carol.statusCode());
    assertTrue(carol.asString().contains("NO_ACCESS"), carol.asString());
  }
}
