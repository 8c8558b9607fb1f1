package dev.haulout.cli.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haulout.chain.Wal;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.AccessPass;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.TxCodec;
import dev.haulout.chain.tx.TxKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's half of a linked-wallet purchase against the real ledger (NetworkFixture): the bytes
 * purchaseTransaction gives (built here exactly as marketplace-api's PurchaseService builds them)
 * are checked against the quote and signed with the CLI's key; the ledger's own {@code POST
 * /v1/transactions} executes that body once (the pass is the key's, the price paid once, the same
 * body again charges nothing). Bytes that are not the quoted purchase are never signed. The
 * GraphQL half (purchaseTransaction, submitPurchase, the retry over a dropped answer) runs against
 * the real app in marketplace-api's CliLinkedPurchaseTest.
 */
@Timeout(180)
class LinkedPurchaseTest {
  @TempDir Path tmp;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void network() {
    NetworkFixture.start();
  }

  static LinkedPurchase.Terms terms(Ed25519KeyPair buyer, long expires) {
    return new LinkedPurchase.Terms(NetworkFixture.listingId, "BUY", 1, NetworkFixture.PRICE, buyer.address().toString(),
        expires);
  }

  /** What PurchaseService.transactionFor builds for the quote. */
  static byte[] serverBytes(Ed25519KeyPair buyer, long nonce, long expires, TxKind kind) {
    return TxCodec.encode(new TransactionData(buyer.address().toString(), nonce, expires, kind));
  }

  static HttpResponse<String> postToLedger(String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(NetworkFixture.ledgerUrl() + "/v1/transactions"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theSignedBodyIsWhatTheLedgerExecutesOnceAndThePassIsTheKeys() throws Exception {
    Ed25519KeyPair buyer = Ed25519KeyPair.generate();
    NetworkFixture.ledger.ledger().faucet(buyer.address(), 20 * Wal.FROST_PER_WAL);
    long expires = System.currentTimeMillis() + 300_000;
    byte[] bytes = serverBytes(buyer, 0x1234_5678_9abcL, expires, new TxKind.Buy(NetworkFixture.listingId, NetworkFixture.PRICE));

    String body = LinkedPurchase.sign(buyer, bytes, terms(buyer, expires));
    HttpResponse<String> r = postToLedger(body);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode receipt = Market.json().readTree(r.body());
    String pass = receipt.path("createdObjects").get(0).asText();
    AccessPass p = (AccessPass) NetworkFixture.ledger.ledger().object(pass).orElseThrow().object();
    assertEquals(buyer.address().toString(), p.owner());
    assertEquals(NetworkFixture.listingId, p.listingId());
    long after = NetworkFixture.ledger.ledger().balance(buyer.address());
    assertEquals(20 * Wal.FROST_PER_WAL - NetworkFixture.PRICE, after, "paid once");

    // the same signed body again (a retry after a lost answer) is refused and charges nothing
    HttpResponse<String> again = postToLedger(body);
    assertNotEquals(200, again.statusCode(), again.body());
    assertEquals(after, NetworkFixture.ledger.ledger().balance(buyer.address()));
  }

  @Test
  void bytesThatAreNotTheQuotedPurchaseAreNeverSigned() {
    Ed25519KeyPair buyer = Ed25519KeyPair.generate();
    long expires = System.currentTimeMillis() + 300_000;
    String listing = NetworkFixture.listingId;
    String other = "0x" + "ab".repeat(32);
    long price = NetworkFixture.PRICE;
    List<byte[]> bad = new ArrayList<>();
    bad.add(serverBytes(buyer, 1, expires, new TxKind.Buy(other, price)));                   // listing
    bad.add(serverBytes(buyer, 1, expires, new TxKind.Buy(listing, price + 1)));             // price
    bad.add(serverBytes(Ed25519KeyPair.generate(), 1, expires, new TxKind.Buy(listing, price))); // sender
    bad.add(serverBytes(buyer, 1, expires, new TxKind.Rent(listing, 1, price)));             // kind
    bad.add(serverBytes(buyer, 1, expires + 1, new TxKind.Buy(listing, price)));             // outlives the quote
    bad.add(serverBytes(buyer, 1, 0, new TxKind.Buy(listing, price)));                       // never expires
    bad.add(serverBytes(buyer, 1, expires, new TxKind.Transfer(other, price)));              // not a purchase
    bad.add("junk".getBytes(StandardCharsets.UTF_8));
    for (byte[] b : bad) {
      CliError e = assertThrows(CliError.class, () -> LinkedPurchase.sign(buyer, b, terms(buyer, expires)));
      assertEquals("TRANSACTION_MISMATCH", e.code());
      assertTrue(e.getMessage().contains("nothing was signed"), e.getMessage());
    }
    // a rent quote checks the periods too
    LinkedPurchase.Terms rent = new LinkedPurchase.Terms(listing, "RENT", 3, price, buyer.address().toString(), expires);
    assertEquals("TRANSACTION_MISMATCH", assertThrows(CliError.class, () -> LinkedPurchase.sign(buyer,
        serverBytes(buyer, 1, expires, new TxKind.Rent(listing, 2, price)), rent)).code());
    assertTrue(LinkedPurchase.sign(buyer, serverBytes(buyer, 1, expires, new TxKind.Rent(listing, 3, price)), rent)
        .contains("\"signature\""));
  }

  @Test
  void aLinkedAddressWhoseKeyIsNotHereIsWalletKeyMissing() throws Exception {
    Ed25519KeyPair linked = Ed25519KeyPair.generate();
    Path none = tmp.resolve("absent.key");
    Path other = tmp.resolve("other.key");
    Files.writeString(other, Ed25519KeyPair.generate().toSuiPrivateKey() + "\n");
    Path junk = tmp.resolve("junk.key");
    Files.writeString(junk, "not a key");
    Function<Path, String> code = p -> assertThrows(CliError.class,
        () -> LinkedPurchase.key(p, linked.address().toString())).code();
    assertEquals("WALLET_KEY_MISSING", code.apply(none));
    assertEquals("WALLET_KEY_MISSING", code.apply(other));
    assertEquals("WALLET_KEY_MISSING", code.apply(junk));
    Path mine = tmp.resolve("mine.key");
    Files.writeString(mine, linked.toSuiPrivateKey() + "\n");
    assertEquals(linked.address(), LinkedPurchase.key(mine, linked.address().toString()).address());
  }

  @Test
  void aLostConnectionIsRetriedWithTheSameCallAndOtherErrorsAreNot() {
    int[] calls = {0};
    JsonNode ok = Market.json().createObjectNode().put("ok", true);
    assertEquals(ok, Purchases.retrying(() -> {
      if (++calls[0] < Purchases.ATTEMPTS) {
        throw new CliError("UNREACHABLE", "connection reset");
      }
      return ok;
    }));
    assertEquals(Purchases.ATTEMPTS, calls[0]);
    calls[0] = 0;
    assertEquals("PRICE_CHANGED", assertThrows(CliError.class, () -> Purchases.retrying(() -> {
      calls[0]++;
      throw new CliError("PRICE_CHANGED", "no");
    })).code());
    assertEquals(1, calls[0], "a refusal is not retried");
  }
}
