package dev.haulout.marketplace;

import static dev.haulout.marketplace.TestSupport.graphql;
import static dev.haulout.marketplace.TestSupport.listing;
import static dev.haulout.marketplace.TestSupport.randomAddress;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search and paging against the real PostgreSQL, fed through the real Kafka broker. */
@QuarkusTest
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class CatalogSearchTest {
  /** A word no other test uses, so each search below sees exactly this class's listings. */
  static final String MARK = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  static final Map<String, String> IDS = new HashMap<>();

  static final String SEARCH = """
      query($q: String, $tags: [String], $min: BigInteger, $max: BigInteger, $sort: ListingSort, $first: Int, $after: String) {
        listings(query: $q, tags: $tags, priceRange: {min: $min, max: $max}, sort: $sort, first: $first, after: $after) {
          totalCount
          edges { cursor node { id title tags price { buyPriceFrost } } }
          pageInfo { hasNextPage hasPreviousPage endCursor }
        }
      }""";

  static boolean published;

  /** Once per class; not @BeforeAll, which runs before the test HTTP port is known. */
  @BeforeEach
  void publishCatalog() {
    if (published) {
      return;
    }
    published = true;
    long t = 1_700_000_000_000L;
    publish("ocean", "Ocean temperature profiles " + MARK, "Argo float salinity and temperature", 30L, t, "ocean", "climate");
    publish("rain", "Rainfall radar mosaics " + MARK, "Five-minute precipitation over Europe", 10L, t + 1, "weather", "climate");
    publish("taxi", "Taxi trips " + MARK, "Pickups, drop-offs and fares of city cabs", 20L, t + 2, "transport");
    publish("rent", "Rent-only weather archive " + MARK, "Hourly weather stations, temperature", null, t + 3, "weather");
    publish("gone", "Delisted temperature set " + MARK, "Should never appear in search", 5L, t + 4, "climate");
    listing(IDS.get("gone")).version(2).delisted().title("Delisted temperature set " + MARK).tags("climate").buyFrost(5L).at(t + 5).publish();
    for (int i = 0; i < 7; i++) {
      publish("page" + i, "Paging sample " + i + " " + MARK, "sample", 100L + i, t + 10 + i, "paging");
    }
    // all events applied: the delisting is the last event of its object
    await().atMost(Duration.ofSeconds(60)).until(() -> searchIds(Map.of("q", MARK, "first", 100)).size() == 11);
  }

  static void publish(String key, String title, String description, Long buy, long at, String... tags) {
    String id = randomAddress();
    IDS.put(key, id);
    listing(id).title(title).description(description).tags(tags).buyFrost(buy).rentFrost(buy == null ? 7L : null).at(at).publish();
  }

  static List<String> searchIds(Map<String, Object> vars) {
    List<String> ids = graphql(SEARCH, vars, null).then().statusCode(200).extract().path("data.listings.edges.node.id");
    return ids == null ? List.of() : ids;
  }

  @Test
  void fullTextSearchMatchesStemmedWordsInTitleAndDescription() {
    // "temperatures" stems to the same lexeme as "temperature"; the delisted listing never shows
    List<String> ids = searchIds(Map.of("q", MARK + " temperatures", "first", 20));
    assertEquals(Set.of(IDS.get("ocean"), IDS.get("rent")), new HashSet<>(ids));
  }

  @Test
  void relevanceRanksTitleMatchesAboveDescriptionMatches() {
    List<String> ids = searchIds(Map.of("q", MARK + " weather", "first", 20));
    // "weather" is in the title of rent (weight A) but only a tag of rain (weight B)
    assertEquals(List.of(IDS.get("rent"), IDS.get("rain")), ids);
  }

  @Test
  void tagFilterRequiresEveryTag() {
    assertEquals(Set.of(IDS.get("ocean"), IDS.get("rain")),
        new HashSet<>(searchIds(Map.of("q", MARK, "tags", List.of("climate"), "first", 20))));
    assertEquals(List.of(IDS.get("rain")), searchIds(Map.of("q", MARK, "tags", List.of("climate", "weather"), "first", 20)));
  }

  @Test
  void priceRangeIsInclusiveAndExcludesListingsWithoutBuyPrice() {
    List<String> ids = searchIds(Map.of("q", MARK, "min", 10, "max", 20, "sort", "PRICE_ASC", "first", 20));
    assertEquals(List.of(IDS.get("rain"), IDS.get("taxi")), ids);
  }

  @Test
  void priceDescendingOrdersByBuyPrice() {
    List<String> ids = searchIds(Map.of("q", MARK, "tags", List.of("paging"), "sort", "PRICE_DESC", "first", 3));
    assertEquals(List.of(IDS.get("page6"), IDS.get("page5"), IDS.get("page4")), ids);
  }

  @Test
  void pagingVisitsEveryMatchOnceEvenWhenListingsArriveBetweenPages() {
    Map<String, Object> vars = new HashMap<>(Map.of("q", MARK, "tags", List.of("paging"), "sort", "NEWEST", "first", 2));
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    List<String> order = new ArrayList<>();
    boolean inserted = false;
    String after = null;
    int pages = 0;
    do {
      if (after != null) {
        vars.put("after", after);
      }
      var page = graphql(SEARCH, vars, null).then().statusCode(200).extract().jsonPath();
      List<String> ids = page.getList("data.listings.edges.node.id");
      order.addAll(ids);
      seen.addAll(ids);
      assertEquals(pages > 0, page.getBoolean("data.listings.pageInfo.hasPreviousPage"));
      after = page.getBoolean("data.listings.pageInfo.hasNextPage") ? page.getString("data.listings.pageInfo.endCursor") : null;
      if (!inserted) {
        // a newer listing arrives after the first page: keyset paging must neither repeat nor skip
        String late = randomAddress();
        listing(late).title("Late paging sample " + MARK).tags("paging").buyFrost(1L).at(System.currentTimeMillis()).publish();
        await().atMost(Duration.ofSeconds(30)).until(() -> graphql("{ listing(id: \"" + late + "\") { id } }")
            .then().extract().path("data.listing.id") != null);
        inserted = true;
      }
      pages++;
    } while (after != null && pages < 20);
    assertEquals(order.size(), seen.size(), "a listing was repeated across pages: " + order);
    List<String> expected = new ArrayList<>();
    for (int i = 6; i >= 0; i--) {
      expected.add(IDS.get("page" + i));
    }
    assertEquals(expected, order);
  }

  @Test
  void pageInfoReportsTotalAndLastPage() {
    var page = graphql(SEARCH, Map.of("q", MARK, "tags", List.of("climate"), "first", 1), null).then().extract().jsonPath();
    assertEquals(2, page.getInt("data.listings.totalCount"));
    assertTrue(page.getBoolean("data.listings.pageInfo.hasNextPage"));
    var last = graphql(SEARCH, Map.of("q", MARK, "tags", List.of("climate"), "first", 1,
        "after", page.getString("data.listings.pageInfo.endCursor")), null).then().extract().jsonPath();
    assertFalse(last.getBoolean("data.listings.pageInfo.hasNextPage"));
  }

  @Test
  void delistedListingIsStillReadableById() {
    var l = graphql("{ listing(id: \"" + IDS.get("gone") + "\") { status version } }").then().extract().jsonPath();
    assertEquals("DELISTED", l.getString("data.listing.status"));
    assertEquals(2, l.getInt("data.listing.version"));
  }
}
