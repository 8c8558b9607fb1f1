package dev.haulout.marketplace;

import static dev.haulout.marketplace.TestSupport.graphql;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.server.LedgerServer;
import dev.haulout.chain.server.LedgerServerOptions;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real ledger (its own PostgreSQL schema, its outbox publishing to this run's Kafka topic) and
 * the catalog agree on the listing event: what a seller signs on chain is what buyers find.
 */
@QuarkusTest
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class LedgerToCatalogTest {
  static final AtomicLong NONCE = new AtomicLong(System.nanoTime());
  static LedgerServer ledger;
  static PgOptions pg;

  @BeforeAll
  static void startLedger() {
    var config = ConfigProvider.getConfig();
    String schema = ("catalog_it_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    pg = new PgOptions(config.getValue("quarkus.datasource.jdbc.url", String.class),
        config.getValue("quarkus.datasource.username", String.class),
        config.getValue("quarkus.datasource.password", String.class), schema, 2);
    ledger = LedgerServer.start(LedgerServerOptions.defaults().withPort(0).withPg(pg)
        .withKafka(config.getValue("kafka.bootstrap.servers", String.class),
            config.getValue("haulout.catalog.events-topic", String.class)));
  }

  @AfterAll
  static void stopLedger() {
    if (ledger != null) {
      ledger.close();
    }
    try (var c = java.sql.DriverManager.getConnection(pg.url(), pg.user(), pg.password());
         var st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + pg.schema() + " CASCADE");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot drop test schema " + pg.schema(), e);
    }
  }

  static String submit(Ed25519KeyPair key, TxKind kind) {
    var receipt = ledger.ledger().submit(Transactions.sign(key,
        new TransactionData(key.address().toString(), NONCE.incrementAndGet(), 0, kind)));
    return receipt.createdObjects().isEmpty() ? null : receipt.createdObjects().get(0);
  }

  static JsonPath read(String id) {
    return graphql("{ listing(id: \"" + id + "\") { id version title tags seller blobId status license sizeBytes format"
        + " price { buyPriceFrost rentPricePerPeriodFrost rentPeriodMs feeBps } } }")
        .then().statusCode(200).extract().jsonPath();
  }

  @Test
  void listingCreatedUpdatedAndDelistedOnChainReachesTheCatalog() {
    Ed25519KeyPair seller = Ed25519KeyPair.generate();
    String blobId = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
    ListingSpec spec = new ListingSpec(blobId, "sealed:1", "Tide gauges " + UUID.randomUUID(), "Hourly sea level",
        List.of("Ocean", "time-series"), "CC0", 4096, "csv", "ts,level", null, 5_000_000_000L, 0, 0, null);
    String id = submit(seller, new TxKind.CreateListing(spec));

    await().atMost(Duration.ofSeconds(60)).until(() -> read(id).getString("data.listing.id") != null);
    JsonPath l = read(id);
    assertEquals(spec.title(), l.getString("data.listing.title"));
    assertEquals(List.of("ocean", "time-series"), l.getList("data.listing.tags"));
    assertEquals(seller.address().toString(), l.getString("data.listing.seller"));
    assertEquals(blobId, l.getString("data.listing.blobId"));
    assertEquals(5_000_000_000L, l.getLong("data.listing.price.buyPriceFrost"));
    assertNull(l.get("data.listing.price.rentPricePerPeriodFrost"), "rent not offered on chain (0) is null here");
    assertEquals("ACTIVE", l.getString("data.listing.status"));

    ListingSpec rentable = new ListingSpec(blobId, "sealed:1", spec.title(), spec.description(), spec.tags(), "CC0",
        4096, "csv", "ts,level", null, 5_000_000_000L, 100_000_000L, 86_400_000L, null);
    submit(seller, new TxKind.UpdateListing(id, rentable));
    submit(seller, new TxKind.Delist(id));
    await().atMost(Duration.ofSeconds(60)).until(() -> "DELISTED".equals(read(id).getString("data.listing.status")));
    JsonPath after = read(id);
    assertEquals(3, after.getInt("data.listing.version"));
    assertEquals(100_000_000L, after.getLong("data.listing.price.rentPricePerPeriodFrost"));
    assertEquals(86_400_000L, after.getLong("data.listing.price.rentPeriodMs"));
  }

  static ListingSpec spec(String blobId, String title, long buyFrost) {
    return new ListingSpec(blobId, blobId == null ? null : "envelope", title, "Hourly sea level", List.of("ocean"), "CC0",
        4096, "csv", "ts,level", null, buyFrost, 0, 0, null);
  }

  @Test
  void aDraftIsHiddenUntilItsFirstRevisionAndEachNewBlobIsTheNextRevision() {
    Ed25519KeyPair seller = Ed25519KeyPair.generate();
    String title = "Draft gauges " + UUID.randomUUID();
    String id = submit(seller, new TxKind.CreateListing(spec(null, title, 5_000_000_000L)));
    // a later state of another listing reaching the catalog means the draft's event was consumed too
    String marker = submit(seller, new TxKind.CreateListing(spec("AAEC", "marker " + UUID.randomUUID(), 1)));
    await().atMost(Duration.ofSeconds(60)).until(() -> read(marker).getString("data.listing.id") != null);
    assertNull(read(id).get("data.listing"), "a draft is not shown");
    assertEquals(0, (int) graphql("{ listings(query: \"" + title + "\") { totalCount } }").then().extract()
        .path("data.listings.totalCount"));

    submit(seller, new TxKind.UpdateListing(id, spec("AAECAw", title, 5_000_000_000L)));
    await().atMost(Duration.ofSeconds(60)).until(() -> read(id).getString("data.listing.id") != null);
    assertEquals("ACTIVE", read(id).getString("data.listing.status"));
    submit(seller, new TxKind.UpdateListing(id, spec("AAECAw", title, 6_000_000_000L))); // a price change: same content
    submit(seller, new TxKind.UpdateListing(id, spec("BBECAw", title, 6_000_000_000L))); // revision 2
    await().atMost(Duration.ofSeconds(60)).until(() -> read(id).getInt("data.listing.version") == 4);
    JsonPath r = graphql("{ listing(id: \"" + id + "\") { revisions { revision blobId sizeBytes } } }")
        .then().statusCode(200).extract().jsonPath();
    assertEquals(List.of(1, 2), r.getList("data.listing.revisions.revision"));
    assertEquals(List.of("AAECAw", "BBECAw"), r.getList("data.listing.revisions.blobId"));
  }
}
