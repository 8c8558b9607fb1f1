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

  static io.restassured.response.ValidatableResponse browseWith(String token) {
    return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
        .body(Map.of("query", ME)).post("/graphql").then();
  }

  @Test
  void invalidTokenIsRejectedWith401() {
    browseWith("not.a.jwt").statusCode(401);
  }

  /**
   * Tokens that are well-formed JWTs with the real token's header (kid, alg) and claims (iss, aud,
   * azp, sub), so each fails on one check only: the signature, the algorithm, or the signature of an
   * altered payload. The real token itself passes, so the copies are close enough to matter.
   */
  @Test
  void forgedAlgNoneExpiredAndTamperedTokensAreRejectedWith401() throws Exception {
    String real = userToken("alice", "alice-pw");
    browseWith(real).statusCode(200).body("data.me.username", Matchers.equalTo("alice"));
    Jwt jwt = Jwt.parse(real);
    java.security.KeyPairGenerator gen = java.security.KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    java.security.PrivateKey foreign = gen.generateKeyPair().getPrivate();

    // same kid, iss, aud, exp; signed by a key that is not Keycloak's
    browseWith(jwt.signedWith(foreign)).statusCode(401);
    // no signature at all
    browseWith(jwt.withHeader("alg", "none").unsigned()).statusCode(401);
    // expired an hour ago (foreign-signed: only Keycloak can sign a valid one, and it issues 15-minute tokens)
    long now = System.currentTimeMillis() / 1000;
    browseWith(jwt.withClaim("iat", now - 7200).withClaim("exp", now - 3600).signedWith(foreign)).statusCode(401);
    // Keycloak's own signature over an altered payload: alice claims the admin role
    String tampered = jwt.withClaim("realm_access", Map.of("roles", List.of("buyer", "admin"))).withSignatureOf(real);
    browseWith(tampered).statusCode(401);
    graphql("{ catalogStats { total } }", Map.of(), tampered).then().statusCode(401);
    // the untouched token still works: nothing above was rejected for another reason
    browseWith(real).statusCode(200).body("data.me.username", Matchers.equalTo("alice"));
  }

  /** A JWT's header and claims, re-encoded after changes. */
  record Jwt(Map<String, Object> header, Map<String, Object> claims) {
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @SuppressWarnings("unchecked")
    static Jwt parse(String token) throws Exception {
      String[] p = token.split("\\.");
      return new Jwt(JSON.readValue(java.util.Base64.getUrlDecoder().decode(p[0]), Map.class),
          JSON.readValue(java.util.Base64.getUrlDecoder().decode(p[1]), Map.class));
    }

    Jwt withHeader(String name, Object value) {
      Map<String, Object> h = new java.util.LinkedHashMap<>(header);
      h.put(name, value);
      return new Jwt(h, claims);
    }

    Jwt withClaim(String name, Object value) {
      Map<String, Object> c = new java.util.LinkedHashMap<>(claims);
      c.put(name, value);
      return new Jwt(header, c);
    }

    String signingInput() throws Exception {
      java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
      return b64.encodeToString(JSON.writeValueAsBytes(header)) + "." + b64.encodeToString(JSON.writeValueAsBytes(claims));
    }

    String signedWith(java.security.PrivateKey key) throws Exception {
      assertEquals("RS256", header.get("alg"));
      java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      String input = signingInput();
      rsa.update(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return input + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    String unsigned() throws Exception {
      return signingInput() + ".";
    }

    String withSignatureOf(String token) throws Exception {
      return signingInput() + "." + token.substring(token.lastIndexOf('.') + 1);
    }
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
    String remove = "mutation($id: String!) { removeFavorite(listingId: $id) }";
    graphql(remove, Map.of("id", id), bob).then().statusCode(200)
        .body("errors", nullValue()).body("data.removeFavorite", Matchers.equalTo(true));
    List<String> after = graphql("{ me { favorites { id } } }", Map.of(), bob).then().statusCode(200)
        .extract().path("data.me.favorites.id");
    assertEquals(false, after.contains(id), "removed from the favorites: " + after);
    graphql(remove, Map.of("id", id), bob).then().statusCode(200)
        .body("data.removeFavorite", Matchers.equalTo(false)); // it was no longer starred
  }
}
