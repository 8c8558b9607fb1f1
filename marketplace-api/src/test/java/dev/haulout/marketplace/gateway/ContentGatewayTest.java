package dev.haulout.marketplace.gateway;

import static dev.haulout.marketplace.TestSupport.graphql;
import static dev.haulout.marketplace.TestSupport.userToken;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.chain.Ledger;
import dev.haulout.chain.Wal;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.dataset.DatasetReader;
import dev.haulout.dataset.DatasetWriter;
import dev.haulout.seal.session.SessionCertificate;
import dev.haulout.seal.session.SessionKey;
import dev.haulout.wire.Hex;
import dev.haulout.marketplace.ServicesTestResource;
import dev.haulout.marketplace.application.port.NetworkAccess;
import dev.haulout.marketplace.application.port.Wallets;
import dev.haulout.storage.BlobStore;
import dev.haulout.storage.ProgressListener;
import dev.haulout.wire.SuiAddress;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The content gateway end to end on the embedded network (real ledger, storage nodes and key
 * servers that ask the ledger) with real Keycloak tokens: alice holds a pass, bob a rental, carol
 * nothing. Every answer is checked byte for byte and by status and stable code.
 */
@QuarkusTest
@TestProfile(GatewayProfile.class)
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class ContentGatewayTest {
  static final SecureRandom RNG = new SecureRandom();
  static final AtomicLong NONCE = new AtomicLong(System.nanoTime());
  static final long PERIOD_MS = 3_600_000L;
  static final int MIB = 1 << 20;

  static String alice;
  static String bob;
  static String carol;
  static String listingId;
  static byte[] first;
  static byte[] second;
  static String secondBlob;

  @Inject
  NetworkAccess network;
  @Inject
  Wallets wallets;
  @Inject
  OffsetClock clock;
  @Inject
  dev.haulout.marketplace.adapter.embedded.EmbeddedNetwork embedded;

  /** The managed wallet's key of {@code subject} (created and funded on first use). */
  Ed25519KeyPair keyOf(String subject) {
    return wallets.walletOf(new dev.haulout.marketplace.domain.Viewer(subject, subject, null, java.util.Set.of(), false))
        .await().atMost(java.time.Duration.ofSeconds(120)).signer();
  }

  @BeforeEach
  void publishOnce() throws Exception {
    clock.reset();
    if (listingId != null) {
      return;
    }
    alice = userToken("alice", "alice-pw");
    bob = userToken("bob", "bob-pw");
    carol = userToken("carol", "carol-pw");
    Ledger ledger = network.ledger();
    Ed25519KeyPair seller = Ed25519KeyPair.generate();
    Ed25519KeyPair aliceKey = keyOf(subject(alice));
    Ed25519KeyPair bobKey = keyOf(subject(bob));
    for (Ed25519KeyPair k : List.of(seller, aliceKey, bobKey)) {
      ledger.faucet(k.address(), 100 * Wal.FROST_PER_WAL);
    }
    listingId = ledger.submit(sign(seller, new TxKind.CreateListing(spec(null)))).createdObjects().get(0);
    first = random(MIB / 2 + 17);
    second = random(MIB + 4321); // two envelope chunks of 1 MiB
    String firstBlob = write(seller, first);
    ledger.submit(sign(seller, new TxKind.UpdateListing(listingId, spec(firstBlob))));
    secondBlob = write(seller, second);
    ledger.submit(sign(seller, new TxKind.UpdateListing(listingId, spec(secondBlob))));
    ledger.submit(sign(aliceKey, new TxKind.Buy(listingId, 5 * Wal.FROST_PER_WAL)));
    ledger.submit(sign(bobKey, new TxKind.Rent(listingId, 1, Wal.FROST_PER_WAL)));
  }

  String write(Ed25519KeyPair seller, byte[] data) throws Exception {
    try (BlobStore store = network.blobStore(seller)) {
      return DatasetWriter.write(new ByteArrayInputStream(data), data.length, "text/csv",
          SuiAddress.parse(listingId), network.sealing(), store, 2, ProgressListener.NONE, RNG).stored().blobId();
    }
  }

  static RequestSpecification as(String token) {
    RequestSpecification r = given();
    return token == null ? r : r.header("Authorization", "Bearer " + token);
  }

  static String content() {
    return "/api/v1/listings/" + listingId + "/content";
  }

  @Test
  void aPassHolderReadsTheWholeCurrentRevisionByteExact() {
    Response r = as(alice).get(content());
    r.then().statusCode(200)
        .header("Accept-Ranges", "bytes")
        .header("ETag", "\"" + secondBlob + "\"")
        .header("Content-Length", Integer.toString(second.length))
        .header("Content-Type", "text/csv")
        .header("Content-Disposition", "attachment; filename=\"Gateway_test.csv\"");
    assertArrayEquals(second, r.asByteArray());
  }

  @Test
  void rangesAcrossTheChunkBoundarySuffixesAndOpenEndsAre206ByteExact() {
    long[][] ranges = {{MIB - 10, MIB + 9}, {0, 0}, {MIB, MIB}, {second.length - 1, second.length - 1}};
    for (long[] g : ranges) {
      Response r = as(alice).header("Range", "bytes=" + g[0] + "-" + g[1]).get(content());
      r.then().statusCode(206)
          .header("Content-Range", "bytes " + g[0] + "-" + g[1] + "/" + second.length)
          .header("Content-Length", Long.toString(g[1] - g[0] + 1));
      assertArrayEquals(Arrays.copyOfRange(second, (int) g[0], (int) g[1] + 1), r.asByteArray());
    }
    Response suffix = as(alice).header("Range", "bytes=-100").get(content());
    suffix.then().statusCode(206);
    assertArrayEquals(Arrays.copyOfRange(second, second.length - 100, second.length), suffix.asByteArray());
    Response open = as(alice).header("Range", "bytes=" + (MIB - 3) + "-").get(content());
    open.then().statusCode(206);
    assertArrayEquals(Arrays.copyOfRange(second, MIB - 3, second.length), open.asByteArray());
  }

  @Test
  void ifRangeWithTheCurrentEtagKeepsTheRangeAnyOtherValueSendsTheWholeFile() {
    Response same = as(alice).header("Range", "bytes=5-9").header("If-Range", "\"" + secondBlob + "\"").get(content());
    same.then().statusCode(206);
    assertArrayEquals(Arrays.copyOfRange(second, 5, 10), same.asByteArray());
    Response other = as(alice).header("Range", "bytes=5-9").header("If-Range", "\"someOtherBlob\"").get(content());
    other.then().statusCode(200).header("Content-Length", Integer.toString(second.length));
    assertArrayEquals(second, other.asByteArray());
  }

  @Test
  void aRangePastTheEndOrMalformedIs416WithTheLength() {
    for (String bad : List.of("bytes=" + second.length + "-", "bytes=abc", "bytes=9-5", "bytes=0-1,5-6", "bytes=-0")) {
      as(alice).header("Range", bad).get(content()).then().statusCode(416)
          .header("Content-Range", "bytes */" + second.length)
          .body("code", equalTo("RANGE_NOT_SATISFIABLE"));
    }
  }

  @Test
  void anOlderRevisionIsReadByNumberOnceTheCatalogHasIt() throws Exception {
    String path = "/api/v1/listings/" + listingId + "/revisions/1/content";
    Response r = null;
    for (int i = 0; i < 60; i++) { // the catalog learns revisions from the ledger's events through Kafka
      r = as(alice).get(path);
      if (r.statusCode() != 404) {
        break;
      }
      Thread.sleep(500);
    }
    r.then().statusCode(200).header("Content-Disposition", "attachment; filename=\"Gateway_test-r1.csv\"");
    assertArrayEquals(first, r.asByteArray());
    as(alice).get("/api/v1/listings/" + listingId + "/revisions/3/content").then().statusCode(404)
        .body("code", equalTo("REVISION_NOT_FOUND"));
    as(alice).get("/api/v1/listings/" + listingId + "/revisions/x/content").then().statusCode(404)
        .body("code", equalTo("REVISION_NOT_FOUND"));
  }

  @Test
  void withoutAPassCarolIsRefusedNoAccessEvenRightAfterAliceRead() {
    as(alice).header("Range", "bytes=0-9").get(content()).then().statusCode(206);
    as(carol).get(content()).then().statusCode(403).body("code", equalTo("NO_ACCESS"));
  }

  @Test
  void aRentalReadsWhileItRunsAndIsRentalExpiredAfter() {
    Response r = as(bob).header("Range", "bytes=0-99").get(content());
    r.then().statusCode(206);
    assertArrayEquals(Arrays.copyOf(second, 100), r.asByteArray());
    clock.advance(Duration.ofMillis(2 * PERIOD_MS));
    as(bob).get(content()).then().statusCode(403).body("code", equalTo("RENTAL_EXPIRED"));
  }

  /** Flips one byte in every sliver file of {@code blobId} on storage node {@code node}; returns how many. */
  int alterSlivers(String blobId, int node) throws Exception {
    java.nio.file.Path dir = embedded.storage().dataDir(node).resolve("blobs").resolve(blobId);
    int n = 0;
    try (var files = java.nio.file.Files.list(dir)) {
      for (java.nio.file.Path f : files.filter(f -> f.getFileName().toString().matches("[ps]\\d+")).toList()) {
        byte[] raw = java.nio.file.Files.readAllBytes(f);
        raw[raw.length / 2] ^= 0x5a;
        java.nio.file.Files.write(f, raw);
        n++;
      }
    }
    return n;
  }

  @Test
  void ciphertextAlteredOnOneNodeStillReadsExactAndAlteredOnEveryNodeIsAClearCodeNeverA500() throws Exception {
    // a listing of its own: this test damages its blob
    Ledger ledger = network.ledger();
    Ed25519KeyPair seller = Ed25519KeyPair.generate();
    ledger.faucet(seller.address(), 100 * Wal.FROST_PER_WAL);
    String own = ledger.submit(sign(seller, new TxKind.CreateListing(spec(null)))).createdObjects().get(0);
    byte[] data = random(MIB / 4 + 99);
    String blob;
    try (BlobStore store = network.blobStore(seller)) {
      blob = DatasetWriter.write(new ByteArrayInputStream(data), data.length, "text/csv",
          SuiAddress.parse(own), network.sealing(), store, 2, ProgressListener.NONE, RNG).stored().blobId();
    }
    ledger.submit(sign(seller, new TxKind.UpdateListing(own, spec(blob))));
    ledger.submit(sign(keyOf(subject(alice)), new TxKind.Buy(own, 5 * Wal.FROST_PER_WAL)));
    String url = "/api/v1/listings/" + own + "/content";

    // one node of four (f = 1) serves altered slivers: the reader verifies each sliver, uses the others
    org.junit.jupiter.api.Assertions.assertTrue(alterSlivers(blob, 0) > 0, "node 0 holds slivers of the blob");
    Response r = as(alice).get(url);
    r.then().statusCode(200);
    assertArrayEquals(data, r.asByteArray(), "byte-exact despite one node's altered ciphertext");

    // every node's copy altered: no quorum of good slivers is left; a clear code, not a 500 or a stack trace
    for (int node = 1; node < embedded.storage().size(); node++) {
      alterSlivers(blob, node);
    }
    alterSlivers(blob, 0);
    Response broken = as(alice).get(url);
    org.junit.jupiter.api.Assertions.assertTrue(broken.statusCode() >= 502 && broken.statusCode() <= 503,
        "status " + broken.statusCode() + ": " + broken.asString());
    String code = broken.jsonPath().getString("code");
    org.junit.jupiter.api.Assertions.assertNotNull(code, broken.asString());
    org.junit.jupiter.api.Assertions.assertFalse(broken.asString().contains("Exception"), broken.asString());

    // the rest of the store is untouched: the shared listing still reads byte-exact
    Response other = as(alice).get(content());
    other.then().statusCode(200);
    assertArrayEquals(second, other.asByteArray());
  }

  @Test
  void unknownListingsAre404AndAMissingTokenIs401() {
    String unknown = "0x" + "ab".repeat(32);
    as(alice).get("/api/v1/listings/" + unknown + "/content").then().statusCode(404)
        .body("code", equalTo("LISTING_NOT_FOUND"));
    as(alice).get("/api/v1/listings/not-an-id/content").then().statusCode(404)
        .body("code", equalTo("LISTING_NOT_FOUND"));
    as(null).get(content()).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    as(alice).post(content()).then().statusCode(405).body("code", equalTo("METHOD_NOT_ALLOWED"));
  }

  @Test
  void aSessionCertificateLetsTheClientFetchSharesAndDecryptItself() throws Exception {
    Ed25519KeyPair session = Ed25519KeyPair.generate();
    String vk = Hex.encode(session.publicKey().bytes());
    String q = "mutation($k: String!) { sessionCertificate(sessionPublicKey: $k, ttlMinutes: 10) "
        + "{ user sessionVk creationTimeMs ttlMin signature packageId } }";
    Response r = graphql(q, Map.of("k", vk), alice);
    r.then().statusCode(200).body("data.sessionCertificate.user",
        equalTo(keyOf(subject(alice)).address().toString()));
    Map<String, Object> c = r.path("data.sessionCertificate");
    SessionCertificate cert = new SessionCertificate(SuiAddress.parse((String) c.get("user")), Hex.decode(vk),
        ((Number) c.get("creationTimeMs")).longValue(), (Integer) c.get("ttlMin"), (String) c.get("signature"), null);
    SessionKey key = SessionKey.fromCertificate(SuiAddress.parse((String) c.get("packageId")), session, cert, clock, RNG);
    try (BlobStore store = network.blobStore(null);
        DatasetReader reader = DatasetReader.open(store, secondBlob, DatasetReader.keysOf(network.keyClient(), key));
        InputStream in = reader.range(MIB - 5, MIB + 5)) {
      assertArrayEquals(Arrays.copyOfRange(second, MIB - 5, MIB + 5), in.readAllBytes());
    }
    graphql(q, Map.of("k", "abcd"), alice).then().body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
    graphql(q, Map.of("k", vk), null).then().body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
  }

  @Test
  void theWebConfigNamesTheLedgerAndAggregatorAClientSideReaderUses() throws Exception {
    Response c = given().get("/config.json");
    c.then().statusCode(200);
    List<String> ids = c.path("keyServers.objectId");
    String ledgerUrl = c.path("ledgerUrl");
    try (dev.haulout.chain.client.HttpLedgerClient ledger = dev.haulout.chain.client.HttpLedgerClient.create(ledgerUrl)) {
      var listed = dev.haulout.dataset.KeyServerDirectory.load(ledger).entries().stream()
          .map(e -> e.info().objectId().toString()).toList();
      org.junit.jupiter.api.Assertions.assertTrue(!ids.isEmpty() && listed.containsAll(ids),
          "the ledger at ledgerUrl lists the key servers " + ids + ": " + listed);
    }
    String aggregator = c.path("aggregatorUrl");
    if (aggregator != null) {
      try (BlobStore viaAggregator = dev.haulout.storage.aggregator.WalrusHttpBlobStore.create(aggregator, aggregator,
          dev.haulout.storage.StorageClientOptions.defaults());
          BlobStore nodes = network.blobStore(null)) {
        org.junit.jupiter.api.Assertions.assertEquals(nodes.length(secondBlob), viaAggregator.length(secondBlob));
      }
    }
  }

  static ListingSpec spec(String blobId) {
    return new ListingSpec(blobId, null, "Gateway test", "a dataset the gateway test reads", List.of("test"),
        "CC-BY-4.0", 1234, "csv", "-", "-", 5 * Wal.FROST_PER_WAL, Wal.FROST_PER_WAL, PERIOD_MS, null);
  }

  static dev.haulout.chain.SignedTransaction sign(Ed25519KeyPair key, TxKind kind) {
    return Transactions.sign(key, new TransactionData(key.address().toString(), NONCE.incrementAndGet(), 0, kind));
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    RNG.nextBytes(b);
    return b;
  }

  /** The token's {@code sub}: the subject the gateway asks the wallets for. */
  static String subject(String token) throws Exception {
    byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
    return new ObjectMapper().readTree(new String(payload, StandardCharsets.UTF_8)).get("sub").asText();
  }
}
