package dev.haulout.chain.server;

import static dev.haulout.chain.TestLedgers.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.ChainEvent;
import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.MutableClock;
import dev.haulout.chain.TestLedgers;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.chain.adapter.pg.PgLedger;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.KeyServer;
import dev.haulout.chain.model.ListingLimits;
import dev.haulout.chain.tx.TxKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code RegisterKeyServer} / {@code UpdateKeyServer} and {@code Ledger.keyServers()} on the
 * PostgreSQL ledger and through {@link LedgerServer} + {@link HttpLedgerClient} ({@code GET
 * /v1/key-servers}): both adapters answer the same list, and refusals carry the same codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyServerRegistryTest {
  private static final String PK = "a1".repeat(KeyServer.PUBLIC_KEY_BYTES);
  private PgOptions options;
  private PgLedger pg;
  private LedgerServer server;
  private HttpLedgerClient http;

  @BeforeAll
  void open() {
    options = TestLedgers.freshSchema("keyservers");
    pg = PgLedger.open(options, LedgerConfig.localnet(), new MutableClock(1_700_000_000_000L), BlsCertificates.verifier());
    server = LedgerServer.serve(pg, "127.0.0.1", 0);
    http = HttpLedgerClient.create(server.baseUrl());
  }

  @AfterAll
  void close() {
    server.close();
    pg.close();
    TestLedgers.dropSchema(options);
  }

  /** By name: JUnit would close an AutoCloseable argument after each case. */
  Stream<String> ledgers() {
    return Stream.of("pg", "http");
  }

  private Ledger ledger(String name) {
    return name.equals("pg") ? pg : http;
  }

  private static void code(ErrorCode expected, Runnable r) {
    LedgerException e = assertThrows(LedgerException.class, r::run);
    assertEquals(expected, e.code(), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("ledgers")
  void registeredKeyServerIsAnObjectListedWithItsFieldsAndAnEvent(String adapter) {
    Ledger ledger = ledger(adapter);
    Ed25519KeyPair op = Ed25519KeyPair.generate();
    TxReceipt r = ledger.submit(sign(op, new TxKind.RegisterKeyServer("ks-a", "http://127.0.0.1:9501",
        "0x" + PK.toUpperCase(), 3)));
    assertEquals(1, r.createdObjects().size());
    String id = r.createdObjects().get(0);
    KeyServer expected = new KeyServer(id, op.address().toString(), "ks-a", "http://127.0.0.1:9501", PK, 3);
    assertEquals(expected, ledger.object(id).orElseThrow().object(), "key stored lower-case without 0x");
    assertTrue(pg.keyServers().contains(expected));
    assertEquals(pg.keyServers(), http.keyServers(), "both adapters list the same servers");
    List<String> ids = pg.keyServers().stream().map(KeyServer::id).toList();
    assertEquals(ids.stream().sorted().toList(), ids, "ordered by object id");
    ChainEvent e = r.events().get(0);
    assertEquals("KeyServerRegistered", e.type());
    assertEquals("haulout.keyServerRegistered.v1", e.schema());
    assertEquals(id, e.objectId());
    assertEquals(PK, e.body().get("publicKey"));
    assertEquals("http://127.0.0.1:9501", e.body().get("url"));
  }

  @ParameterizedTest
  @MethodSource("ledgers")
  void onlyTheOwnerMovesAKeyServerToANewUrl(String adapter) {
    Ledger ledger = ledger(adapter);
    Ed25519KeyPair op = Ed25519KeyPair.generate();
    String id = ledger.submit(sign(op, new TxKind.RegisterKeyServer("ks-b", "http://127.0.0.1:1", PK, 1)))
        .createdObjects().get(0);
    code(ErrorCode.NOT_OWNER, () -> ledger.submit(sign(Ed25519KeyPair.generate(), new TxKind.UpdateKeyServer(id,
        "http://evil.example/"))));
    TxReceipt r = ledger.submit(sign(op, new TxKind.UpdateKeyServer(id, "https://ks.example.org:8443/seal")));
    assertEquals(List.of(id), r.mutatedObjects());
    assertEquals("KeyServerUpdated", r.events().get(0).type());
    assertEquals(2, r.events().get(0).version());
    KeyServer now = (KeyServer) ledger.object(id).orElseThrow().object();
    assertEquals("https://ks.example.org:8443/seal", now.url());
    assertEquals(PK, now.publicKey(), "only the url changes");
    code(ErrorCode.INVALID_URL, () -> ledger.submit(sign(op, new TxKind.UpdateKeyServer(id, "ftp://x/"))));
    code(ErrorCode.OBJECT_NOT_FOUND, () -> ledger.submit(sign(op, new TxKind.UpdateKeyServer("0x" + "77".repeat(32),
        "http://x/"))));
  }

  @Test
  void updatingSomethingThatIsNotAKeyServerIsRefused() {
    Ed25519KeyPair op = Ed25519KeyPair.generate();
    pg.faucet(op.address(), 10_000_000_000L);
    String pool = pg.submit(sign(op, new TxKind.RegisterNode("node", "pk", 0, 1, 1))).createdObjects().get(0);
    code(ErrorCode.WRONG_OBJECT_TYPE, () -> pg.submit(sign(op, new TxKind.UpdateKeyServer(pool, "http://x/"))));
  }

  @ParameterizedTest
  @MethodSource("ledgers")
  void malformedRegistrationsAreRefusedWithStableCodesAndChangeNothing(String adapter) {
    Ledger ledger = ledger(adapter);
    Ed25519KeyPair op = Ed25519KeyPair.generate();
    int before = pg.keyServers().size();
    String tooLongUrl = "http://h/" + "p".repeat(KeyServer.MAX_URL - 8);
    for (String url : List.of("", "ftp://h/", "127.0.0.1:9500", "http:///path", "http://u:p@h/", "http://h/?q=1",
        "http://h/#f", "http://h /", tooLongUrl, "javascript:alert(1)")) {
      code(ErrorCode.INVALID_URL, () -> ledger.submit(sign(op, new TxKind.RegisterKeyServer("ks", url, PK, 1))));
    }
    code(ErrorCode.INVALID_TEXT, () -> ledger.submit(sign(op, new TxKind.RegisterKeyServer("ks", "http://h/\u0007", PK, 1))));
    for (String key : List.of("", PK.substring(2), PK + "00", "zz" + PK.substring(2), "0x")) {
      code(ErrorCode.INVALID_PUBLIC_KEY, () -> ledger.submit(sign(op, new TxKind.RegisterKeyServer("ks", "http://h/", key, 1))));
    }
    for (int w : new int[] {0, KeyServer.MAX_WEIGHT + 1, Integer.MAX_VALUE}) {
      code(ErrorCode.INVALID_WEIGHT, () -> ledger.submit(sign(op, new TxKind.RegisterKeyServer("ks", "http://h/", PK, w))));
    }
    code(ErrorCode.INVALID_TEXT, () -> ledger.submit(sign(op, new TxKind.RegisterKeyServer("  ", "http://h/", PK, 1))));
    code(ErrorCode.INVALID_TEXT, () -> ledger.submit(sign(op, new TxKind.RegisterKeyServer("ks\n", "http://h/", PK, 1))));
    code(ErrorCode.FIELD_TOO_LONG, () -> ledger.submit(sign(op, new TxKind.RegisterKeyServer(
        "n".repeat(ListingLimits.MAX_NODE_NAME + 1), "http://h/", PK, 1))));
    assertEquals(before, pg.keyServers().size(), "nothing registered");
    // the largest url and weight allowed are accepted
    String longest = "http://h/" + "p".repeat(KeyServer.MAX_URL - 9);
    String id = ledger.submit(sign(op, new TxKind.RegisterKeyServer("ks", longest, PK, KeyServer.MAX_WEIGHT)))
        .createdObjects().get(0);
    assertEquals(longest, ((KeyServer) ledger.object(id).orElseThrow().object()).url());
  }

  @Test
  void httpListIsTheDocumentedJson() throws Exception {
    Ed25519KeyPair op = Ed25519KeyPair.generate();
    String id = pg.submit(sign(op, new TxKind.RegisterKeyServer("ks-json", "http://127.0.0.1:9", PK, 7)))
        .createdObjects().get(0);
    HttpResponse<String> res = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/key-servers")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, res.statusCode());
    var json = dev.haulout.chain.adapter.json.LedgerJson.tree(res.body());
    assertTrue(json.get("keyServers").isArray());
    assertEquals(pg.keyServers().size(), json.get("keyServers").size());
    var entry = java.util.stream.StreamSupport.stream(json.get("keyServers").spliterator(), false)
        .filter(n -> n.get("objectId").asText().equals(id)).findFirst().orElseThrow();
    assertEquals(op.address().toString(), entry.get("owner").asText());
    assertEquals("ks-json", entry.get("name").asText());
    assertEquals("http://127.0.0.1:9", entry.get("url").asText());
    assertEquals(PK, entry.get("publicKey").asText());
    assertEquals(7, entry.get("weight").asInt());
    assertEquals(6, entry.size(), "objectId, owner, name, url, publicKey, weight");
  }
}
