package dev.haulout.marketplace;

import static dev.haulout.marketplace.EventIngestionTest.drain;
import static dev.haulout.marketplace.EventIngestionTest.outcome;
import static dev.haulout.marketplace.EventIngestionTest.read;
import static dev.haulout.marketplace.TestSupport.assertReady;
import static dev.haulout.marketplace.TestSupport.graphql;
import static dev.haulout.marketplace.TestSupport.listing;
import static dev.haulout.marketplace.TestSupport.producer;
import static dev.haulout.marketplace.TestSupport.randomAddress;
import static dev.haulout.marketplace.TestSupport.userToken;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.adapter.kafka.OutboxPublisher;
import dev.haulout.marketplace.domain.Listing;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue #18: one signed transaction must not break the catalog. Events the catalog cannot store
 * (U+0000 in a text, a value the database refuses, over the catalog's limits, not JSON) are recorded
 * in {@code rejected_event} and skipped; the events after them are applied and readiness stays UP.
 */
@QuarkusTest
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class PoisonEventTest {
  @Inject
  DataSource db;

  /** Everything stored about listings, as text, by id: to show that nothing changed. */
  Map<String, String> listingRows() throws SQLException {
    Map<String, String> rows = new HashMap<>();
    try (Connection c = db.getConnection();
        ResultSet r = c.createStatement().executeQuery("SELECT id, l::text FROM listing l")) {
      while (r.next()) {
        rows.put(r.getString(1), r.getString(2));
      }
    }
    return rows;
  }

  /** The rejected_event row recorded for a Kafka offset, column name to text; null if none. */
  Map<String, String> rejection(long offset) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT * FROM rejected_event WHERE topic = ? AND kafka_offset = ?")) {
      p.setString(1, org.eclipse.microprofile.config.ConfigProvider.getConfig()
          .getValue("haulout.catalog.events-topic", String.class));
      p.setLong(2, offset);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return null;
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
          row.put(r.getMetaData().getColumnName(i), r.getString(i));
        }
        assertTrue(!r.next(), "one row per offset");
        return row;
      }
    }
  }

  @Test
  void poisonEventsAreRecordedAndSkippedAndTheNextEventIsApplied() throws SQLException {
    String victim = randomAddress();
    listing(victim).title("Untouched by poison").at(1_000L).publish();
    drain();
    Map<String, String> before = listingRows();
    double rejected = outcome("rejected");

    // U+0000 in the title of an update: PostgreSQL text cannot hold it
    long nul = listing(victim).version(2).title("Weather\u0000stations").publish();
    // a value the database refuses although the catalog's rules do not check it (blob_id is varchar(64))
    long tooLongForColumn = listing(victim).version(2).title("Blob id too long").blobId("b".repeat(65)).publish();
    // over the catalog's limits: a title longer than Listing.MAX_TITLE, a tag that is not a tag
    String newcomer = randomAddress();
    long longTitle = listing(newcomer).title("t".repeat(Listing.MAX_TITLE + 1)).publish();
    long badTag = listing(newcomer).title("Bad tag").tags("weather", "Not A Tag\u0000").publish();
    // not JSON at all (a raw NUL byte is not allowed in JSON text)
    long notJson = producer().sendRaw(newcomer, "{\"schema\":\"haulout.listing.v1\u0000\"}").offset();
    // and then a good event: it must be applied
    String good = randomAddress();
    listing(good).title("Applied after the poison").publish();

    await().atMost(Duration.ofSeconds(60)).until(() -> read(good).getString("data.listing.id") != null);
    assertReady();

    Map<String, String> row = rejection(nul);
    assertEquals("validation", row.get("stage"), row.toString());
    assertEquals(victim, row.get("listing_id"));
    assertEquals("2", row.get("version"));
    assertTrue(row.get("reason").contains("title must not contain U+0000"), row.toString());
    assertEquals(64, row.get("payload_sha256").length());

    row = rejection(tooLongForColumn);
    assertEquals("store", row.get("stage"), row.toString());
    assertEquals(victim, row.get("listing_id"));
    assertTrue(row.get("reason").contains("SQLSTATE 22001"), row.toString());

    row = rejection(longTitle);
    assertEquals("validation", row.get("stage"), row.toString());
    assertEquals(newcomer, row.get("listing_id"));
    assertTrue(row.get("reason").contains("title must be 1.." + Listing.MAX_TITLE), row.toString());

    row = rejection(badTag);
    assertEquals("validation", row.get("stage"), row.toString());
    assertTrue(row.get("reason").contains("tag must match"), row.toString());
    assertTrue(row.get("reason").contains("\\u0000"), "the NUL is escaped in the reason: " + row);

    row = rejection(notJson);
    assertEquals("parse", row.get("stage"), row.toString());
    assertNull(row.get("listing_id"));

    assertEquals(rejected + 5, outcome("rejected"), 0.0);
    // nothing stored changed: the victim still has its first state, the newcomer never arrived
    Map<String, String> after = listingRows();
    for (String id : Set.copyOf(after.keySet())) {
      if (!before.containsKey(id)) {
        after.remove(id); // the good event and drain markers
      }
    }
    assertEquals(before, after);
    assertEquals(1, read(victim).getInt("data.listing.version"));
    assertNull(read(newcomer).getString("data.listing.id"));
    // operators see the count
    Integer count = graphql("{ catalogStats { rejectedEvents } }", Map.of(), userToken("carol", "carol-pw"))
        .then().statusCode(200).extract().path("data.catalogStats.rejectedEvents");
    assertTrue(count >= 5, "rejectedEvents " + count);
  }

  /**
   * The ledger's outbox publishes a {@code haulout.eventParked.v1} notice where it could not publish
   * an event (chain's {@code OutboxPublisher}): the catalog records it with stage {@code parked},
   * counts it, keeps its state, and applies the listing's next event.
   */
  @Test
  void parkedNoticeIsRecordedCountedAndTheListingsNextEventApplies() throws SQLException {
    String victim = randomAddress();
    listing(victim).title("Before the parked update").at(1_000L).publish();
    drain();
    double parked = outcome("parked");
    double rejected = outcome("rejected");
    Map<String, String> before = listingRows();

    long seq = 4_000_000_000L + System.nanoTime() % 1_000_000;
    String notice = "{\"schema\":\"" + OutboxPublisher.PARKED_SCHEMA + "\",\"seq\":" + seq
        + ",\"type\":\"EventParked\",\"objectId\":\"" + victim + "\",\"data\":{\"type\":\"ListingUpdated\","
        + "\"bytes\":2400000,\"reason\":\"event is 2400000 bytes, over the outbox limit of 1048576\"}}";
    long offset = producer().sendRaw(victim, notice).offset();
    drain();

    assertReady();
    Map<String, String> row = rejection(offset);
    assertEquals("parked", row.get("stage"), row.toString());
    assertEquals(victim, row.get("listing_id"));
    assertEquals(Long.toString(seq), row.get("event_seq"));
    assertNull(row.get("version"));
    assertTrue(row.get("reason").contains("ListingUpdated seq " + seq + " (2400000 bytes)"), row.toString());
    assertTrue(row.get("reason").contains("over the outbox limit"), row.toString());
    assertEquals(parked + 1, outcome("parked"), 0.0);
    assertEquals(rejected, outcome("rejected"), 0.0, "a parked notice is not a poison event");
    assertEquals(before.get(victim), listingRows().get(victim), "the parked update changed nothing");

    // the listing's next event carries its whole state again and is applied
    listing(victim).version(3).title("After the parked update").at(3_000L).publish();
    await().atMost(Duration.ofSeconds(60)).until(() -> read(victim).getInt("data.listing.version") == 3);
    assertEquals("After the parked update", read(victim).getString("data.listing.title"));
  }
}
