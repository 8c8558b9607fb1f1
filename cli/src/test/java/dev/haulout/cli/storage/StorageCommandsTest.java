package dev.haulout.cli.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.server.LedgerServer;
import dev.haulout.chain.server.LedgerServerOptions;
import dev.haulout.cli.Haulout;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import dev.haulout.storage.embedded.EmbeddedStorageNetwork;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.sun.net.httpserver.HttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code haulout store} / {@code haulout read} against a real ledger server and embedded storage network. */
class StorageCommandsTest {
  static final int SHARDS = 40;
  static PgOptions pg;
  static LedgerServer ledger;
  static EmbeddedStorageNetwork net;
  static Ed25519KeyPair wallet = Ed25519KeyPair.generate();

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    pg = PgOptions.fromEnv("storage_cli_" + UUID.randomUUID().toString().substring(0, 8));
    ledger = LedgerServer.start(LedgerServerOptions.defaults().withPg(pg).withEpochCheckMs(0)
        .withConfig(LedgerConfig.localnet().withNShards(SHARDS)).withCertificates(BlsCertificates.verifier()));
    net = EmbeddedStorageNetwork.start(ledger.ledger(), EmbeddedNetworkOptions.defaults().withNodes(4)
        .withHealIntervalMs(0).withPublisher(0));
    ledger.ledger().faucet(wallet.address(), 100L * 1_000_000_000L);
  }

  @AfterAll
  static void stop() throws Exception {
    net.close();
    ledger.close();
    try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
         Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + pg.schema() + " CASCADE");
    }
  }

  record Result(int code, byte[] out, String err) {
    String text() {
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  static Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Haulout.run(args);
      System.out.flush();
      return new Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  Path file(byte[] data) throws Exception {
    Path f = dir.resolve("data-" + data.length + ".bin");
    Files.write(f, data);
    return f;
  }

  static String blobIdOf(Result r) {
    Matcher m = Pattern.compile("blob ID:\\s+(\\S+)").matcher(r.text());
    assertTrue(m.find(), r.text() + r.err());
    return m.group(1);
  }

  @Test
  void storePrintsTheBlobIdAndCostAndReadStreamsTheBytesBackWithRanges() throws Exception {
    byte[] data = new byte[200_000];
    new Random(1).nextBytes(data);
    Path key = dir.resolve("wallet.key");
    Files.writeString(key, wallet.toSuiPrivateKey());
    Result s = run("store", file(data).toString(), "--epochs", "2", "--ledger", ledger.baseUrl(), "--keystore", key.toString());
    assertEquals(0, s.code(), s.err());
    String id = blobIdOf(s);
    assertEquals(BlobEncoder.create(EncodingConfig.forShards(SHARDS)).computeMetadata(data).blobId().toBase64(), id);
    assertTrue(s.text().matches("(?s).*cost:\\s+0\\.\\d+ WAL \\(\\d+ FROST\\).*"), s.text());
    assertTrue(s.err().contains("upload") && s.err().contains("100%"), "progress bar: " + s.err());

    Result r = run("read", id, "--ledger", ledger.baseUrl());
    assertEquals(0, r.code(), r.err());
    assertArrayEquals(data, r.out());
    // progress goes to stderr, never into the bytes: the whole blob's size as it arrives, a range's percentage
    assertTrue(r.err().contains("read") && r.err().contains(ProgressBar.human(data.length)), r.err());
    Result part = run("read", id, "--range", "1000-1999", "--ledger", ledger.baseUrl());
    assertArrayEquals(Arrays.copyOfRange(data, 1000, 2000), part.out());
    assertTrue(part.err().contains("100%") && part.err().contains("1000 B/1000 B"), part.err());
    Result quiet = run("read", id, "--quiet", "--ledger", ledger.baseUrl());
    assertArrayEquals(data, quiet.out());
    assertEquals("", quiet.err().strip());
  }

  @Test
  void storeAndReadWorkThroughAWalrusPublisherAndAggregator() throws Exception {
    byte[] data = new byte[33_333];
    new Random(2).nextBytes(data);
    Result s = run("store", file(data).toString(), "--publisher", net.publisherUrl(), "--quiet");
    assertEquals(0, s.code(), s.err());
    String id = blobIdOf(s);
    Path out = dir.resolve("out.bin");
    Result r = run("read", id, "--aggregator", net.publisherUrl(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertArrayEquals(data, Files.readAllBytes(out));
  }

  @Test
  void throughAPublisherTheAnswerIsCheckedOnTheLedgerAndLocalBypassesThePublisher() throws Exception {
    byte[] data = new byte[10_240];
    new Random(3).nextBytes(data);
    String expected = BlobEncoder.create(EncodingConfig.forShards(SHARDS)).computeMetadata(data).blobId().toBase64();
    Result s = run("store", file(data).toString(), "--publisher", net.publisherUrl(), "--ledger", ledger.baseUrl(),
        "--verify-blob-id", "--quiet");
    assertEquals(0, s.code(), s.err());
    assertEquals(expected, blobIdOf(s));
    assertTrue(s.text().matches("(?s).*checked:\\s+certified in epoch \\d+ on the ledger \\(object 0x[0-9a-f]+\\); blob ID computed here matches.*"),
        s.text());

    // --local: encoded here and uploaded to the nodes; the (unreachable) publisher is never asked
    byte[] other = new byte[10_240];
    new Random(4).nextBytes(other);
    Path key = dir.resolve("wallet.key");
    Files.writeString(key, wallet.toSuiPrivateKey());
    Result l = run("store", file(other).toString(), "--publisher", "http://127.0.0.1:1", "--local", "--ledger", ledger.baseUrl(),
        "--keystore", key.toString(), "--quiet");
    assertEquals(0, l.code(), l.err());
    assertEquals(BlobEncoder.create(EncodingConfig.forShards(SHARDS)).computeMetadata(other).blobId().toBase64(), blobIdOf(l));
    assertTrue(!l.text().contains("checked:"), l.text());
  }

  @Test
  void aPublisherAnsweringForOtherBytesIsRefused() throws Exception {
    byte[] honest = new byte[5_000];
    new Random(5).nextBytes(honest);
    HttpResponse<String> real = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(net.publisherUrl() + "/v1/blobs?epochs=1")).PUT(HttpRequest.BodyPublishers.ofByteArray(honest)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, real.statusCode(), real.body());
    HttpServer fake = FakeLyingPublisher.answering(real.body()); // answers every upload with the honest blob's answer
    try {
      String url = "http://127.0.0.1:" + fake.getAddress().getPort();
      byte[] sameSize = new byte[honest.length];
      new Random(6).nextBytes(sameSize);
      Result id = run("store", file(sameSize).toString(), "--publisher", url, "--ledger", ledger.baseUrl(), "--verify-blob-id", "--quiet");
      assertEquals(1, id.code(), id.text());
      assertTrue(id.err().contains("[BLOB_ID_MISMATCH]"), id.err());
      byte[] bigger = new byte[honest.length + 1];
      Result size = run("store", file(bigger).toString(), "--publisher", url, "--ledger", ledger.baseUrl(), "--quiet");
      assertEquals(1, size.code(), size.text());
      assertTrue(size.err().contains("[BLOB_NOT_CERTIFIED]") && size.err().contains("5000 bytes"), size.err());
      assertTrue(!size.err().contains("Exception"), "one line, no stack trace: " + size.err());
    } finally {
      fake.stop(0);
    }
  }

  /** Failure injection: a "publisher" that answers every PUT /v1/blobs with a fixed body. */
  static final class FakeLyingPublisher {
    static HttpServer answering(String body) throws Exception {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/v1/blobs", ex -> {
        ex.getRequestBody().readAllBytes();
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
      });
      server.start();
      return server;
    }
  }

  @Test
  void readingAnUnknownBlobFailsWithNotFound() {
    Result r = run("read", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "--ledger", ledger.baseUrl());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("BLOB_NOT_FOUND"), r.err());
  }
}
