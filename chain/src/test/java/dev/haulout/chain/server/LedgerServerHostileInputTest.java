package dev.haulout.chain.server;

import static dev.haulout.chain.TestLedgers.sign;
import static dev.haulout.chain.TestLedgers.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haulout.walrus.ShardGeometry;
import dev.haulout.chain.BlsTestKeys;
import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.TestLedgers;
import dev.haulout.chain.Wal;
import dev.haulout.chain.adapter.json.LedgerJson;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.ListingLimits;
import dev.haulout.chain.model.SystemState;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.walrus.BlobId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A ledger server started on its own, with {@link LedgerServerOptions#defaults()} (the real BLS
 * check), against hostile HTTP input (issue #18): each refusal has its stable code, the server stays
 * healthy and nothing stored changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerServerHostileInputTest {
  private static final long WAL = Wal.FROST_PER_WAL;
  private static final int SHARDS = 10;
  private PgOptions pg;
  private LedgerServer server;
  private HttpLedgerClient client;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  void start() {
    pg = TestLedgers.freshSchema("ledger_hostile");
    server = LedgerServer.start(LedgerServerOptions.defaults().withPg(pg)
        .withConfig(LedgerConfig.localnet().withNShards(SHARDS)).withEpochCheckMs(0));
    client = HttpLedgerClient.create(server.baseUrl());
  }

  @AfterAll
  void stop() {
    client.close();
    server.close();
    TestLedgers.dropSchema(pg);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void healthy() throws Exception {
    HttpResponse<String> h = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, h.statusCode());
    assertTrue(client.audit().ok(), "audit after hostile input");
  }

  private static void code(int status, ErrorCode code, HttpResponse<String> r) {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode n = LedgerJson.tree(r.body());
    assertEquals(code.name(), n.path("error").asText(), r.body());
    assertTrue(!r.body().contains("Exception") && !r.body().contains("\tat "), "no stack trace: " + r.body());
  }

  @Test
  void faucetAcceptsOnlyAJsonIntegerInRange() throws Exception {
    Ed25519KeyPair k = Ed25519KeyPair.generate();
    String a = k.address().toString();
    for (String amount : List.of("18446744073709551716", "9223372036854775808", "\"100\"", "1.9", "100.0", "1e2",
        "true", "null", "[100]", "{\"v\":100}")) {
      code(400, ErrorCode.INVALID_AMOUNT, post("/v1/faucet", "{\"address\":\"" + a + "\",\"amountFrost\":" + amount + "}"));
    }
    code(400, ErrorCode.INVALID_AMOUNT, post("/v1/faucet", "{\"address\":\"" + a + "\"}"));
    code(400, ErrorCode.INVALID_AMOUNT, post("/v1/faucet", "{\"address\":\"" + a + "\",\"amountFrost\":-5}"));
    assertEquals(0, client.balance(k.address()), "no refused faucet call minted anything (2^64+100 did not wrap to 100)");
    healthy();
    assertEquals(200, post("/v1/faucet", "{\"address\":\"" + a + "\",\"amountFrost\":100}").statusCode());
    assertEquals(100, client.balance(k.address()));
  }

  @Test
  void chunkedBodyIsCutOffAtTheLimitWith413() throws Exception {
    long total = 300L << 20;
    AtomicLong written = new AtomicLong();
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      out.write(("POST /v1/transactions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      Thread writer = new Thread(() -> {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        try {
          while (written.get() < total) {
            out.write(head);
            out.write(chunk);
            out.write(crlf);
            written.addAndGet(chunk.length);
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
          // the server closed the connection: expected once it has answered 413
        }
      }, "chunked-writer");
      writer.setDaemon(true);
      writer.start();
      s.setSoTimeout(60_000);
      byte[] buf = new byte[8192];
      int n;
      try {
        while ((n = in.read(buf)) > 0) {
          response.write(buf, 0, n);
        }
      } catch (IOException e) {
        // a reset after the response is fine
      }
      writer.join(60_000);
    }
    String res = response.toString(StandardCharsets.UTF_8);
    assertTrue(res.startsWith("HTTP/1.1 413"), res);
    assertTrue(res.contains("\"error\":\"" + ErrorCode.BODY_TOO_LARGE.name() + "\""), res);
    // the server stopped reading at the limit: only socket buffers' worth beyond 1 MiB got through
    assertTrue(written.get() < 64L << 20, "client could write " + (written.get() >> 20) + " MiB of 300");
    healthy();
    // declared too long: answered from the headers alone, before any byte of the body
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(60_000);
      s.getOutputStream().write(("POST /v1/faucet HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 314572800\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 413", head);
    }
    code(400, ErrorCode.INVALID_ARGUMENT, post("/v1/transactions", "{\"txBytes\":1}"));
    healthy();
  }

  @Test
  void aHugeSchemaSummaryIsRefusedAtTheLedgerAndAtTheDoor() throws Exception {
    Ed25519KeyPair seller = Ed25519KeyPair.generate();
    client.faucet(seller.address(), 10 * WAL);
    long seqBefore = lastSeq(client);
    dev.haulout.chain.model.ListingSpec s = spec(WAL, 0, 0, null);
    dev.haulout.chain.model.ListingSpec huge = new dev.haulout.chain.model.ListingSpec(s.blobId(), s.sealedKeyRef(),
        s.title(), s.description(), s.tags(), s.license(), s.sizeBytes(), s.format(), "x".repeat(2_400_000),
        s.previewRef(), s.buyPriceFrost(), 0, 0, null);
    LedgerException http413 = assertThrows(LedgerException.class, () -> client.submit(sign(seller, new TxKind.CreateListing(huge))));
    assertEquals(ErrorCode.BODY_TOO_LARGE, http413.code());
    LedgerException embedded = assertThrows(LedgerException.class,
        () -> server.ledger().submit(sign(seller, new TxKind.CreateListing(huge))));
    // over BCS's 1 MiB vector bound the bytes do not even decode
    assertEquals(ErrorCode.MALFORMED_TRANSACTION, embedded.code(), embedded.getMessage());
    dev.haulout.chain.model.ListingSpec big = new dev.haulout.chain.model.ListingSpec(s.blobId(), s.sealedKeyRef(),
        s.title(), s.description(), s.tags(), s.license(), s.sizeBytes(), s.format(),
        "x".repeat(ListingLimits.MAX_SCHEMA_SUMMARY + 1), s.previewRef(), s.buyPriceFrost(), 0, 0, null);
    LedgerException tooLong = assertThrows(LedgerException.class, () -> client.submit(sign(seller, new TxKind.CreateListing(big))));
    assertEquals(ErrorCode.FIELD_TOO_LONG, tooLong.code(), tooLong.getMessage());
    assertEquals(seqBefore, lastSeq(client), "no event stored");
    assertEquals(10 * WAL, client.balance(seller.address()));
    healthy();
  }

  private static long lastSeq(Ledger l) {
    long after = 0;
    for (List<dev.haulout.chain.ChainEvent> p = l.events(0, 1000); !p.isEmpty(); p = l.events(after, 1000)) {
      after = p.get(p.size() - 1).seq();
    }
    return after;
  }

  /**
   * The default verifier of a standalone server is the real BLS check: a forged certificate whose
   * signer weights add up to a quorum is refused, and only the true aggregate certifies.
   */
  @Test
  void standaloneServerRefusesAForgedCertificate() throws Exception {
    Map<String, BlsTestKeys> keyOf = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      BlsTestKeys bls = new BlsTestKeys("hostile-node-" + i);
      keyOf.put(bls.publicKeyBase64(), bls);
      Ed25519KeyPair n = Ed25519KeyPair.generate();
      client.faucet(n.address(), 1000 * WAL);
      client.submit(sign(n, new TxKind.RegisterNode("node-" + i, bls.publicKeyBase64(), (4 - i) * 100 * WAL, 100_000, 20_000)));
    }
    client.advanceEpoch();
    SystemState sys = client.systemState();
    Ed25519KeyPair user = Ed25519KeyPair.generate();
    client.faucet(user.address(), 100 * WAL);
    long size = 10_000;
    long encoded = ShardGeometry.forShards(SHARDS).encodedLength(size);
    String storage = client.submit(sign(user, new TxKind.BuyStorage(encoded, 2))).createdObjects().get(0);
    byte[] root = new byte[32];
    root[5] = 42;
    byte[] blobId = BlobId.derive(1, size, root).toBytes();
    String blobObj = client.submit(sign(user, new TxKind.RegisterBlob(storage, blobId, root, size, 1, false)))
        .createdObjects().get(0);
    Blob blob = (Blob) client.object(blobObj).orElseThrow().object();
    List<Integer> all = List.of(0, 1, 2);
    List<BlsTestKeys> signers = new ArrayList<>();
    all.forEach(i -> signers.add(keyOf.get(sys.committee().get(i).blsPublicKey())));
    byte[] message = blob.certificationMessage(sys.epoch());
    byte[] otherEpoch = blob.certificationMessage(sys.epoch() + 1);
    List<byte[]> forged = List.of(
        new byte[96],
        BlsTestKeys.aggregate(signers, otherEpoch),
        BlsTestKeys.aggregate(List.of(new BlsTestKeys("mallory-1"), new BlsTestKeys("mallory-2"), new BlsTestKeys("mallory-3")), message),
        BlsTestKeys.aggregate(signers.subList(0, 2), message));
    for (byte[] sig : forged) {
      LedgerException e = assertThrows(LedgerException.class,
          () -> client.submit(sign(user, new TxKind.CertifyBlob(blobObj, all, sig))));
      assertEquals(ErrorCode.INVALID_CERTIFICATE, e.code(), e.getMessage());
    }
    assertEquals(null, ((Blob) client.object(blobObj).orElseThrow().object()).certifiedEpoch(), "not certified");
    healthy();
    client.submit(sign(user, new TxKind.CertifyBlob(blobObj, all, BlsTestKeys.aggregate(signers, message))));
    assertNotNull(((Blob) client.object(blobObj).orElseThrow().object()).certifiedEpoch());
    assertTrue(ListingLimits.MAX_EVENT_BYTES < 1 << 20);
  }

  /** Routing refusals (the shared http-kit router) come back in the ledger's {error, message} shape, never Vert.x Web's pages. */
  @Test
  void unknownRoutesWrongMethodsAndMalformedPathsAnswerInTheLedgersShape() throws Exception {
    HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/nowhere")).build(),
        HttpResponse.BodyHandlers.ofString());
    code(404, ErrorCode.NOT_FOUND, none);
    assertTrue(none.body().contains("no route GET /v1/nowhere"), none.body());
    // a known path with the wrong method is a 404 NOT_FOUND as before (not the framework's 405)
    code(404, ErrorCode.NOT_FOUND, http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/system"))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString()));
    code(404, ErrorCode.NOT_FOUND, post("/v1/health", "{}"));
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write("GET /v1/objects/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      String res = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(res.startsWith("HTTP/1.1 400"), res);
      assertTrue(res.contains("\"error\":\"" + ErrorCode.INVALID_ARGUMENT.name() + "\""), res);
    }
    healthy();
  }
}
