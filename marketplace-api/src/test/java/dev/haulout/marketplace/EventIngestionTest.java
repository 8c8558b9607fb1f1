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
  void sameEventTwiceIsAppliedOnceAndReplaysNeverOverwriteNewerState() {
    String id = randomAddress();
    var created = listing(id).title("First").at(1_000L);
    created.publish();
    listing(id).version(2).title("Second").at(2_000L).publish();
    created.publish(); // replayed v1
    // a second v2 that differs from the first: the version decides, so it must change nothing
    listing(id).version(2).title("Second, redelivered").at(2_500L).publish();
    drain();
    JsonPath l = read(id);
    assertEquals(2, l.getInt("data.listing.version"));
    assertEquals("Second", l.getString("data.listing.title"));
    assertEquals("1970-01-01T00:00:02Z", l.getString("data.listing.updatedAt"));

    // a newer state after the duplicates, then the older ones redelivered: the newer state stays
    listing(id).version(3).title("Third").at(3_000L).publish();
    listing(id).version(2).title("Second").at(2_000L).publish();
    created.publish();
    drain();
    l = read(id);
    assertEquals(3, l.getInt("data.listing.version"));
    assertEquals("Third", l.getString("data.listing.title"));
    assertEquals("1970-01-01T00:00:01Z", l.getString("data.listing.createdAt")); // first-seen creation kept
    assertEquals("1970-01-01T00:00:03Z", l.getString("data.listing.updatedAt"));
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
    return outcome("rejected");
  }

  @Test
  void metricsCountEachOutcomeByItsDelta() {
    drain(); // nothing of earlier tests is still in flight
    double inserted = outcome("inserted");
    double updated = outcome("updated");
    double stale = outcome("ignored_stale");
    double rejected = outcome("rejected");
    String id = randomAddress();
    listing(id).title("Counted").publish();                 // inserted
    listing(id).version(2).title("Counted v2").publish();   // updated
    listing(id).title("Counted").publish();                 // ignored_stale (v1 again)
    listing(id).version(2).title("Counted v2").publish();   // ignored_stale (v2 again)
    producer().sendRaw(id, "{\"schema\":\"haulout.listing.v1\"");  // rejected: not JSON
    drain();                                                 // inserted (the marker)
    assertEquals(inserted + 2, outcome("inserted"), 0.0);
    assertEquals(updated + 1, outcome("updated"), 0.0);
    assertEquals(stale + 2, outcome("ignored_stale"), 0.0);
    assertEquals(rejected + 1, outcome("rejected"), 0.0);
  }

  static double outcome(String outcome) {
    return TestSupport.counter("haulout_catalog_events_total", "outcome", outcome);
  }
}
