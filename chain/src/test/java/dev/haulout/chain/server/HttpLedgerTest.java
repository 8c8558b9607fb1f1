package dev.haulout.chain.server;

import static dev.haulout.chain.TestLedgers.sign;
import static dev.haulout.chain.TestLedgers.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haulout.chain.AccessIdentity;
import dev.haulout.chain.ChainEvent;
import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.SignedTransaction;
import dev.haulout.chain.TestLedgers;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.Wal;
import dev.haulout.chain.adapter.json.LedgerJson;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.AccessPass;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.tx.TxKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpLedgerTest {
  static final long WAL = Wal.FROST_PER_WAL;
  static PgOptions pg;
  static LedgerServer server;
  static HttpLedgerClient client;

  @BeforeAll
  static void start() {
    pg = TestLedgers.freshSchema("ledger_http");
    server = LedgerServer.start(LedgerServerOptions.defaults().withPg(pg));
    client = HttpLedgerClient.create(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
    TestLedgers.dropSchema(pg);
  }

  @Test
  void walletFlowWorksOverHttp() {
    Ed25519KeyPair a = Ed25519KeyPair.generate();
    Ed25519KeyPair b = Ed25519KeyPair.generate();
    client.faucet(a.address(), 10 * WAL);
    TxReceipt r = client.submit(sign(a, new TxKind.Transfer(b.address().toString(), 4 * WAL)));
    assertEquals("CoinTransferred", r.events().get(0).type());
    assertEquals(6 * WAL, client.balance(a.address()));
    assertEquals(4 * WAL, client.balance(b.address()));
    assertTrue(client.audit().ok());
  }

  @Test
  void marketplaceAndAccessOverHttp() throws Exception {
    Ed25519KeyPair seller = Ed25519KeyPair.generate();
    Ed25519KeyPair buyer = Ed25519KeyPair.generate();
    client.faucet(seller.address(), 1);
    client.faucet(buyer.address(), 10 * WAL);
    String id = client.submit(sign(seller, new TxKind.CreateListing(spec(2 * WAL, 0, 0, null)))).createdObjects().get(0);
    Listing l = (Listing) client.object(id).orElseThrow().object();
    assertEquals(seller.address().toString(), l.seller());
    byte[] identity = AccessIdentity.innerId(id, new byte[] {1, 2, 3});
    assertFalse(client.evaluateAccess(identity, buyer.address(), Instant.now()).allowed());
    List<ChainEvent> streamed = new CopyOnWriteArrayList<>();
    long from = client.events(0, 1000).stream().mapToLong(ChainEvent::seq).max().orElse(0);
    AutoCloseable sub = client.subscribe(from, streamed::add);
    try {
      String pass = client.submit(sign(buyer, new TxKind.Buy(id, 2 * WAL))).createdObjects().get(0);
      assertTrue(client.ownedObjects(buyer.address(), "AccessPass").stream()
          .anyMatch(v -> v.object() instanceof AccessPass p && p.id().equals(pass)));
      assertEquals("ACCESS_PASS", client.evaluateAccess(identity, buyer.address(), Instant.now()).reason());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (streamed.stream().noneMatch(e -> e.type().equals("AccessPassIssued")) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } finally {
      sub.close();
    }
    assertTrue(streamed.stream().anyMatch(e -> e.type().equals("AccessPassIssued")), streamed.toString());
    assertTrue(client.object("0x" + "ee".repeat(32)).isEmpty());
  }

  @Test
  void errorsAreStableCodesWithoutStackTraces() throws Exception {
    Ed25519KeyPair a = Ed25519KeyPair.generate();
    SignedTransaction tx = sign(a, new TxKind.Transfer(a.address().toString(), WAL));
    LedgerException e = assertThrows(LedgerException.class, () -> client.submit(tx));
    assertEquals(ErrorCode.INSUFFICIENT_BALANCE, e.code());
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/transactions"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"txBytes\":\"AQID\",\"signature\":\"x\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(400, res.statusCode());
    JsonNode body = LedgerJson.tree(res.body());
    assertEquals("MALFORMED_TRANSACTION", body.get("error").asText());
    assertFalse(res.body().contains("at dev.haulout"));
    HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/transactions"))
        .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, bad.statusCode());
    assertEquals("INVALID_ARGUMENT", LedgerJson.tree(bad.body()).get("error").asText());
    HttpResponse<String> nf = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/nope")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(404, nf.statusCode());
    HttpResponse<String> badAddr = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
        + "/v1/accounts/0xzz/balance")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, badAddr.statusCode());
    assertEquals("INVALID_ARGUMENT", LedgerJson.tree(badAddr.body()).get("error").asText());
  }
}
