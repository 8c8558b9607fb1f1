package dev.haulout.marketplace.adapter.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.marketplace.domain.ListingStatus;
import org.junit.jupiter.api.Test;

class ListingEventParserTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ListingEventParser PARSER = new ListingEventParser(JSON);
  static final String ID = "0x" + "11".repeat(32);
  static final String SELLER = "0x" + "22".repeat(32);

  static String event(String type, String extra) {
    return "{\"schema\":\"haulout.listing.v1\",\"seq\":7,\"type\":\"" + type + "\",\"listingId\":\"" + ID
        + "\",\"version\":3,\"timestampMs\":1700000000000,\"listing\":{\"seller\":\"" + SELLER
        + "\",\"title\":\"Rain\",\"tags\":[\"Weather\"],\"buyPriceFrost\":5" + extra + "}}";
  }

  static ListingEventParser.Parsed listing(String text) {
    return (ListingEventParser.Parsed) PARSER.parse(text).orElseThrow();
  }

  @Test
  void parsesTheDocumentedShape() {
    var parsed = listing(event("ListingUpdated", ",\"futureField\":1"));
    assertEquals(7, parsed.seq());
    assertEquals(3, parsed.listing().version());
    assertEquals("weather", parsed.listing().tags().get(0));
    assertEquals(ListingStatus.ACTIVE, parsed.listing().status());
    assertEquals(5L, parsed.listing().terms().buyPriceFrost());
  }

  @Test
  void zeroPriceFromTheLedgerMeansNotOffered() {
    var parsed = listing(event("ListingCreated", ",\"rentPricePerPeriodFrost\":0,\"rentPeriodMs\":0"));
    assertEquals(null, parsed.listing().terms().rentPricePerPeriodFrost());
    assertEquals(null, parsed.listing().terms().rentPeriodMs());
  }

  @Test
  void delistedTypeWinsOverPayloadStatus() {
    assertEquals(ListingStatus.DELISTED, listing(event("ListingDelisted", "")).listing().status());
  }

  @Test
  void otherSchemasAreNotForTheCatalog() {
    assertTrue(PARSER.parse("{\"schema\":\"haulout.coin.v1\",\"seq\":1}").isEmpty());
  }

  @Test
  void parkedNoticesAreReadWithWhatTheLedgerSaid() {
    var parked = (ListingEventParser.Parked) PARSER.parse("{\"schema\":\"haulout.eventParked.v1\",\"seq\":9,"
        + "\"type\":\"EventParked\",\"objectId\":\"" + ID + "\",\"data\":{\"type\":\"ListingUpdated\","
        + "\"bytes\":2400000,\"reason\":\"too big\"}}").orElseThrow();
    assertEquals(new ListingEventParser.Parked(9, ID, "ListingUpdated", 2_400_000L, "too big"), parked);
    assertTrue(parked.aboutListing());
    var bare = (ListingEventParser.Parked) PARSER.parse("{\"schema\":\"haulout.eventParked.v1\",\"seq\":10}")
        .orElseThrow();
    assertEquals(new ListingEventParser.Parked(10, null, null, null, null), bare);
    assertEquals("parked-event notice without an integer 'seq'", assertThrows(
        ListingEventParser.InvalidEventException.class,
        () -> PARSER.parse("{\"schema\":\"haulout.eventParked.v1\",\"seq\":\"9\"}")).getMessage());
  }

  @Test
  void malformedEventsSayWhy() {
    assertEquals("not a JSON object", assertThrows(ListingEventParser.InvalidEventException.class,
        () -> PARSER.parse("[1]")).getMessage());
    assertEquals("no 'schema' field", assertThrows(ListingEventParser.InvalidEventException.class,
        () -> PARSER.parse("{}")).getMessage());
    assertEquals("unknown event type 'ListingExploded'", assertThrows(ListingEventParser.InvalidEventException.class,
        () -> PARSER.parse(event("ListingExploded", ""))).getMessage());
    var badSeller = event("ListingCreated", "").replace(SELLER, "0x99");
    assertTrue(assertThrows(ListingEventParser.InvalidEventException.class, () -> PARSER.parse(badSeller))
        .getMessage().startsWith("seller is not a 0x-prefixed 32-byte hex address"));
  }
}
