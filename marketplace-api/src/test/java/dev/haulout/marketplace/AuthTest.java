package dev.haulout.marketplace;

import static dev.haulout.marketplace.TestSupport.agentToken;
import static dev.haulout.marketplace.TestSupport.graphql;
import static dev.haulout.marketplace.TestSupport.listing;
import static dev.haulout.marketplace.TestSupport.randomAddress;
import static dev.haulout.marketplace.TestSupport.userToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** OIDC with tokens from the real Keycloak: anonymous browsing, 401/403 paths, users and agents. */
@QuarkusTest
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class AuthTest {
  static final String ME = "{ me { subject username email roles agent } }";

  @Test
  void anonymousCallersBrowseButCannotAskWhoTheyAre() {
    graphql("{ listings(first: 1) { totalCount } }").then().statusCode(200).body("errors", nullValue());
    graphql(ME).then().statusCode(200)
        .body("data", nullValue())
        .body("errors[0].extensions.code", Matchers.equalTo("UNAUTHENTICATED"))
        .body("errors[0].message", Matchers.equalTo("sign in (a bearer token) is required"));
  }

  @Test
  void userTokenIdentifiesTheUserAndRoles() {
    graphql(ME, Map.of(), userToken("alice", "alice-pw")).then().statusCode(200)
        .body("data.me.username", Matchers.equalTo("alice"))
        .body("data.me.email", Matchers.equalTo("alice@haulout.test"))
        .body("data.me.roles", Matchers.equalTo(List.of("buyer")))
        .body("data.me.agent", Matchers.equalTo(false));
  }

  @Test
  void agentClientCredentialsTokenWorksTheSameWay() {
    graphql(ME, Map.of(), agentToken()).then().statusCode(200)
        .body("data.me.username", Matchers.equalTo("service-account-haulout-agent"))
        .body("data.me.roles", hasItem("agent"))
        .body("data.me.agent", Matchers.equalTo(true));
  }

  @Test
  void invalidTokenIsRejectedWith401() {
    given().contentType(ContentType.JSON).header("Authorization", "Bearer not.a.jwt")
        .body(Map.of("query", "{ listings(first: 1) { totalCount } }"))
        .post("/graphql").then().statusCode(401);
  }

  @Test
  void adminOnlyQueryIsForbiddenToBuyersAndAllowedToAdmins() {
    String stats = "{ catalogStats { total active } }";
    graphql(stats, Map.of(), userToken("alice", "alice-pw")).then().statusCode(200)
        .body("errors[0].extensions.code", Matchers.equalTo("FORBIDDEN"));
    graphql(stats, Map.of(), userToken("carol", "carol-pw")).then().statusCode(200)
        .body("errors", nullValue())
        .body("data.catalogStats.total", Matchers.greaterThanOrEqualTo(0));
  }

  @Test
  void mutationsRequireATokenAndActForTheCaller() {
    String id = randomAddress();
    listing(id).title("Favorite me").publish();
    await().atMost(Duration.ofSeconds(60)).until(() ->
        graphql("{ listing(id: \"" + id + "\") { id } }").then().extract().path("data.listing.id") != null);
    String add = "mutation($id: String!) { addFavorite(listingId: $id) { id } }";
    graphql(add, Map.of("id", id), null).then().statusCode(200)
        .body("errors[0].extensions.code", Matchers.equalTo("UNAUTHENTICATED"));

    String bob = userToken("bob", "bob-pw");
    graphql(add, Map.of("id", id), bob).then().statusCode(200).body("data.addFavorite.id", Matchers.equalTo(id));
    graphql(add, Map.of("id", id), bob).then().statusCode(200).body("errors", nullValue()); // idempotent
    List<String> favs = graphql("{ me { favorites { id } } }", Map.of(), bob).then().statusCode(200)
        .extract().path("data.me.favorites.id");
    assertEquals(List.of(id), favs.stream().filter(id::equals).toList());
    // another caller's favorites are separate
    List<String> alices = graphql("{ me { favorites { id } } }", Map.of(), userToken("alice", "alice-pw"))
        .then().extract().path("data.me.favorites.id");
    assertEquals(false, alices.contains(id));

    graphql(add, Map.of("id", randomAddress()), bob).then().statusCode(200)
        .body("errors[0].extensions.code", Matchers.equalTo("NOT_FOUND"));
    graphql("mutation { removeFavorite(listingId: \"" + id + "\") }", Map.of(), bob).then()
        .body("data.removeFavorite", Matchers.equalTo(true));
  }
}
