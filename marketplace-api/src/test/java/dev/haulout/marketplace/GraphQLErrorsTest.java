package dev.haulout.marketplace;

import static dev.haulout.marketplace.TestSupport.graphql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad requests get a clear, stable error, never a 500 or a stack trace. */
@QuarkusTest
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class GraphQLErrorsTest {

  @Test
  void syntaxErrorIsReportedWithoutData() {
    graphql("{ listings { ").then().statusCode(200)
        .body("data", nullValue())
        .body("errors[0].message", containsString("Invalid syntax"))
        .body("errors[0].locations[0].line", equalTo(1))
        .body("errors[0].locations[0].column", equalTo(14))
        .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
        .body("errors[0].extensions.classification", equalTo("InvalidSyntax"));
    graphql("{ listings(first: ) { totalCount } }").then().statusCode(200)
        .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
        .body("errors[0].locations[0].column", equalTo(19));
    // the parser's token limit is the configured one (SmallRye alone did not apply it to operations)
    graphql("{" + " a: listings { totalCount }".repeat(700) + " }").then().statusCode(200)
        .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
        .body("errors[0].message", containsString("2,000 'grammar' tokens"));
    // a document that parses still reaches SmallRye through the same route
    graphql("{ listings(first: 1) { totalCount } }").then().statusCode(200)
        .body("data.listings.totalCount", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
  }

  @Test
  void malformedRequestsGetBadRequestWithAStableCode() {
    String[] bodies = {"{not json", "[1,2]", "\"query\"", "{}", "{\"query\": 5}",
        "{\"query\":\"{ listings { totalCount } }\",\"variables\":\"x\"}",
        "{\"query\":\"{ listings { totalCount } }\",\"variables\":[1]}",
        "{\"query\":\"{ listings { totalCount } }\",\"operationName\":3}",
        "{\"query\":\"{ listings { totalCount } }\",\"extensions\":\"x\"}"};
    for (String body : bodies) {
      given().contentType(ContentType.JSON).body(body).post("/graphql").then().statusCode(400)
          .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
          .body("errors[0].message", org.hamcrest.Matchers.not(containsString("Exception")));
    }
    given().contentType(ContentType.URLENC).formParam("query", "{ listings { totalCount } }").post("/graphql").then()
        .statusCode(415).body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    // the well-formed variants still work: null variables, an operation name, application/graphql
    given().contentType(ContentType.JSON)
        .body("{\"query\":\"query Q { listings(first: 1) { totalCount } }\",\"variables\":null,\"operationName\":\"Q\"}")
        .post("/graphql").then().statusCode(200).body("data.listings.totalCount", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    given().contentType("application/graphql").body("{ listings(first: 1) { totalCount } }".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/graphql").then()
        .statusCode(200).body("data.listings.totalCount", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
  }

  @Test
  void unknownFieldIsAValidationError() {
    graphql("{ listings { edges { node { secret } } } }").then().statusCode(200)
        .body("errors[0].extensions.classification", equalTo("ValidationError"));
  }

  @Test
  void tooDeepQueryIsAborted() {
    graphql("{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }")
        .then().statusCode(200)
        .body("errors[0].extensions.classification", equalTo("ExecutionAborted"))
        .body("errors[0].message", containsString("depth"));
  }

  @Test
  void tooComplexQueryIsAborted() {
    StringBuilder q = new StringBuilder("{");
    for (int i = 0; i < 250; i++) {
      q.append(" a").append(i).append(": catalogStats { total }"); // 5 tokens, complexity 2: under the token limit
    }
    graphql(q.append(" }").toString()).then().statusCode(200)
        .body("errors[0].extensions.classification", equalTo("ExecutionAborted"))
        .body("errors[0].message", containsString("complexity"));
  }

  @Test
  void oversizedBodyIsRefusedWith413() {
    given().contentType(ContentType.JSON).body("{\"query\":\"" + " ".repeat(300_000) + "\"}")
        .post("/graphql").then().statusCode(413)
        .body("errors[0].extensions.code", equalTo("PAYLOAD_TOO_LARGE"))
        .body("errors[0].message", containsString("over the limit of 262144 bytes"));
  }

  @Test
  void bodyJustUnderTheLimitIsParsed() {
    given().contentType(ContentType.JSON).body("{\"query\":\"{ catalogStats { total } }\",\"variables\":{\"pad\":\"" + "x".repeat(200_000) + "\"}}")
        .post("/graphql").then().statusCode(200)
        .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
  }

  @Test
  void badArgumentsCarryStableCodes() {
    graphql("{ listings(first: 0) { totalCount } }").then().body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
    graphql("{ listings(first: 1000) { totalCount } }").then().body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
    graphql("{ listings(after: \"garbage\") { totalCount } }").then().body("errors[0].extensions.code", equalTo("INVALID_CURSOR"));
    graphql("{ listings(tags: [\"Not A Tag!\"]) { totalCount } }").then().body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
    graphql("{ listings(priceRange: {min: 10, max: 1}) { totalCount } }").then().body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
    graphql("{ listing(id: \"0x12\") { id } }").then().body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
  }

  @Test
  void cursorOfAnotherSortIsRejected() {
    String id = TestSupport.randomAddress();
    TestSupport.listing(id).title("Cursor sort sample").publish();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
        graphql("{ listing(id: \"" + id + "\") { id } }").then().extract().path("data.listing.id") != null);
    String cursor = graphql("{ listings(first: 1, sort: TITLE) { pageInfo { endCursor } } }").then().extract()
        .path("data.listings.pageInfo.endCursor");
    graphql("query($a: String) { listings(first: 1, sort: NEWEST, after: $a) { totalCount } }", Map.of("a", cursor), null)
        .then().body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
  }

  @Test
  void searchWithNulIsAClientErrorLoggedWithoutStackTrace() {
    String q = "query($q: String, $a: String) { listings(query: $q, sort: TITLE, after: $a) { totalCount } }";
    try (LogCapture log = new LogCapture()) {
      Map<String, Object> vars = new java.util.HashMap<>();
      vars.put("q", "weather\u0000stations");
      graphql(q, vars, null).then().statusCode(200)
          .body("data", nullValue())
          .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
          .body("errors[0].message", containsString("query must not contain U+0000"));
      // a TITLE cursor carries text too: one with a NUL is not a cursor this server issued
      String raw = "c1\nTITLE\n0x" + "a".repeat(64) + "\nab\u0000c";
      vars.put("q", null);
      vars.put("a", java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      graphql(q, vars, null).then().statusCode(200)
          .body("errors[0].extensions.code", equalTo("INVALID_CURSOR"));
      TestSupport.assertReady();
      org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), log.errorsOrStackTraces());
    }
  }

  @Test
  void requestsAskingForTooManyRowsAreRefusedBeforeRunning() {
    // 99 aliases of a full page: under the field-complexity limit, but 99 * 101 rows
    StringBuilder q = new StringBuilder("{");
    for (int i = 0; i < 99; i++) {
      q.append(" a").append(i).append(": listings(first: 100) { totalCount }");
    }
    graphql(q.append(" }").toString()).then().statusCode(200)
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("QUERY_TOO_EXPENSIVE"))
        .body("errors[0].extensions.classification", equalTo("ExecutionAborted"))
        .body("errors[0].message", containsString("asks for 9999 listing rows"));
    // the page size through a variable, its default, and fragments count the same way
    String viaVariables = "query($n: Int = 100) { a: listings(first: $n) { ...page } b: listings(first: $n) { ...page }"
        + " c: listings(first: $n) { ...page } d: listings(first: $n) { ...page } ... on Query { e: listings(first: $n) { ...page } } }"
        + " fragment page on ListingConnection { totalCount }";
    graphql(viaVariables, Map.of(), null).then().statusCode(200)
        .body("errors[0].extensions.code", equalTo("QUERY_TOO_EXPENSIVE"))
        .body("errors[0].message", containsString("asks for 505 listing rows"));
    graphql(viaVariables, Map.of("n", 10), null).then().statusCode(200)
        .body("errors", nullValue())
        .body("data.e.totalCount", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    String fragments = "{ ...four e: listings(first: 100) { totalCount } } fragment four on Query {"
        + " a: listings(first: 100) { totalCount } b: listings(first: 100) { totalCount }"
        + " c: listings(first: 100) { totalCount } d: listings(first: 100) { totalCount } }";
    graphql(fragments).then().statusCode(200)
        .body("errors[0].extensions.code", equalTo("QUERY_TOO_EXPENSIVE"))
        .body("errors[0].message", containsString("asks for 505 listing rows"));
    // without 'first' each field asks for the default page (20 + 1): 24 of them are 504 rows, 23 are 483
    StringBuilder defaults = new StringBuilder("{");
    for (int i = 0; i < 24; i++) {
      defaults.append(" a").append(i).append(": listings { totalCount }");
    }
    graphql(defaults.append(" }").toString()).then().statusCode(200)
        .body("errors[0].extensions.code", equalTo("QUERY_TOO_EXPENSIVE"))
        .body("errors[0].message", containsString("asks for 504 listing rows"));
    graphql(defaults.toString().replace(" a23: listings { totalCount }", "")).then().statusCode(200)
        .body("errors", nullValue()).body("data.a22.totalCount", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    // at the bound it runs: 4 full pages and a 91-row one = 4 * 101 + 92 = 496
    graphql("{ a: listings(first: 100) { totalCount } b: listings(first: 100) { totalCount }"
        + " c: listings(first: 100) { totalCount } d: listings(first: 100) { totalCount } e: listings(first: 91) { totalCount } }")
        .then().statusCode(200).body("errors", nullValue()).body("data.e.totalCount", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    TestSupport.assertReady();
  }

  @jakarta.inject.Inject
  io.micrometer.core.instrument.MeterRegistry meters;

  @Test
  void metricsNameNoExceptionClasses() {
    // what Micrometer's @Counted, @Timed and several binders record: the failure's class as a tag
    meters.counter("haulout_probe_total", "exception", "java.lang.IllegalStateException", "result", "failure").increment();
    meters.counter("haulout_probe_total", "exception", "none", "result", "success").increment();
    meters.counter("haulout_probe_other_total", "reason", "io.vertx.pgclient.PgException").increment();
    // provoke failures of every kind first: a refused value, a bad request, an unknown route, a 401
    Map<String, Object> vars = new java.util.HashMap<>();
    vars.put("q", "x\u0000");
    graphql("query($q: String) { listings(query: $q) { totalCount } }", vars, null).then().statusCode(200);
    given().contentType(ContentType.JSON).body("{not json").post("/graphql").then().statusCode(400);
    given().get("/no/such/page").then().statusCode(404);
    given().header("Authorization", "Bearer not.a.jwt").get("/q/health/ready");
    given().contentType(ContentType.JSON).header("Authorization", "Bearer not.a.jwt")
        .body(Map.of("query", "{ listings { totalCount } }")).post("/graphql").then().statusCode(401);
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    // a leak is an exception's simple name or a class's qualified name (lower-case packages, then a
    // capitalised name); dotted label values such as Kafka topic names are not classes
    java.util.List<String> leaks = metrics.lines().filter(l -> !l.startsWith("#"))
        .filter(l -> java.util.regex.Pattern.compile("[A-Za-z]+(Exception|Error|Throwable)\\b|\\b[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z][A-Za-z0-9]*\\b").matcher(
            l.contains("{") ? l.substring(l.indexOf('{'), l.lastIndexOf('}') + 1) : "").find())
        .toList();
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), leaks);
    // the metrics are still there
    org.hamcrest.MatcherAssert.assertThat(metrics, containsString("http_server_requests_seconds_count{"));
    org.hamcrest.MatcherAssert.assertThat(metrics, containsString("haulout_probe_total{exception=\"error\",result=\"failure\"} 1.0"));
    org.hamcrest.MatcherAssert.assertThat(metrics, containsString("haulout_probe_total{exception=\"none\",result=\"success\"} 1.0"));
    org.hamcrest.MatcherAssert.assertThat(metrics, containsString("haulout_probe_other_total{reason=\"redacted\"} 1.0"));
  }

  @Test
  void healthAndReadinessAreUp() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/live").then().statusCode(200);
  }

  @Test
  void webAppAndItsConfigAreServed() {
    given().get("/").then().statusCode(200).body(containsString("Haulout"));
    // not embedded here: no ledger, so no key servers to list (EmbeddedNetwork registers and lists them)
    given().get("/config.json").then().statusCode(200).body("oidcClientId", equalTo("haulout-web"))
        .body("keyServers.size()", equalTo(0)).body("sealThreshold", equalTo(2))
        .body("policyPackage", equalTo("0x000000000000000000000000000000000000000000000000000000000000a11c"));
  }
}
