package dev.haulout.marketplace;

import static dev.haulout.marketplace.PublishFlowTest.b64;
import static dev.haulout.marketplace.PurchaseTest.PURCHASE;
import static dev.haulout.marketplace.PurchaseTest.QUOTE;
import static dev.haulout.marketplace.PurchaseTest.call;
import static dev.haulout.marketplace.PurchaseTest.marketplaceKey;
import static dev.haulout.marketplace.TestSupport.graphql;
import static dev.haulout.marketplace.TestSupport.userToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.Wal;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.dataset.DatasetManifest;
import dev.haulout.dataset.Receipt;
import dev.haulout.marketplace.adapter.embedded.EmbeddedNetwork;
import dev.haulout.marketplace.application.port.NetworkAccess;
import dev.haulout.dataset.Quote;
import dev.haulout.marketplace.application.ContentService;
import dev.haulout.marketplace.application.PurchaseService;
import dev.haulout.marketplace.application.port.Chain;
import dev.haulout.marketplace.application.port.ListingRepository;
import dev.haulout.marketplace.application.port.MarketplaceKey;
import dev.haulout.marketplace.application.port.PurchaseRepository;
import dev.haulout.marketplace.application.port.Wallets;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.Purchase;
import dev.haulout.marketplace.domain.Viewer;
import dev.haulout.storage.BlobStore;
import dev.haulout.storage.ProgressListener;
import dev.haulout.wire.SuiAddress;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Datasets larger than one part (here {@link PartsProfile#PART_BYTES}) published through tus,
 * bought and read back through the gateway; receipts that name the revision and every blob; and a
 * managed purchase whose process "died" between the ledger and its row.
 */
@QuarkusTest
@TestProfile(PartsProfile.class)
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class PartsAndReceiptsTest {
  @Inject NetworkAccess network;
  @Inject EmbeddedNetwork embedded;
  @Inject PurchaseRepository purchases;
  @Inject Wallets wallets;
  @Inject Chain chain;
  @Inject MarketplaceKey marketplaceKey;
  @Inject ListingRepository listings;
  @Inject ContentService content;

  static Response get(String token, String path, String range) {
    var req = given().header("Authorization", "Bearer " + token);
    if (range != null) {
      req = req.header("Range", range);
    }
    return req.get(path);
  }

  DatasetManifest manifestOf(String listingId) throws Exception {
    String blobId = ((Listing) network.ledger().object(listingId).orElseThrow().object()).spec().blobId();
    try (BlobStore store = network.blobStore(null)) {
      return DatasetManifest.read(store, blobId).orElseThrow(() -> new AssertionError(blobId + " is no manifest"));
    }
  }

  static Receipt buy(String token, String listingId) {
    JsonPath q = call(QUOTE, Map.of("l", listingId, "k", "BUY", "p", 1), token);
    assertNull(q.get("errors"), q.prettify());
    JsonPath p = call(PURCHASE, Map.of("q", q.getString("data.quote.token"), "i", "buy-" + UUID.randomUUID()), token);
    assertNull(p.get("errors"), p.prettify());
    return Receipt.verify(p.getString("data.purchase.receipt"), marketplaceKey());
  }

  static void assertNamesEveryBlob(Receipt r, String manifestBlob, DatasetManifest m) {
    List<String> expected = new ArrayList<>(List.of(manifestBlob));
    expected.addAll(m.blobIds());
    assertEquals(expected, r.blobs().stream().map(Receipt.BlobRef::blobId).toList(), "manifest first, then each part");
    for (Receipt.BlobRef b : r.blobs()) {
      assertNotNull(b.blobObjectId(), b.blobId());
      assertNotNull(b.certifiedEpoch(), "certified: " + b.blobId());
    }
  }

  @Test
  void aDatasetOverThePartSizeIsPublishedAsPartsReadByteExactAndItsReceiptsNameTheRevision() throws Exception {
    String bob = userToken("bob", "bob-pw");
    String alice = userToken("alice", "alice-pw");
    String carol = userToken("carol", "carol-pw");
    byte[] first = SellerListingTest.csv("P1", 36_000).getBytes(StandardCharsets.UTF_8);
    byte[] second = SellerListingTest.csv("P2", 16_000).getBytes(StandardCharsets.UTF_8);
    String id = SellerListingTest.published(bob, first, "filename " + b64("parts.csv") + ",filetype " + b64("text/csv")
        + ",title " + b64("Parts " + UUID.randomUUID()) + ",buyPrice " + b64("1.5"));

    Listing onChain = (Listing) network.ledger().object(id).orElseThrow().object();
    String blob1 = onChain.spec().blobId();
    DatasetManifest m1 = manifestOf(id);
    long parts = (m1.envelopeLength() + PartsProfile.PART_BYTES - 1) / PartsProfile.PART_BYTES;
    assertTrue(parts >= 3, "the envelope spans several parts: " + m1.parts().size());
    assertEquals(parts, m1.parts().size());
    for (DatasetManifest.Part p : m1.parts()) {
      assertTrue(p.length() <= PartsProfile.PART_BYTES);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> SellerListingTest.listing(id).get("data.listing.status") != null);
    assertEquals(List.of(blob1), SellerListingTest.listing(id).getList("data.listing.revisions.blobId"),
        "the catalog's revision names the manifest");

    Receipt r1 = buy(alice, id);
    assertEquals(1, r1.revision());
    assertNamesEveryBlob(r1, blob1, m1);

    // the gateway follows the manifest: the whole file, and ranges across every part boundary
    String base = "/api/v1/listings/" + id;
    Response whole = get(alice, base + "/content", null);
    whole.then().statusCode(200).header("ETag", "\"" + blob1 + "\"").header("Content-Length", String.valueOf(first.length));
    assertArrayEquals(first, whole.asByteArray());
    long header = m1.envelopeLength() - first.length - 16; // one 1 MiB chunk: the envelope is header, chunk, tag
    for (DatasetManifest.Part p : m1.parts().subList(1, m1.parts().size())) {
      long at = p.offset() - header; // the plaintext byte that opens this part
      long a = Math.max(0, at - 5);
      long b = Math.min(first.length - 1, at + 5);
      Response r = get(alice, base + "/content", "bytes=" + a + "-" + b);
      r.then().statusCode(206).header("Content-Range", "bytes " + a + "-" + b + "/" + first.length);
      assertArrayEquals(Arrays.copyOfRange(first, (int) a, (int) b + 1), r.asByteArray(), "around part at " + p.offset());
    }
    long a = PartsProfile.PART_BYTES - 100;
    Response span = get(alice, base + "/content", "bytes=" + a + "-");
    span.then().statusCode(206);
    assertArrayEquals(Arrays.copyOfRange(first, (int) a, first.length), span.asByteArray(), "from part 1 to the end");
    get(alice, base + "/content", "bytes=" + first.length + "-").then().statusCode(416)
        .header("Content-Range", "bytes */" + first.length);

    // a second revision, also in parts: carol's receipt names revision 2 and its blobs; alice's pass reads both
    assertEquals(id, SellerListingTest.published(bob, second, "filename " + b64("parts-v2.csv") + ",listingId " + b64(id)));
    await().atMost(Duration.ofSeconds(60)).until(() -> SellerListingTest.listing(id).getList("data.listing.revisions").size() == 2);
    String blob2 = ((Listing) network.ledger().object(id).orElseThrow().object()).spec().blobId();
    DatasetManifest m2 = manifestOf(id);
    assertFalse(blob1.equals(blob2));
    Receipt r2 = buy(carol, id);
    assertEquals(2, r2.revision(), "the receipt names the revision it was bought at");
    assertNamesEveryBlob(r2, blob2, m2);
    assertArrayEquals(second, get(alice, base + "/content", null).then().statusCode(200).extract().asByteArray());
    assertArrayEquals(first, get(alice, base + "/revisions/1/content", null).then().statusCode(200).extract().asByteArray());
    assertArrayEquals(Arrays.copyOfRange(second, 1000, 140_000),
        get(carol, base + "/revisions/2/content", "bytes=1000-139999").then().statusCode(206).extract().asByteArray());
  }

  @Test
  void aManagedPurchaseWhoseRowWasNeverWrittenIsRecoveredFromTheLedgersReceiptAndChargedOnce() throws Exception {
    // the real service, but its repository loses the next row as a process dying after the ledger would
    FakeCrashingPurchaseRepository crashing = new FakeCrashingPurchaseRepository(purchases);
    PurchaseService service = new PurchaseService(wallets, chain, marketplaceKey, crashing, listings, content);
    Ed25519KeyPair seller = Ed25519KeyPair.generate();
    embedded.ledger().faucet(seller.address(), 10 * Wal.FROST_PER_WAL);
    byte[] data = ("small dataset " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    String blobId;
    try (var store = embedded.storage().blobStore(seller)) {
      blobId = store.store(new ByteArrayInputStream(data), data.length, 3, ProgressListener.NONE).blobId();
    }
    ListingSpec spec = new ListingSpec(blobId, null, "Crash " + UUID.randomUUID(), "", List.of(), "CC0-1.0", data.length,
        "csv", null, null, 3 * Wal.FROST_PER_WAL, 0, 0, null);
    String listingId = embedded.ledger().submit(Transactions.sign(seller, new TransactionData(seller.address().toString(),
        System.nanoTime(), 0, new TxKind.CreateListing(spec)))).createdObjects().get(0);

    Viewer buyer = new Viewer("crash-test-" + UUID.randomUUID(), null, null, Set.of(), false);
    Duration wait = Duration.ofSeconds(60);
    SuiAddress address = wallets.walletOf(buyer).await().atMost(wait).address();
    String token = service.quote(buyer, listingId, Quote.Kind.BUY, 1L).await().atMost(wait).token();
    String key = "crash-" + UUID.randomUUID();
    long before = embedded.ledger().balance(address);

    crashing.crashNextInsert();
    CatalogException lost = assertThrows(CatalogException.class, () -> service.purchase(buyer, token, key).await().atMost(wait));
    assertEquals(ErrorCode.UNAVAILABLE, lost.code());
    assertEquals(1, crashing.crashes.get());
    assertEquals(before - 3 * Wal.FROST_PER_WAL, embedded.ledger().balance(address), "the ledger executed the purchase");
    assertNull(purchases.find(buyer.subject(), key).await().atMost(wait), "and no row was written");

    long t0 = System.nanoTime();
    Purchase retried = service.purchase(buyer, token, key).await().atMost(wait);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    String digest = retried.txDigest();
    assertTrue(embedded.ledger().transaction(digest).isPresent());
    assertEquals(before - 3 * Wal.FROST_PER_WAL, embedded.ledger().balance(address), "charged once");
    assertEquals(embedded.ledger().transaction(digest).orElseThrow().createdObjects().get(0), retried.accessId(),
        "the pass the ledger created");
    Receipt r = Receipt.verify(retried.receipt(), marketplaceKey());
    assertEquals(digest, r.txDigest());
    assertEquals(address.toString(), r.buyer());
    assertEquals(1, r.revision());
    assertEquals(List.of(blobId), r.blobs().stream().map(Receipt.BlobRef::blobId).toList());
    assertTrue(ms < 8_000, "recovered from the ledger, not after waiting for a row that never comes: " + ms + " ms");
    assertNotNull(purchases.find(buyer.subject(), key).await().atMost(wait), "the row is written now");

    Purchase again = service.purchase(buyer, service.quote(buyer, listingId, Quote.Kind.BUY, 1L).await().atMost(wait).token(),
        key).await().atMost(wait);
    assertEquals(retried.receipt(), again.receipt(), "the same key, even with a new quote, is the same purchase");
    assertEquals(before - 3 * Wal.FROST_PER_WAL, embedded.ledger().balance(address));
  }
}
