package dev.haulout.marketplace;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.marketplace.adapter.messaging.ChainEventProducer;
import dev.haulout.marketplace.adapter.messaging.ListingEventV1;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Helpers shared by the integration tests: events, GraphQL calls, real Keycloak tokens. */
public final class TestSupport {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ChainEventProducer producer;

  private TestSupport() {}

  public static String randomAddress() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return "0x" + HexFormat.of().formatHex(b);
  }

  public static synchronized ChainEventProducer producer() {
    if (producer == null) {
      var config = ConfigProvider.getConfig();
      producer = new ChainEventProducer(
          config.getValue("kafka.bootstrap.servers", String.class),
          config.getValue("haulout.catalog.events-topic", String.class),
          JSON);
    }
    return producer;
  }

  /** A listing event with sensible defaults; adjust with the builder methods. */
  public static EventBuilder listing(String id) {
    return new EventBuilder(id);
  }

  public static final class EventBuilder {
    private final String id;
    private long version = 1;
    private long seq = RANDOM.nextInt(1_000_000) + 1;
    private String type = "ListingCreated";
    private String title = "Untitled dataset";
    private String blobId = "blob";
    private String description = "";
    private List<String> tags = List.of();
    private Long buy;
    private Long rent;
    private long timestampMs = System.currentTimeMillis();
    private final String seller = randomAddress();

    EventBuilder(String id) {
      this.id = id;
    }

    public EventBuilder version(long v) {
      this.version = v;
      this.type = v == 1 ? "ListingCreated" : "ListingUpdated";
      return this;
    }

    public EventBuilder delisted() {
      this.type = "ListingDelisted";
      return this;
    }

    public EventBuilder title(String t) {
      this.title = t;
      return this;
    }

    public EventBuilder description(String d) {
      this.description = d;
      return this;
    }

    public EventBuilder tags(String... t) {
      this.tags = List.of(t);
      return this;
    }

    public EventBuilder buyFrost(Long p) {
      this.buy = p;
      return this;
    }

    public EventBuilder rentFrost(Long p) {
      this.rent = p;
      return this;
    }

    public EventBuilder blobId(String b) {
      this.blobId = b;
      return this;
    }

    public EventBuilder at(long ms) {
      this.timestampMs = ms;
      return this;
    }

    public ListingEventV1 build() {
      return new ListingEventV1(ListingEventV1.SCHEMA, seq, type, id, version, "digest", timestampMs,
          new ListingEventV1.Payload(seller, blobId, null, title, description, tags, "CC0", 1024L, "csv", null, null,
              buy, rent, rent == null ? null : 86_400_000L, 250, null, "ListingDelisted".equals(type) ? "DELISTED" : "ACTIVE"));
    }

    /** Publishes the event; returns its Kafka offset (the test topic has one partition). */
    public long publish() {
      return producer().send(build()).offset();
    }
  }

  public static Response graphql(String query, Map<String, Object> variables, String token) {
    var req = given().contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables));
    if (token != null) {
      req = req.header("Authorization", "Bearer " + token);
    }
    return req.when().post("/graphql");
  }

  public static Response graphql(String query) {
    return graphql(query, Map.of(), null);
  }

  /** A real access token from the running Keycloak (password grant on the marketplace client). */
  public static String userToken(String user, String password) {
    return given().formParam("grant_type", "password")
        .formParam("client_id", "haulout-marketplace")
        .formParam("client_secret", "marketplace-secret")
        .formParam("username", user)
        .formParam("password", password)
        .post(oidcUrl() + "/protocol/openid-connect/token")
        .then().statusCode(200).extract().path("access_token");
  }

  /** A real agent token (client-credentials grant). */
  public static String agentToken() {
    return given().formParam("grant_type", "client_credentials")
        .formParam("client_id", "haulout-agent")
        .formParam("client_secret", "agent-secret")
        .post(oidcUrl() + "/protocol/openid-connect/token")
        .then().statusCode(200).extract().path("access_token");
  }

  /** The value of a Prometheus counter from {@code /q/metrics} (0 when it does not exist yet). */
  public static double counter(String name, String tag, String value) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        java.util.regex.Pattern.quote(name) + "\\{[^}]*" + tag + "=\"" + value + "\"[^}]*\\} ([0-9.E+-]+)").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
  }

  /** Readiness must be UP: the database, Kafka and the event channel are all healthy. */
  public static void assertReady() {
    given().get("/q/health/ready").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("UP"));
  }

  static String oidcUrl() {
    return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
  }
}
