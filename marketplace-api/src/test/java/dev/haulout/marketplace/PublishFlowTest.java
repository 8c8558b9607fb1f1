package dev.haulout.marketplace;

import static dev.haulout.marketplace.TestSupport.graphql;
import static dev.haulout.marketplace.TestSupport.userToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.ListingStatus;
import dev.haulout.marketplace.application.port.NetworkAccess;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.envelope.EnvelopeHeader;
import dev.haulout.storage.BlobStore;
import dev.haulout.wire.SuiAddress;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The publish path on the embedded network: bob uploads a CSV with tus metadata, the publication
 * walks its stages to LISTED, the catalog shows an ACTIVE listing with its revision, sample and
 * schema, and the stored blob is an envelope whose key is sealed to the listing's identity.
 */
@QuarkusTest
@TestProfile(EmbeddedNetworkProfile.class)
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class PublishFlowTest {
  static final String PUBLICATION = "query($id: String!) { publication(id: $id) { id stage state listingId blobId"
      + " previewBlobId errorCode errorMessage bytesDone bytesTotal } }";

  @Inject NetworkAccess network;

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String upload(String token, byte[] data, String metadata) {
    String location = given().header("Tus-Resumable", "1.0.0").header("Authorization", "Bearer " + token)
        .header("Upload-Length", data.length).header("Upload-Metadata", metadata)
        .post("/api/v1/uploads").then().statusCode(201).extract().header("Location");
    given().header("Tus-Resumable", "1.0.0").header("Authorization", "Bearer " + token)
        .contentType("application/offset+octet-stream").header("Upload-Offset", 0).body(data)
        .patch(location).then().statusCode(204);
    return location.substring(location.lastIndexOf('/') + 1);
  }

  static JsonPath publication(String token, String id) {
    return graphql(PUBLICATION, Map.of("id", id), token).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aSellersUploadBecomesAnEncryptedActiveListing() throws Exception {
    String bob = userToken("bob", "bob-pw");
    StringBuilder csv = new StringBuilder("station,day,level_m\n");
    for (int i = 0; csv.length() < 300_000; i++) {
      csv.append("S").append(i % 50).append(",2025-03-").append(10 + i % 18).append(',').append(i % 700 / 100.0).append('\n');
    }
    byte[] data = csv.toString().getBytes(StandardCharsets.UTF_8);
    String title = "Tide gauges " + System.nanoTime();
    String id = upload(bob, data, "filename " + b64("tides.csv") + ",filetype " + b64("text/csv") + ",title " + b64(title)
        + ",description " + b64("Sea level at 50 stations") + ",tags " + b64("ocean,time-series")
        + ",license " + b64("CC-BY-4.0") + ",aiTraining " + b64("false") + ",buyPrice " + b64("2.5")
        + ",rentPrice " + b64("0.25") + ",rentPeriod " + b64("7d"));

    await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofMillis(300)).until(() -> {
      String state = publication(bob, id).getString("data.publication.state");
      return "DONE".equals(state) || "FAILED".equals(state);
    });
    JsonPath p = publication(bob, id);
    assertEquals("LISTED", p.getString("data.publication.stage"), p.prettify());
    String listingId = p.getString("data.publication.listingId");
    String blobId = p.getString("data.publication.blobId");

    // someone else cannot see bob's publication
    JsonPath other = publication(userToken("alice", "alice-pw"), id);
    assertEquals("NOT_FOUND", other.getString("errors[0].extensions.code"), other.prettify());

    // the catalog shows it once listed, with what the pipeline inferred
    await().atMost(Duration.ofSeconds(60)).until(() -> graphql("{ listing(id: \"" + listingId + "\") { id } }")
        .then().extract().path("data.listing.id") != null);
    JsonPath l = graphql("{ listing(id: \"" + listingId + "\") { title status sizeBytes format schemaSummary license"
        + " previewRef blobId tags price { buyPriceFrost rentPricePerPeriodFrost rentPeriodMs free }"
        + " revisions { revision blobId } } }").then().extract().jsonPath();
    assertEquals(title, l.getString("data.listing.title"));
    assertEquals("ACTIVE", l.getString("data.listing.status"));
    assertEquals(data.length, l.getLong("data.listing.sizeBytes"));
    assertEquals("csv", l.getString("data.listing.format"));
    assertEquals("csv: station string, day date, level_m number", l.getString("data.listing.schemaSummary"));
    assertEquals("CC-BY-4.0;ai-training=no", l.getString("data.listing.license"));
    assertEquals(List.of("ocean", "time-series"), l.getList("data.listing.tags"));
    assertEquals(2_500_000_000L, l.getLong("data.listing.price.buyPriceFrost"));
    assertEquals(250_000_000L, l.getLong("data.listing.price.rentPricePerPeriodFrost"));
    assertEquals(7L * 86_400_000L, l.getLong("data.listing.price.rentPeriodMs"));
    assertEquals(blobId, l.getString("data.listing.blobId"));
    assertEquals(List.of(1), l.getList("data.listing.revisions.revision"));

    // myListings: bob's own listings include it; alice's do not; nobody anonymous has any
    String mine = "{ myListings { id title status } }";
    JsonPath bobs = graphql(mine, Map.of(), bob).then().extract().jsonPath();
    assertTrue(bobs.getList("data.myListings.id").contains(listingId), bobs.prettify());
    assertEquals("ACTIVE", bobs.getString("data.myListings.find { it.id == '" + listingId + "' }.status"));
    JsonPath alices = graphql(mine, Map.of(), userToken("alice", "alice-pw")).then().extract().jsonPath();
    assertFalse(alices.getList("data.myListings.id").contains(listingId), alices.prettify());
    JsonPath anonymous = graphql(mine).then().extract().jsonPath();
    assertEquals("UNAUTHENTICATED", anonymous.getString("errors[0].extensions.code"), anonymous.prettify());
    JsonPath tooMany = graphql("{ myListings(first: 100000) { id } }", Map.of(), bob).then().extract().jsonPath();
    assertEquals("INVALID_ARGUMENT", tooMany.getString("errors[0].extensions.code"), tooMany.prettify());

    // on chain: bob's managed wallet is the seller; the blob is an envelope sealed to the listing
    Listing onChain = (Listing) network.ledger().object(listingId).orElseThrow().object();
    assertEquals(ListingStatus.ACTIVE, onChain.status());
    String bobAddress = graphql("{ me { wallet { address } } }", Map.of(), bob).then().extract().path("data.me.wallet.address");
    assertEquals(bobAddress, onChain.seller());
    try (BlobStore store = network.blobStore(null)) {
      EnvelopeHeader h;
      try (InputStream in = store.read(blobId, null)) {
        h = EnvelopeHeader.read(in);
      }
      assertEquals(data.length, h.totalLength());
      EncryptedObject sealed = h.sealedKeyObject();
      assertArrayEquals(SuiAddress.parse(listingId).bytes(), Arrays.copyOf(sealed.id(), 32));
      assertEquals(network.sealing().threshold(), sealed.threshold());
      // the public sample is the head of the file, in clear
      String preview = l.getString("data.listing.previewRef");
      try (InputStream in = store.read(preview, null)) {
        String sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(csv.toString().startsWith(sample), sample);
        assertEquals(21, sample.lines().count());
      }
    }
  }

  @Test
  void badMetadataFailsThePublicationWithAStableCodeAndListsNothing() {
    String bob = userToken("bob", "bob-pw");
    String id = upload(bob, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8),
        "filename " + b64("x.csv") + ",title " + b64("No period") + ",rentPrice " + b64("1"));
    await().atMost(Duration.ofSeconds(300)).until(() -> "FAILED".equals(publication(bob, id).getString("data.publication.state")));
    JsonPath p = publication(bob, id);
    assertEquals("INVALID_METADATA", p.getString("data.publication.errorCode"));
    assertEquals("UPLOADED", p.getString("data.publication.stage"));
    assertNull(p.get("data.publication.listingId"));
    assertTrue(p.getString("data.publication.errorMessage").contains("rentPeriod"));
    // a retry of a publication that cannot succeed fails the same way; one that is not FAILED is refused
    JsonPath r = graphql("mutation($id: String!) { retryPublication(id: $id) { state } }", Map.of("id", id), bob)
        .then().extract().jsonPath();
    assertEquals("RUNNING", r.getString("data.retryPublication.state"), r.prettify());
    await().atMost(Duration.ofSeconds(300)).until(() -> "FAILED".equals(publication(bob, id).getString("data.publication.state")));
    JsonPath again = graphql("mutation($id: String!) { retryPublication(id: $id) { state } }", Map.of("id", "nope"), bob)
        .then().extract().jsonPath();
    assertEquals("NOT_FOUND", again.getString("errors[0].extensions.code"));
  }
}
