package dev.haulout.marketplace;

import static dev.haulout.marketplace.TestSupport.graphql;
import static dev.haulout.marketplace.TestSupport.listing;
import static dev.haulout.marketplace.TestSupport.producer;
import static dev.haulout.marketplace.TestSupport.randomAddress;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Idempotent ingestion of chain events: duplicates, replays, out-of-order versions, bad records. */
@QuarkusTest
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class EventIngestionTest {

  static JsonPath read(String id) {
    return graphql("{ listing(id: \"" + id + "\") { id version title status createdAt updatedAt } }")
        .then().statusCode(200).extract().jsonPath();
  }

  /** Publishes a marker event and waits until it is applied: everything sent before it was consumed. */
  static void drain() {
    String marker = randomAddress();
    listing(marker).title("marker").publish();
    await().atMost(Duration.ofSeconds(60)).until(() -> read(marker).getString("data.listing.id") != null);
  }

  @Test
  void sameEventTwiceIsAppliedOnce() {
    String id = randomAddress();
    var created = listing(id).title("First").at(1_000L);
    created.publish();
    listing(id).version(2).title("Second").at(2_000L).publish();
    created.publish(); // replayed v1
    listing(id).version(2).title("Second").at(2_000L).publish(); // duplicate v2
    drain();
    JsonPath l = read(id);
    assertEquals(2, l.getInt("data.listing.version"));
    assertEquals("Second", l.getString("data.listing.title"));
    assertEquals("1970-01-01T00:00:01Z", l.getString("data.listing.createdAt"));
    assertEquals("1970-01-01T00:00:02Z", l.getString("data.listing.updatedAt"));
  }

  @Test
  void olderVersionArrivingLateDoesNotOverwriteNewerState() {
    String id = randomAddress();
    listing(id).version(3).title("Third").at(3_000L).publish();
    listing(id).version(1).title("First").at(1_000L).publish();
    listing(id).version(2).title("Second").at(2_000L).publish();
    drain();
    JsonPath l = read(id);
    assertEquals(3, l.getInt("data.listing.version"));
    assertEquals("Third", l.getString("data.listing.title"));
  }

  @Test
  void delistingRemovesFromSearchButKeepsTheListing() {
    String id = randomAddress();
    String word = "zd" + Long.toHexString(System.nanoTime());
    listing(id).title("Delist me " + word).publish();
    await().atMost(Duration.ofSeconds(60)).until(() -> searchCount(word) == 1);
    listing(id).version(2).delisted().title("Delist me " + word).publish();
    await().atMost(Duration.ofSeconds(60)).until(() -> "DELISTED".equals(read(id).getString("data.listing.status")));
    assertEquals(0, searchCount(word));
  }

  @Test
  void malformedAndForeignEventsAreSkippedWithoutStallingTheStream() {
    double rejectedBefore = rejectedCount();
    producer().sendRaw("k", "this is not json");
    producer().sendRaw("k", "{\"schema\":\"haulout.listing.v1\",\"type\":\"ListingCreated\",\"listingId\":\"0x12\"}");
    producer().sendRaw("k", "{\"schema\":\"haulout.listing.v1\",\"seq\":1,\"type\":\"ListingCreated\",\"listingId\":\""
        + randomAddress() + "\",\"version\":1,\"timestampMs\":1,\"listing\":{\"seller\":\"0x12\",\"title\":\"x\"}}");
    producer().sendRaw("k", "{\"schema\":\"haulout.coin.v1\",\"seq\":9,\"type\":\"CoinTransferred\"}");
    String id = randomAddress();
    listing(id).title("After the bad ones").publish();
    await().atMost(Duration.ofSeconds(60)).until(() -> read(id).getString("data.listing.id") != null);
    assertEquals(rejectedBefore + 3, rejectedCount(), 0.0);
  }

  static long searchCount(String word) {
    Integer n = graphql("{ listings(query: \"" + word + "\") { totalCount } }").then().extract().path("data.listings.totalCount");
    return n == null ? -1 : n;
  }

  static double rejectedCount() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher m = Pattern.compile("haulout_catalog_events_total\\{[^}]*outcome=\"rejected\"[^}]*\\} ([0-9.E]+)").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
  }

  @Test
  void metricsExposeIngestionOutcomes() {
    drain();
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertTrue(metrics.contains("haulout_catalog_events_total{"), metrics.substring(0, Math.min(400, metrics.length())));
  }
}
