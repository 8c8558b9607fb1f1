package dev.haulout.marketplace;

import static dev.haulout.marketplace.TestSupport.userToken;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.chain.Wal;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.AccessPass;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.dataset.Receipt;
import dev.haulout.cli.Haulout;
import dev.haulout.cli.market.Env;
import dev.haulout.marketplace.adapter.embedded.EmbeddedNetwork;
import dev.haulout.storage.ProgressListener;
import dev.haulout.wire.SuiAddress;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The haulout CLI (cli/, run in this JVM as a user runs it) buys from the real app: dave links an
 * own key with {@code haulout wallet link} and {@code haulout buy} pays with a transaction the CLI
 * signs (purchaseTransaction → sign → submitPurchase); the answer of the first submitPurchase is
 * lost on the way back ({@link FakeDroppingProxy}) and the CLI's retry with the same idempotency
 * key is charged once. A linked wallet whose key the CLI lacks is WALLET_KEY_MISSING. bob
 * publishes {@code --free}; alice (managed wallet) and dave (linked) buy it for 0 and read it, via
 * the gateway and client side. dave is a realm user only these tests and cli/test/journey.sh use:
 * each run links him to a fresh key (linkWallet allows re-linking).
 */
@QuarkusTest
@TestProfile(EmbeddedNetworkProfile.class)
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class CliPurchaseTest {
  static final long WAL = Wal.FROST_PER_WAL;
  static final AtomicLong NONCE = new AtomicLong(System.nanoTime());
  static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedNetwork network;
  @TempDir Path tmp;
  String api;

  record Run(int exit, String out, String err) {
    JsonNode json() throws Exception {
      List<String> lines = out.lines().filter(l -> l.startsWith("{")).toList();
      assertFalse(lines.isEmpty(), "no JSON on stdout: " + out + " / " + err);
      return JSON.readTree(lines.get(lines.size() - 1));
    }

    String code() {
      String e = err.strip();
      assertFalse(e.contains("\tat ") || e.contains("Exception"), "not a one-line error: " + err);
      assertTrue(e.startsWith("error: "), "not an error line: " + err);
      return e.substring(7, e.indexOf(':', 7));
    }
  }

  @BeforeEach
  void app() {
    api = "http://127.0.0.1:" + RestAssured.port;
  }

  @AfterEach
  void restoreEnvironment() {
    Env.override(null);
  }

  /** Runs {@code haulout ARGS} as {@code user} (own XDG folders and wallet key file) against {@code apiUrl}. */
  synchronized Run cli(String user, String apiUrl, String stdin, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("XDG_CONFIG_HOME", tmp.resolve(user + "/config").toString());
    env.put("XDG_DATA_HOME", tmp.resolve(user + "/data").toString());
    env.put("XDG_STATE_HOME", tmp.resolve(user + "/state").toString());
    env.put("HAULOUT_WALLET", tmp.resolve(user + "/wallet.key").toString());
    env.put("HAULOUT_API", apiUrl);
    Env.override(env);
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    InputStream oldIn = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
    try {
      int code = Haulout.run(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      System.setIn(oldIn);
    }
  }

  Run ok(Run r) {
    assertEquals(0, r.exit(), r.out() + r.err());
    return r;
  }

  void login(String user) {
    ok(cli(user, api, user + "-pw\n", "login", "--username", user, "--password-stdin"));
  }

  /** dave's own key, written where the CLI looks (HAULOUT_WALLET), linked by {@code haulout wallet link}. */
  Ed25519KeyPair linkDave() throws Exception {
    login("dave");
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    Path file = tmp.resolve("dave/wallet.key");
    Files.createDirectories(file.getParent());
    Files.writeString(file, key.toSuiPrivateKey() + "\n");
    ok(cli("dave", api, null, "wallet", "link"));
    String dave = userToken("dave", "dave-pw");
    JsonPath w = PurchaseTest.call("{ me { wallet { address managed } } }", Map.of(), dave);
    assertEquals(key.address().toString(), w.getString("data.me.wallet.address"), w.prettify());
    assertFalse(w.getBoolean("data.me.wallet.managed"));
    return key;
  }

  String paidListing(long buy) throws Exception {
    Ed25519KeyPair seller = Ed25519KeyPair.generate();
    network.ledger().faucet(seller.address(), 100 * WAL);
    byte[] data = ("dataset " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    String blobId;
    try (var store = network.storage().blobStore(seller)) {
      blobId = store.store(new ByteArrayInputStream(data), data.length, 3, ProgressListener.NONE).blobId();
    }
    ListingSpec spec = new ListingSpec(blobId, null, "Buoys " + UUID.randomUUID(), "Wave height", List.of("ocean"),
        "CC0-1.0", 64, "csv", null, null, buy, 0, 0, null);
    return network.ledger().submit(Transactions.sign(seller, new TransactionData(seller.address().toString(),
        NONCE.incrementAndGet(), 0, new TxKind.CreateListing(spec)))).createdObjects().get(0);
  }

  long passes(SuiAddress owner, String listingId) {
    return network.ledger().ownedObjects(owner, "AccessPass").stream().map(v -> v.object())
        .filter(o -> o instanceof AccessPass p && p.listingId().equals(listingId)).count();
  }

  @Test
  void aLinkedWalletBuysWithTheCliSignedTransactionAndARetryAfterALostAnswerIsChargedOnce() throws Exception {
    Ed25519KeyPair key = linkDave();
    network.ledger().faucet(key.address(), 50 * WAL);
    String listing = paidListing(3 * WAL);
    long before = network.ledger().balance(key.address());

    try (FakeDroppingProxy proxy = new FakeDroppingProxy(api, "submitPurchase", 1)) {
      Run r = ok(cli("dave", proxy.url(), null, "buy", listing, "--json"));
      assertEquals(2, proxy.seen.get(), "the first submitPurchase's answer was lost and the CLI sent it again");
      JsonNode p = r.json();
      assertEquals(key.address().toString(), p.path("signedBy").asText());
      assertEquals(3 * WAL, p.path("priceFrost").asLong());
      Receipt receipt = Receipt.verify(Files.readString(Path.of(p.path("receiptPath").asText())),
          PurchaseTest.marketplaceKey());
      assertEquals(listing, receipt.listingId(), "the saved receipt is the marketplace's, for this listing");
      assertEquals(key.address().toString(), receipt.buyer());
      assertEquals(p.path("txDigest").asText(), receipt.txDigest());
    }
    assertEquals(before - 3 * WAL, network.ledger().balance(key.address()), "charged once");
    assertEquals(1, passes(key.address(), listing), "one pass, owned by dave's own key");
    JsonPath lib = PurchaseTest.call("{ me { library { listingId txDigest } } }", Map.of(), userToken("dave", "dave-pw"));
    assertEquals(1, lib.getList("data.me.library.findAll { it.listingId == '" + listing + "' }").size(), lib.prettify());

    // the key file gone (or another key there): refused before anything is quoted or paid
    Files.delete(tmp.resolve("dave/wallet.key"));
    String other = paidListing(WAL);
    Run missing = cli("dave", api, null, "buy", other);
    assertEquals(2, missing.exit());
    assertEquals("WALLET_KEY_MISSING", missing.code());
    Files.writeString(tmp.resolve("dave/wallet.key"), Ed25519KeyPair.generate().toSuiPrivateKey() + "\n");
    assertEquals("WALLET_KEY_MISSING", cli("dave", api, null, "rent", other, "--periods", "1").code());
    assertEquals(before - 3 * WAL, network.ledger().balance(key.address()), "nothing more was paid");
    assertEquals(0, passes(key.address(), other));
  }

  @Test
  void aFreeListingPublishedWithTheCliIsBoughtForZeroByAManagedAndALinkedWalletAndRead() throws Exception {
    login("bob");
    login("alice");
    Ed25519KeyPair daveKey = linkDave();
    byte[] data = SellerListingTest.csv("FREE" + NONCE.incrementAndGet() % 1000, 5000).getBytes(StandardCharsets.UTF_8);
    Path src = tmp.resolve("free.csv");
    Files.write(src, data);
    JsonNode pub = ok(cli("bob", api, null, "publish", src.toString(), "--title", "Free buoys " + UUID.randomUUID(),
        "--free", "--json")).json();
    String listing = pub.path("listingId").asText();
    assertEquals("LISTED", pub.path("stage").asText(), pub.toString());

    // alice, managed wallet: purchase at 0, read through the gateway
    JsonNode a = ok(cli("alice", api, null, "buy", listing, "--json")).json();
    assertEquals(0, a.path("priceFrost").asLong());
    assertEquals("managed", a.path("signedBy").asText());
    Path viaGateway = tmp.resolve("alice.csv");
    ok(cli("alice", api, null, "get", listing, "-o", viaGateway.toString(), "--gateway", "--quiet"));
    assertArrayEquals(data, Files.readAllBytes(viaGateway));
    String rent = cli("alice", api, null, "rent", listing, "--periods", "1").code();
    assertEquals("NOT_FOR_SALE", rent, "a free listing is not for rent");

    // dave, linked wallet: a signed Buy at 0, read client side with his own key
    long before = network.ledger().balance(daveKey.address());
    JsonNode d = ok(cli("dave", api, null, "buy", listing, "--json")).json();
    assertEquals(daveKey.address().toString(), d.path("signedBy").asText());
    assertEquals(0, d.path("priceFrost").asLong());
    assertEquals(before, network.ledger().balance(daveKey.address()), "nothing was paid");
    assertEquals(1, passes(daveKey.address(), listing));
    Path clientSide = tmp.resolve("dave.csv");
    ok(cli("dave", api, null, "get", listing, "-o", clientSide.toString(), "--quiet"));
    assertArrayEquals(data, Files.readAllBytes(clientSide));
  }
}
