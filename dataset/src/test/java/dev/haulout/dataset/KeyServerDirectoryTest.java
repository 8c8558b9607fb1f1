package dev.haulout.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.MutableClock;
import dev.haulout.chain.TestLedgers;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.chain.adapter.pg.PgLedger;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.seal.client.KeyServerClient;
import dev.haulout.seal.client.SealKeyClient;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.policy.AddressAllowlistPolicy;
import dev.haulout.seal.server.EmbeddedKeyServers;
import dev.haulout.wire.Hex;
import dev.haulout.wire.SuiAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key-server directory read from a real PostgreSQL ledger, and from a hostile one over HTTP. */
class KeyServerDirectoryTest {
  private static final SecureRandom RNG = new SecureRandom();
  private static final SuiAddress PKG = SuiAddress.parse("0x" + "5e".repeat(32));
  private PgOptions options;
  private PgLedger ledger;

  @BeforeEach
  void open() {
    options = TestLedgers.freshSchema("ks_directory");
    ledger = PgLedger.open(options, LedgerConfig.localnet(), new MutableClock(1_700_000_000_000L), BlsCertificates.verifier());
  }

  @AfterEach
  void close() {
    ledger.close();
    TestLedgers.dropSchema(options);
  }

  private String register(Ed25519KeyPair op, String name, String url, String pkHex, int weight) {
    return ledger.submit(TestLedgers.sign(op, new TxKind.RegisterKeyServer(name, url, pkHex, weight)))
        .createdObjects().get(0);
  }

  private static String hex(MasterKeyPair k) {
    return Hex.encode(k.publicKey().toBytes());
  }

  @Test
  void listsTheLedgersKeyServersWithWeightsAndTheirServersProveTheLedgerIds() throws Exception {
    Ed25519KeyPair op = Ed25519KeyPair.generate();
    List<MasterKeyPair> keys = List.of(MasterKeyPair.generate(RNG), MasterKeyPair.generate(RNG), MasterKeyPair.generate(RNG));
    List<SuiAddress> ids = KeyServerRegistration.ensureRegistered(ledger, op, List.of(
        new KeyServerRegistration.Spec("ks-0", keys.get(0).publicKey().toBytes(), "http://127.0.0.1/", 1),
        new KeyServerRegistration.Spec("ks-1", keys.get(1).publicKey().toBytes(), "http://127.0.0.1/", 2),
        new KeyServerRegistration.Spec("ks-2", keys.get(2).publicKey().toBytes(), "http://127.0.0.1/", 1)));
    try (EmbeddedKeyServers servers = EmbeddedKeyServers.start(keys, ids, PKG, AddressAllowlistPolicy.allowAll())) {
      Map<SuiAddress, String> urls = servers.handles().stream()
          .collect(Collectors.toMap(h -> h.objectId(), h -> h.url()));
      assertEquals(3, KeyServerRegistration.publishUrls(ledger, op, urls));

      KeyServerDirectory dir = KeyServerDirectory.load(ledger);
      assertEquals(List.of(), dir.rejected());
      assertEquals(Set.copyOf(ids), dir.weights().keySet());
      assertEquals(2, dir.weights().get(ids.get(1)));
      assertEquals(4, dir.totalWeight());
      for (int i = 0; i < 3; i++) {
        var e = dir.byId(ids.get(i)).orElseThrow();
        assertEquals(keys.get(i).publicKey(), e.info().publicKey());
        assertEquals(servers.get(i).url(), e.info().url().toString(), "the url the server listens on now");
        assertEquals("ks-" + i, e.name());
        assertEquals(op.address().toString(), e.owner());
        // the id on the ledger is the id the server serves: its /v1/service proof verifies for it
        assertTrue(new KeyServerClient(e.info(), KeyServerClient.defaultHttpClient(Duration.ofSeconds(5)),
            Duration.ofSeconds(5)).verifyProofOfPossession().get(), "PoP for " + e.info().objectId());
      }
      SealKeyClient.create(dir.servers()); // no duplicate ids
    }
  }

  @Test
  void leavesOutBadPointsAndRepeatedKeysAndFiltersByOwner() {
    Ed25519KeyPair op = Ed25519KeyPair.generate();
    Ed25519KeyPair other = Ed25519KeyPair.generate();
    MasterKeyPair k = MasterKeyPair.generate(RNG);
    MasterKeyPair shared = MasterKeyPair.generate(RNG);
    String good = register(op, "good", "https://ks.example.org/", hex(k), 3);
    String notAPoint = register(op, "bad", "http://h/", "00".repeat(96), 1);
    String dup1 = register(op, "dup", "http://h/", hex(shared), 1);
    String dup2 = register(other, "squatter", "http://evil/", hex(shared), 1);

    KeyServerDirectory all = KeyServerDirectory.load(ledger);
    assertEquals(List.of(SuiAddress.parse(good)), List.copyOf(all.weights().keySet()));
    Map<String, KeyServerDirectory.Reason> why = all.rejected().stream()
        .collect(Collectors.toMap(KeyServerDirectory.Rejected::objectId, KeyServerDirectory.Rejected::reason));
    assertEquals(Map.of(notAPoint, KeyServerDirectory.Reason.BAD_PUBLIC_KEY,
        dup1, KeyServerDirectory.Reason.DUPLICATE_PUBLIC_KEY, dup2, KeyServerDirectory.Reason.DUPLICATE_PUBLIC_KEY), why);

    // restricted to the operator, the squatter's copy no longer hides the operator's server
    KeyServerDirectory mine = KeyServerDirectory.load(ledger, Set.of(op.address()));
    assertEquals(Set.of(SuiAddress.parse(good), SuiAddress.parse(dup1)), mine.weights().keySet());
    assertTrue(KeyServerDirectory.load(ledger, Set.of(Ed25519KeyPair.generate().address())).isEmpty());
  }

  @Test
  void registrationIsIdempotentPerOperatorAndKey() {
    Ed25519KeyPair op = Ed25519KeyPair.generate();
    MasterKeyPair k0 = MasterKeyPair.generate(RNG);
    MasterKeyPair k1 = MasterKeyPair.generate(RNG);
    List<KeyServerRegistration.Spec> specs = List.of(
        new KeyServerRegistration.Spec("ks-0", k0.publicKey().toBytes(), "http://127.0.0.1:9501", 1),
        new KeyServerRegistration.Spec("ks-1", k1.publicKey().toBytes(), "http://127.0.0.1:9502", 1));
    List<SuiAddress> first = KeyServerRegistration.ensureRegistered(ledger, op, specs);
    assertEquals(2, Set.copyOf(first).size());
    List<SuiAddress> again = KeyServerRegistration.ensureRegistered(ledger, op, specs);
    assertEquals(first, again, "same keys, same operator: same objects");
    assertEquals(2, ledger.keyServers().size(), "no second object");
    assertEquals(0, KeyServerRegistration.publishUrls(ledger, op, Map.of(first.get(0), "http://127.0.0.1:9501")));
    assertEquals(1, KeyServerRegistration.publishUrls(ledger, op, Map.of(first.get(0), "http://127.0.0.1:9600")));
    assertEquals("http://127.0.0.1:9600", KeyServerDirectory.load(ledger).byId(first.get(0)).orElseThrow().info().url().toString());
    // another operator's registration of the same key is its own object (and only it can move it)
    Ed25519KeyPair other = Ed25519KeyPair.generate();
    List<SuiAddress> theirs = KeyServerRegistration.ensureRegistered(ledger, other, specs.subList(0, 1));
    assertTrue(!first.contains(theirs.get(0)));
    assertEquals(0, KeyServerRegistration.publishUrls(ledger, other, Map.of(first.get(1), "http://x/")));
  }

  /** A ledger over HTTP that lists entries no honest ledger would: each is refused alone. */
  @Test
  void malformedEntriesFromAnotherLedgerAreRefusedOneByOne() throws Exception {
    MasterKeyPair k = MasterKeyPair.generate(RNG);
    String okId = "0x" + "0a".repeat(32);
    String body = "{\"keyServers\":["
        + entry(okId, "\"http://127.0.0.1:1/\"", "\"" + hex(k) + "\"", "1") + ","
        + entry("\"0x12\"".replace("\"", ""), "\"http://h/\"", "\"" + hex(k) + "\"", "1") + ","
        + entry("0x" + "0b".repeat(32), "\"ftp://h/\"", "\"" + Hex.encode(MasterKeyPair.generate(RNG).publicKey().toBytes()) + "\"", "1") + ","
        + entry("0x" + "0c".repeat(32), "42", "\"" + Hex.encode(MasterKeyPair.generate(RNG).publicKey().toBytes()) + "\"", "1") + ","
        + entry("0x" + "0d".repeat(32), "\"http://h/\"", "\"abc\"", "1") + ","
        + entry("0x" + "0e".repeat(32), "\"http://h/\"", "\"" + Hex.encode(MasterKeyPair.generate(RNG).publicKey().toBytes()) + "\"", "0") + ","
        + entry("0x" + "0f".repeat(32), "\"http://h/\"", "\"" + Hex.encode(MasterKeyPair.generate(RNG).publicKey().toBytes()) + "\"", "\"2\"")
        + "]}";
    HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fake.createContext("/v1/key-servers", ex -> {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    fake.start();
    try {
      KeyServerDirectory dir = KeyServerDirectory.load(HttpLedgerClient.create("http://127.0.0.1:" + fake.getAddress().getPort()));
      assertEquals(List.of(SuiAddress.parse(okId)), List.copyOf(dir.weights().keySet()));
      Map<String, KeyServerDirectory.Reason> why = dir.rejected().stream()
          .collect(Collectors.toMap(KeyServerDirectory.Rejected::objectId, KeyServerDirectory.Rejected::reason));
      assertEquals(Map.of("0x12", KeyServerDirectory.Reason.BAD_OBJECT_ID,
          "0x" + "0b".repeat(32), KeyServerDirectory.Reason.BAD_URL,
          "0x" + "0c".repeat(32), KeyServerDirectory.Reason.BAD_URL,
          "0x" + "0d".repeat(32), KeyServerDirectory.Reason.BAD_PUBLIC_KEY,
          "0x" + "0e".repeat(32), KeyServerDirectory.Reason.BAD_WEIGHT,
          "0x" + "0f".repeat(32), KeyServerDirectory.Reason.BAD_WEIGHT), why);
    } finally {
      fake.stop(0);
    }
  }

  private static String entry(String id, String urlJson, String pkJson, String weightJson) {
    return "{\"objectId\":\"" + id + "\",\"owner\":\"0x" + "01".repeat(32) + "\",\"name\":\"n\",\"url\":" + urlJson
        + ",\"publicKey\":" + pkJson + ",\"weight\":" + weightJson + "}";
  }
}
