package dev.haulout.cli.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.dataset.ReadSessions;
import dev.haulout.storage.ByteRange;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's client-side read against a real ledger, storage network and key servers (no
 * marketplace): the revision's blob from the ledger's listing, the key servers' keys from the
 * ledger, shares fetched here with a session key the reader's own wallet signed, the blob from the
 * aggregator or straight from the storage nodes, decrypted here. Which wallet signs (linked key or
 * the managed wallet's sessionCertificate) is chosen through GraphQL and is covered by
 * cli/test/journey.sh against a running marketplace.
 */
@Timeout(180)
class ClientSideReadTest {
  @TempDir Path tmp;
  ByteArrayOutputStream errBytes;
  PrintWriter err;

  @BeforeAll
  static void network() {
    NetworkFixture.start();
  }

  @BeforeEach
  void setUp() {
    Env.override(Map.of("XDG_CONFIG_HOME", tmp.resolve("config").toString(), "HAULOUT_API", "http://127.0.0.1:1"));
    errBytes = new ByteArrayOutputStream();
    err = new PrintWriter(errBytes, true, StandardCharsets.UTF_8);
  }

  @AfterEach
  void tearDown() {
    Env.override(null);
  }

  ClientSideRead reader(String aggregator, List<String> keyServerIds) {
    Market m = new Market(new MarketOptions());
    return new ClientSideRead(m, new NetworkOptions.Resolved(NetworkFixture.ledgerUrl(), aggregator, keyServerIds, null),
        null, err, false);
  }

  static ReadSessions.Sessions own(Ed25519KeyPair k) {
    return ReadSessions.signedBy(k, 5, Clock.systemUTC(), new SecureRandom());
  }

  @Test
  void aPassHolderDecryptsTheWholeRevisionHereFromTheAggregator() throws Exception {
    Path out = tmp.resolve("all.csv");
    long n = reader(NetworkFixture.aggregatorUrl(), List.of()).run(NetworkFixture.listingId, null, null, out,
        own(NetworkFixture.BUYER));
    assertEquals(NetworkFixture.plain.length, n);
    assertArrayEquals(NetworkFixture.plain, Files.readAllBytes(out));
    assertFalse(Files.exists(tmp.resolve("all.csv.part")), "the part file became the output");
    String progress = errBytes.toString(StandardCharsets.UTF_8);
    assertTrue(progress.contains("decrypt"), "a progress bar on stderr: " + progress);
  }

  @Test
  void aRangeIsByteExactFromTheStorageNodesWithTheMarketplacesKeyServersOnly() throws Exception {
    List<String> ids = NetworkFixture.keyServers.handles().stream().map(h -> h.objectId().toString()).toList();
    Path out = tmp.resolve("range.csv");
    ByteRange r = ByteRange.parseInclusive("1048000-1048999"); // across the chunk boundary at 1 MiB
    long n = reader(null, ids).run(NetworkFixture.listingId, null, r, out, own(NetworkFixture.BUYER));
    assertEquals(1000, n);
    assertArrayEquals(Arrays.copyOfRange(NetworkFixture.plain, 1_048_000, 1_049_000), Files.readAllBytes(out));
    // an end past the last byte is clipped, as HTTP Range is
    long tail = reader(null, ids).run(NetworkFixture.listingId, null,
        new ByteRange(NetworkFixture.plain.length - 10L, NetworkFixture.plain.length + 100L), out,
        own(NetworkFixture.BUYER));
    assertEquals(10, tail);
    CliError past = assertThrows(CliError.class, () -> reader(null, ids).run(NetworkFixture.listingId, null,
        new ByteRange(NetworkFixture.plain.length, NetworkFixture.plain.length + 5L), out, own(NetworkFixture.BUYER)));
    assertEquals("RANGE_NOT_SATISFIABLE", past.code());
  }

  @Test
  void anInterruptedReadContinuesFromItsPartWhileTheBlobIsTheSameAndStartsOverOtherwise() throws Exception {
    Path out = tmp.resolve("resume.csv");
    Path part = tmp.resolve("resume.csv.part");
    Path blob = tmp.resolve("resume.csv.part.blob");
    int had = 700_000;
    // the part holds zeros where the data was: continuing (not re-reading) keeps them
    Files.write(part, new byte[had]);
    Files.writeString(blob, NetworkFixture.blobId);
    long n = reader(NetworkFixture.aggregatorUrl(), List.of()).run(NetworkFixture.listingId, null, null, out,
        own(NetworkFixture.BUYER));
    assertEquals(NetworkFixture.plain.length, n);
    byte[] got = Files.readAllBytes(out);
    assertArrayEquals(new byte[had], Arrays.copyOf(got, had), "the part was continued, not read again");
    assertArrayEquals(Arrays.copyOfRange(NetworkFixture.plain, had, NetworkFixture.plain.length),
        Arrays.copyOfRange(got, had, got.length));
    assertFalse(Files.exists(part) || Files.exists(blob), "part and blob marker are gone once complete");
    // a part of another blob (the listing got a new revision meanwhile) is read again from the start
    Files.write(part, new byte[had]);
    Files.writeString(blob, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8");
    reader(NetworkFixture.aggregatorUrl(), List.of()).run(NetworkFixture.listingId, null, null, out,
        own(NetworkFixture.BUYER));
    assertArrayEquals(NetworkFixture.plain, Files.readAllBytes(out));
  }

  @Test
  void aWalletWithoutAPassIsRefusedNoAccessAndNothingIsWritten() {
    Path out = tmp.resolve("stranger.csv");
    CliError e = assertThrows(CliError.class, () -> reader(NetworkFixture.aggregatorUrl(), List.of())
        .run(NetworkFixture.listingId, null, null, out, own(NetworkFixture.STRANGER)));
    assertEquals("NO_ACCESS", e.code());
    assertFalse(Files.exists(out));
    assertFalse(Files.exists(tmp.resolve("stranger.csv.part")));
  }

  @Test
  void anUnknownListingIsListingNotFoundAndAnUnreachableLedgerIsUnreachable() {
    Path out = tmp.resolve("x");
    CliError e = assertThrows(CliError.class, () -> reader(null, List.of())
        .run("0x" + "ab".repeat(32), null, null, out, own(NetworkFixture.BUYER)));
    assertEquals("LISTING_NOT_FOUND", e.code());
    ClientSideRead nowhere = new ClientSideRead(new Market(new MarketOptions()),
        new NetworkOptions.Resolved("http://127.0.0.1:1", null, List.of(), null), null, err, true);
    CliError u = assertThrows(CliError.class, () -> nowhere.run(NetworkFixture.listingId, null, null, out,
        own(NetworkFixture.BUYER)));
    assertEquals("UNREACHABLE", u.code());
  }
}
