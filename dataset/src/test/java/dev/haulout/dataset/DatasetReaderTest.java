package dev.haulout.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.MutableClock;
import dev.haulout.chain.TestLedgers;
import dev.haulout.chain.Wal;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.AccessIdentity;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.server.LedgerServer;
import dev.haulout.chain.server.LedgerServerOptions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.seal.client.KeyServerInfo;
import dev.haulout.seal.client.SealKeyClient;
import dev.haulout.seal.crypto.DataKeySealer;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.envelope.EnvelopeHeader;
import dev.haulout.seal.envelope.EnvelopeWriter;
import dev.haulout.seal.policy.LedgerAccessPolicy;
import dev.haulout.seal.server.EmbeddedKeyServers;
import dev.haulout.seal.server.KeyServerHandle;
import dev.haulout.seal.session.SessionKey;
import dev.haulout.storage.BlobStatus;
import dev.haulout.storage.BlobStore;
import dev.haulout.storage.ByteRange;
import dev.haulout.storage.ProgressListener;
import dev.haulout.storage.StoreResult;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import dev.haulout.storage.embedded.EmbeddedStorageNetwork;
import dev.haulout.wire.SuiAddress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reading revisions against a real ledger, a real storage network and three real key servers that
 * ask the ledger (2-of-3): byte-exact ranges at chunk boundaries, whole files, bounded fetches,
 * corrupted content refused with a code, and the key servers' refusals as stable codes.
 */
@Timeout(120)
class DatasetReaderTest {
  static final SecureRandom RNG = new SecureRandom();
  static final SuiAddress PKG = SuiAddress.parse("0x" + "00".repeat(31) + "b2");
  static final int CHUNK = 4096;
  static final long PERIOD_MS = 3_600_000L;
  static final MutableClock KEY_SERVER_CLOCK = new MutableClock(System.currentTimeMillis());
  static final Ed25519KeyPair SELLER = Ed25519KeyPair.generate();
  static final Ed25519KeyPair BUYER = Ed25519KeyPair.generate();
  static final Ed25519KeyPair RENTER = Ed25519KeyPair.generate();
  static final Ed25519KeyPair STRANGER = Ed25519KeyPair.generate();

  static PgOptions pg;
  static LedgerServer ledger;
  static EmbeddedStorageNetwork network;
  static EmbeddedKeyServers keyServers;
  static List<KeyServerPublicKey> publicKeys = new ArrayList<>();
  static List<KeyServerInfo> infos = new ArrayList<>();
  static BlobStore store;
  static String listingId;
  static byte[] plain;
  static String blobId;

  @BeforeAll
  static void start() throws IOException {
    pg = TestLedgers.freshSchema("dataset_reader");
    ledger = LedgerServer.start(LedgerServerOptions.defaults().withPort(0).withPg(pg)
        .withConfig(LedgerConfig.localnet().withNShards(10)).withCertificates(BlsCertificates.verifier())
        .withEpochCheckMs(0));
    network = EmbeddedStorageNetwork.start(ledger.ledger(), EmbeddedNetworkOptions.defaults().withNodes(4)
        .withBasePort(0).withPublisher(-1).withDataDir(Files.createTempDirectory("dataset-reader")));
    for (Ed25519KeyPair k : List.of(SELLER, BUYER, RENTER)) {
      ledger.ledger().faucet(k.address(), 1_000L * Wal.FROST_PER_WAL);
    }
    List<MasterKeyPair> masters = new ArrayList<>();
    List<SuiAddress> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      masters.add(MasterKeyPair.generate(RNG));
      ids.add(SuiAddress.fromBytes(randomBytes(32)));
    }
    keyServers = EmbeddedKeyServers.start(masters, ids, PKG, LedgerAccessPolicy.of(ledger.ledger()),
        o -> o.clock(KEY_SERVER_CLOCK));
    for (KeyServerHandle h : keyServers.handles()) {
      publicKeys.add(new KeyServerPublicKey(h.objectId().bytes(), h.publicKey()));
      infos.add(new KeyServerInfo(h.objectId(), URI.create(h.url()), h.publicKey()));
    }
    listingId = ledger.ledger().submit(TestLedgers.sign(SELLER, new TxKind.CreateListing(
        TestLedgers.spec(5 * Wal.FROST_PER_WAL, Wal.FROST_PER_WAL, PERIOD_MS, null)))).createdObjects().get(0);
    ledger.ledger().submit(TestLedgers.sign(BUYER, new TxKind.Buy(listingId, 5 * Wal.FROST_PER_WAL)));
    ledger.ledger().submit(TestLedgers.sign(RENTER, new TxKind.Rent(listingId, 1, Wal.FROST_PER_WAL)));
    store = network.blobStore(SELLER);
    plain = randomBytes(100 * CHUNK + 123); // 101 chunks, the last one short
    blobId = storeEnvelope(envelope(plain, CHUNK, -1));
  }

  @AfterAll
  static void stop() {
    if (keyServers != null) {
      keyServers.close();
    }
    if (store != null) {
      store.close();
    }
    if (network != null) {
      network.close();
    }
    if (ledger != null) {
      ledger.close();
    }
    TestLedgers.dropSchema(pg);
  }

  /** An envelope of {@code data} sealed 2-of-3 under the listing's identity; {@code flip} ≥ 0 flips that byte. */
  static byte[] envelope(byte[] data, int chunkSize, long flip) throws IOException {
    byte[] dataKey = DataKeySealer.newDataKey(RNG);
    byte[] innerId = AccessIdentity.innerId(listingId, randomBytes(DatasetWriter.NONCE_SIZE));
    EncryptedObject sealed = DataKeySealer.seal(dataKey, PKG.bytes(), innerId, publicKeys, 2, RNG);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EnvelopeWriter.write(new ByteArrayInputStream(data), data.length, out, dataKey, sealed, "text/csv", chunkSize, RNG);
    byte[] env = out.toByteArray();
    if (flip >= 0) {
      env[(int) flip] ^= 0x01;
    }
    return env;
  }

  static String storeEnvelope(byte[] env) throws IOException {
    return store.store(new ByteArrayInputStream(env), env.length, 2, ProgressListener.NONE).blobId();
  }

  static DatasetReader reader(Ed25519KeyPair who, BlobStore from, String blob) throws DatasetReadException {
    SessionKey session = SessionKey.create(who, PKG, 10, KEY_SERVER_CLOCK, RNG);
    SealKeyClient client = SealKeyClient.create(infos, Duration.ofSeconds(10));
    return DatasetReader.open(from, blob, DatasetReader.keysOf(client, session), 4 * CHUNK);
  }

  static byte[] read(DatasetReader r, long start, long end) throws IOException {
    try (InputStream in = r.range(start, end)) {
      return in.readAllBytes();
    }
  }

  @Test
  void aPassHolderReadsTheWholeFileAndByteExactRangesAtChunkBoundaries() throws IOException {
    try (DatasetReader r = reader(BUYER, store, blobId)) {
      assertEquals(plain.length, r.length());
      assertEquals("text/csv", r.contentType());
      assertArrayEquals(AccessIdentity.innerId(listingId, new byte[0]), Arrays.copyOf(r.innerId(), 32));
      try (InputStream in = r.all()) {
        assertArrayEquals(plain, in.readAllBytes());
      }
      long[][] ranges = {
          {0, 1}, {0, CHUNK}, {CHUNK - 1, CHUNK + 1}, {CHUNK, 2 * CHUNK}, {5 * CHUNK - 7, 9 * CHUNK + 3},
          {100 * CHUNK, plain.length}, {plain.length - 1, plain.length}, {plain.length, plain.length},
          {17, 17 + 4 * CHUNK * 3 + 5}};
      for (long[] g : ranges) {
        assertArrayEquals(Arrays.copyOfRange(plain, (int) g[0], (int) g[1]), read(r, g[0], g[1]),
            "range [" + g[0] + ", " + g[1] + ")");
      }
      DatasetReadException past = assertThrows(DatasetReadException.class, () -> r.range(0, plain.length + 1L));
      assertEquals(DatasetReadException.Code.RANGE_NOT_SATISFIABLE, past.code());
    }
  }

  @Test
  void aSmallRangeFetchesTheHeaderAndOneReadAheadWindowNotTheBlob() throws IOException {
    FakeCountingBlobStore counting = new FakeCountingBlobStore(store);
    try (DatasetReader r = reader(BUYER, counting, blobId)) {
      long afterHeader = counting.bytes.get();
      assertTrue(afterHeader <= DatasetReader.HEADER_PROBE, "header probe fetched " + afterHeader);
      long start = 50L * CHUNK + 10;
      assertArrayEquals(Arrays.copyOfRange(plain, (int) start, (int) start + 100), read(r, start, start + 100));
      long fetched = counting.bytes.get() - afterHeader;
      assertTrue(fetched <= 4L * CHUNK, "one read-ahead window at most, fetched " + fetched);
      assertEquals(2, counting.reads.get(), "the header probe plus one ranged read");
    }
    BlobChannel c = BlobChannel.open(store, blobId, store.length(blobId), 1000);
    assertEquals(1000, c.bufferCapacity());
  }

  /** The key servers as the ledger would list them (ids, URLs, public keys, weight 1). */
  static KeyServerDirectory directory(int servers) {
    List<dev.haulout.chain.model.KeyServer> list = new ArrayList<>();
    for (KeyServerHandle h : keyServers.handles().subList(0, servers)) {
      list.add(new dev.haulout.chain.model.KeyServer(h.objectId().toString(), SELLER.address().toString(), "ks",
          h.url(), dev.haulout.wire.Hex.encode(h.publicKey().toBytes()), 1));
    }
    return KeyServerDirectory.of(list);
  }

  static byte[] readAll(DatasetReader r) throws IOException {
    try (InputStream in = r.all()) {
      return in.readAllBytes();
    }
  }

  @Test
  void readSessionsSignedByTheReadersOwnWalletFindTheServersTheEnvelopeNames() throws IOException {
    ReadSessions.Sessions own = ReadSessions.signedBy(BUYER, ReadSessions.DEFAULT_TTL_MIN, KEY_SERVER_CLOCK, RNG);
    try (DatasetReader r = DatasetReader.open(store, blobId, ReadSessions.keys(directory(3), own))) {
      assertArrayEquals(plain, readAll(r));
    }
    ReadSessions.Sessions stranger = ReadSessions.signedBy(STRANGER, 5, KEY_SERVER_CLOCK, RNG);
    try (DatasetReader r = DatasetReader.open(store, blobId, ReadSessions.keys(directory(3), stranger))) {
      assertEquals(DatasetReadException.Code.NO_ACCESS, assertThrows(DatasetReadException.class, r::authorize).code());
    }
    // a key server the directory does not list: no consistency check possible, so no key
    try (DatasetReader r = DatasetReader.open(store, blobId, ReadSessions.keys(directory(2), own))) {
      assertEquals(DatasetReadException.Code.UNAVAILABLE, assertThrows(DatasetReadException.class, r::authorize).code());
    }
  }

  @Test
  void aRemotelyCertifiedSessionKeepsItsSecretHereAndMustNameTheEnvelopesPackage() throws IOException {
    List<byte[]> asked = new ArrayList<>();
    ReadSessions.Sessions remote = ReadSessions.certifiedBy(vk -> {
      asked.add(vk);
      return new ReadSessions.Certified(ReadSessions.certify(BUYER, PKG, vk, 5, KEY_SERVER_CLOCK), PKG);
    }, KEY_SERVER_CLOCK, RNG);
    try (DatasetReader r = DatasetReader.open(store, blobId, ReadSessions.keys(directory(3), remote))) {
      assertArrayEquals(Arrays.copyOfRange(plain, 4000, 9000), read(r, 4000, 9000));
    }
    assertEquals(1, asked.size(), "one certificate per reader");
    assertEquals(32, asked.get(0).length, "only the session public key leaves");
    // the certificate of another wallet (no pass) is the key servers' refusal
    ReadSessions.Sessions strangers = ReadSessions.certifiedBy(
        vk -> new ReadSessions.Certified(ReadSessions.certify(STRANGER, PKG, vk, 5, KEY_SERVER_CLOCK), PKG),
        KEY_SERVER_CLOCK, RNG);
    try (DatasetReader r = DatasetReader.open(store, blobId, ReadSessions.keys(directory(3), strangers))) {
      assertEquals(DatasetReadException.Code.NO_ACCESS, assertThrows(DatasetReadException.class, r::authorize).code());
    }
    // a certificate for another package than the envelope's is refused before any key server is asked
    SuiAddress other = SuiAddress.parse("0x" + "00".repeat(31) + "c3");
    ReadSessions.Sessions wrongPackage = ReadSessions.certifiedBy(
        vk -> new ReadSessions.Certified(ReadSessions.certify(BUYER, other, vk, 5, KEY_SERVER_CLOCK), other),
        KEY_SERVER_CLOCK, RNG);
    try (DatasetReader r = DatasetReader.open(store, blobId, ReadSessions.keys(directory(3), wrongPackage))) {
      DatasetReadException e = assertThrows(DatasetReadException.class, r::authorize);
      assertEquals(DatasetReadException.Code.UNAVAILABLE, e.code());
      assertTrue(e.getMessage().contains("PACKAGE_MISMATCH"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> ReadSessions.certify(BUYER, PKG, new byte[31], 5, KEY_SERVER_CLOCK));
    assertThrows(IllegalArgumentException.class, () -> ReadSessions.certify(BUYER, PKG, new byte[32], 31, KEY_SERVER_CLOCK));
  }

  @Test
  void aLongReadIsOneStreamAfterItsFirstWindowAndASeekOpensAnother() throws IOException {
    FakeCountingBlobStore counting = new FakeCountingBlobStore(store);
    try (DatasetReader r = reader(BUYER, counting, blobId)) { // read-ahead 4 chunks, the blob ~ 100 chunks
      long afterHeader = counting.reads.get();
      try (InputStream in = r.all()) {
        assertArrayEquals(plain, in.readAllBytes());
      }
      assertEquals(2, counting.reads.get() - afterHeader,
          "one window, then one ranged read to the end (was one per 4-chunk window, about 26)");
      assertEquals(0, counting.open.get(), "closing the plaintext stream closes the blob stream");
      long start = 60L * CHUNK + 5;
      assertArrayEquals(Arrays.copyOfRange(plain, (int) start, plain.length), read(r, start, plain.length));
      assertArrayEquals(Arrays.copyOfRange(plain, 3, 20 * CHUNK), read(r, 3, 20 * CHUNK));
      assertEquals(6, counting.reads.get() - afterHeader, "each range: its first window, then one stream");
      assertEquals(0, counting.open.get());
    }
  }

  @Test
  void aStrangerGetsTheKeyServersRefusalAsNoAccess() throws IOException {
    try (DatasetReader r = reader(STRANGER, store, blobId)) {
      DatasetReadException e = assertThrows(DatasetReadException.class, () -> r.range(0, 10));
      assertEquals(DatasetReadException.Code.NO_ACCESS, e.code());
    }
  }

  @Test
  void aRenterReadsWhileTheRentalRunsAndGetsRentalExpiredAfter() throws IOException {
    try (DatasetReader r = reader(RENTER, store, blobId)) {
      assertArrayEquals(Arrays.copyOf(plain, 10), read(r, 0, 10));
    }
    synchronized (KEY_SERVER_CLOCK) {
      KEY_SERVER_CLOCK.advance(Duration.ofMillis(2 * PERIOD_MS));
      try (DatasetReader r = reader(RENTER, store, blobId)) {
        DatasetReadException e = assertThrows(DatasetReadException.class, () -> r.range(0, 10));
        assertEquals(DatasetReadException.Code.RENTAL_EXPIRED, e.code());
      } finally {
        KEY_SERVER_CLOCK.advance(Duration.ofMillis(-2 * PERIOD_MS));
      }
    }
  }

  @Test
  void aCorruptedChunkFailsTheRangesThatTouchItAndNoOther() throws IOException {
    byte[] data = randomBytes(10 * CHUNK);
    int chunkWithFlip = 6;
    EnvelopeHeader h = EnvelopeHeader.read(new ByteArrayInputStream(envelope(data, CHUNK, -1)));
    long flip = h.encodedLength() + chunkWithFlip * (CHUNK + 16L) + 100;
    String bad = storeEnvelope(envelope(data, CHUNK, flip));
    try (DatasetReader r = reader(BUYER, store, bad)) {
      // chunks before the corrupt one are released; the corrupt one never is
      assertArrayEquals(Arrays.copyOfRange(data, 0, 6 * CHUNK), read(r, 0, 6 * CHUNK));
      assertArrayEquals(Arrays.copyOfRange(data, 7 * CHUNK, 10 * CHUNK), read(r, 7 * CHUNK, 10 * CHUNK));
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      DatasetReadException e = assertThrows(DatasetReadException.class, () -> {
        try (InputStream in = r.range(5 * CHUNK, 8 * CHUNK)) {
          in.transferTo(got);
        }
      });
      assertEquals(DatasetReadException.Code.CONTENT_CORRUPT, e.code());
      assertArrayEquals(Arrays.copyOfRange(data, 5 * CHUNK, 6 * CHUNK), got.toByteArray(),
          "only the authenticated chunk before the corrupt one came out");
    }
  }

  @Test
  void bytesAlteredInTransitAreRefusedAsContentCorrupt() throws IOException {
    FakeCorruptingBlobStore corrupting = new FakeCorruptingBlobStore(store, 3000L * 4 + 20_000);
    try (DatasetReader r = reader(BUYER, corrupting, blobId)) {
      DatasetReadException e = assertThrows(DatasetReadException.class, () -> {
        try (InputStream in = r.all()) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      });
      assertEquals(DatasetReadException.Code.CONTENT_CORRUPT, e.code());
    }
  }

  @Test
  void aBlobShorterThanItsHeaderOrNotAnEnvelopeIsContentCorrupt() throws IOException {
    byte[] env = envelope(randomBytes(3 * CHUNK), CHUNK, -1);
    String cut = storeEnvelope(Arrays.copyOf(env, env.length - 5));
    DatasetReadException e = assertThrows(DatasetReadException.class, () -> reader(BUYER, store, cut));
    assertEquals(DatasetReadException.Code.CONTENT_CORRUPT, e.code());
    String notEnvelope = storeEnvelope("just,a,csv\n1,2,3\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    DatasetReadException e2 = assertThrows(DatasetReadException.class, () -> reader(BUYER, store, notEnvelope));
    assertEquals(DatasetReadException.Code.CONTENT_CORRUPT, e2.code());
  }

  @Test
  void anUnknownBlobIsBlobNotFound() {
    String unknown = blobIdLike();
    DatasetReadException e = assertThrows(DatasetReadException.class, () -> reader(BUYER, store, unknown));
    assertEquals(DatasetReadException.Code.BLOB_NOT_FOUND, e.code());
  }

  // ------------------------------------------------------------------ parts under one manifest

  static final long PART = 256 << 10;

  /** A dataset of {@code data} written by DatasetWriter in parts of {@link #PART} bytes, sealed to the listing. */
  static DatasetWriter.Written writeInParts(byte[] data, BlobStore to) throws IOException {
    return DatasetWriter.write(new ByteArrayInputStream(data), data.length, "text/csv", SuiAddress.parse(listingId),
        new DatasetWriter.Sealing(PKG, publicKeys, 2), to, 2, PART, ProgressListener.NONE, RNG);
  }

  static String storeManifest(DatasetManifest m) throws IOException {
    return storeEnvelope(m.toBytes());
  }

  @Test
  @Timeout(300)
  void anEnvelopeOverThePartSizeIsStoredAsPartsAndRangesReadAcrossTheirBoundaries() throws IOException {
    byte[] data = randomBytes((5 << 20) / 2 + 4321); // three 1 MiB chunks, ten parts of 256 KiB
    DatasetWriter.Written w = writeInParts(data, store);
    assertTrue(w.hasManifest());
    long parts = (w.envelopeLength() + PART - 1) / PART;
    assertEquals(parts, w.parts().size());
    DatasetManifest m = DatasetManifest.read(store, w.stored().blobId()).orElseThrow();
    assertEquals(w.parts().stream().map(StoreResult::blobId).toList(), m.blobIds());
    assertEquals(w.envelopeLength(), m.envelopeLength());
    for (int i = 0; i < m.parts().size(); i++) {
      assertEquals(i * PART, m.parts().get(i).offset());
      assertEquals(store.length(m.parts().get(i).blobId()), m.parts().get(i).length());
    }
    assertEquals(DatasetManifest.blobsOf(store, w.stored().blobId()).subList(1, (int) parts + 1), m.blobIds());
    assertEquals(List.of(blobId), DatasetManifest.blobsOf(store, blobId), "an envelope in one blob has no parts");

    FakeCountingBlobStore counting = new FakeCountingBlobStore(store);
    try (DatasetReader r = reader(BUYER, counting, w.stored().blobId())) {
      assertEquals(data.length, r.length());
      assertEquals(w.envelopeLength(), r.envelopeLength());
      assertEquals(m, r.manifest().orElseThrow());
      assertEquals(1 + parts, r.blobIds().size());
      try (InputStream in = r.all()) {
        assertArrayEquals(data, in.readAllBytes());
      }
      int header = r.header().encodedLength();
      long chunk = EnvelopeHeader.DEFAULT_CHUNK_SIZE;
      List<long[]> ranges = new ArrayList<>(List.of(new long[] {0, 1}, new long[] {chunk - 3, chunk + 3},
          new long[] {data.length - 1, data.length}, new long[] {data.length, data.length}));
      for (long b = PART; b < w.envelopeLength(); b += PART) { // the plaintext byte at each part boundary, ±2
        long c = (b - header) / (chunk + 16);
        long plainAt = Math.min(data.length - 2, Math.max(2, b - header - c * 16));
        ranges.add(new long[] {plainAt - 2, plainAt + 2});
      }
      for (long[] g : ranges) {
        assertArrayEquals(Arrays.copyOfRange(data, (int) g[0], (int) g[1]), read(r, g[0], g[1]),
            "range [" + g[0] + ", " + g[1] + ")");
      }
      long before = counting.bytes.get();
      assertArrayEquals(Arrays.copyOfRange(data, 1_500_000, 1_500_100), read(r, 1_500_000, 1_500_100));
      long fetched = counting.bytes.get() - before;
      assertTrue(fetched <= chunk + 16 + 4 * CHUNK, "one chunk across its parts, not the envelope: " + fetched);
    }
  }

  @Test
  @Timeout(300)
  void aMissingPartIsBlobNotFoundAndATamperedManifestIsContentCorrupt() throws IOException {
    byte[] data = randomBytes((3 << 20) / 2); // two chunks, seven parts
    DatasetWriter.Written w = writeInParts(data, store);
    DatasetManifest m = DatasetManifest.read(store, w.stored().blobId()).orElseThrow();
    List<DatasetManifest.Part> p = m.parts();

    List<String> ids = new ArrayList<>(m.blobIds());
    List<Long> lengths = p.stream().map(DatasetManifest.Part::length).toList();
    ids.set(2, blobIdLike());
    String missing = storeManifest(DatasetManifest.of(ids, lengths));
    DatasetReadException gone = assertThrows(DatasetReadException.class, () -> reader(BUYER, store, missing));
    assertEquals(DatasetReadException.Code.BLOB_NOT_FOUND, gone.code());
    assertTrue(gone.getMessage().contains("part 3 of " + p.size()), gone.getMessage());

    // two full parts swapped: the manifest is well-formed, the chunks' authentication refuses the order
    List<String> swapped = new ArrayList<>(m.blobIds());
    swapped.set(1, m.blobIds().get(2));
    swapped.set(2, m.blobIds().get(1));
    try (DatasetReader r = reader(BUYER, store, storeManifest(DatasetManifest.of(swapped, lengths)))) {
      DatasetReadException e = assertThrows(DatasetReadException.class, () -> read(r, 0, 10));
      assertEquals(DatasetReadException.Code.CONTENT_CORRUPT, e.code());
    }
    // the first part repeated: the header's parts are right, the rest is not
    List<String> repeated = new ArrayList<>(m.blobIds());
    repeated.set(3, m.blobIds().get(0));
    try (DatasetReader r = reader(BUYER, store, storeManifest(DatasetManifest.of(repeated, lengths)))) {
      DatasetReadException e = assertThrows(DatasetReadException.class, () -> read(r, 0, data.length));
      assertEquals(DatasetReadException.Code.CONTENT_CORRUPT, e.code());
    }
    // a part claimed longer than stored; a manifest missing its last part; a gap; not JSON after the prefix
    List<Long> longer = new ArrayList<>(lengths);
    longer.set(1, longer.get(1) + 1);
    assertCorrupt(storeManifest(DatasetManifest.of(m.blobIds(), longer)), "is " + lengths.get(1) + " bytes");
    assertCorrupt(storeManifest(DatasetManifest.of(m.blobIds().subList(0, p.size() - 1), lengths.subList(0, p.size() - 1))),
        "envelope header declares");
    String gap = new String(m.toBytes(), java.nio.charset.StandardCharsets.US_ASCII)
        .replace("\"offset\":" + p.get(1).offset(), "\"offset\":" + (p.get(1).offset() + 1));
    assertCorrupt(storeEnvelope(gap.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "starts at");
    assertCorrupt(storeEnvelope("{\"v\":\"haulout.parts.v1\", oops".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
        "malformed");
    String extra = new String(m.toBytes(), java.nio.charset.StandardCharsets.US_ASCII).replace("\"parts\":", "\"x\":1,\"parts\":");
    assertCorrupt(storeEnvelope(extra.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "malformed");
    assertThrows(IllegalArgumentException.class, () -> DatasetManifest.of(List.of(blobId), List.of(10L)),
        "one part is an envelope, never a manifest");
  }

  static void assertCorrupt(String manifestBlob, String why) {
    DatasetReadException e = assertThrows(DatasetReadException.class, () -> reader(BUYER, store, manifestBlob));
    assertEquals(DatasetReadException.Code.CONTENT_CORRUPT, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  static String blobIdLike() {
    // a well-formed blob id (32 bytes, URL-safe base64 without padding) nobody stored
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
  }

  static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RNG.nextBytes(b);
    return b;
  }

  /** Passes reads through and counts ranged reads and the bytes they return. */
  static final class FakeCountingBlobStore implements BlobStore {
    final BlobStore inner;
    final AtomicLong reads = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong open = new AtomicLong();

    FakeCountingBlobStore(BlobStore inner) {
      this.inner = inner;
    }

    @Override
    public StoreResult store(InputStream in, long length, int epochs, ProgressListener progress) throws IOException {
      return inner.store(in, length, epochs, progress);
    }

    @Override
    public InputStream read(String blobId, ByteRange range) {
      reads.incrementAndGet();
      bytes.addAndGet(range.length());
      open.incrementAndGet();
      return new java.io.FilterInputStream(inner.read(blobId, range)) {
        private boolean closed;

        @Override
        public void close() throws IOException {
          if (!closed) {
            closed = true;
            open.decrementAndGet();
          }
          super.close();
        }
      };
    }

    @Override
    public BlobStatus status(String blobId) {
      return inner.status(blobId);
    }

    @Override
    public long length(String blobId) {
      return inner.length(blobId);
    }
  }

  /** Failure injection: flips one byte at blob offset {@code at} in whatever range covers it, as a lying aggregator would. */
  static final class FakeCorruptingBlobStore implements BlobStore {
    final BlobStore inner;
    final long at;

    FakeCorruptingBlobStore(BlobStore inner, long at) {
      this.inner = inner;
      this.at = at;
    }

    @Override
    public StoreResult store(InputStream in, long length, int epochs, ProgressListener progress) {
      throw new UnsupportedOperationException();
    }

    @Override
    public InputStream read(String blobId, ByteRange range) {
      InputStream in = inner.read(blobId, range);
      return new FilterInputStream(in) {
        long pos = range.start();

        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0 && pos++ == at) {
            b ^= 0x01;
          }
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = super.read(buf, off, len);
          if (n > 0 && at >= pos && at < pos + n) {
            buf[off + (int) (at - pos)] ^= 0x01;
          }
          pos += Math.max(n, 0);
          return n;
        }
      };
    }

    @Override
    public BlobStatus status(String blobId) {
      return inner.status(blobId);
    }

    @Override
    public long length(String blobId) {
      return inner.length(blobId);
    }
  }
}
