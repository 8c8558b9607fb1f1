package dev.haulout.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.TestLedgers;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.server.LedgerServer;
import dev.haulout.chain.server.LedgerServerOptions;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.UserSecretKey;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.crypto.ibe.ObjectIds;
import dev.haulout.seal.envelope.DataKeyResolver;
import dev.haulout.seal.envelope.EnvelopeHeader;
import dev.haulout.seal.envelope.EnvelopeReader;
import dev.haulout.storage.BlobStatus;
import dev.haulout.storage.BlobStore;
import dev.haulout.storage.ByteRange;
import dev.haulout.storage.ProgressListener;
import dev.haulout.storage.StoreResult;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import dev.haulout.storage.embedded.EmbeddedStorageNetwork;
import dev.haulout.walrus.ShardGeometry;
import dev.haulout.wire.SuiAddress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Publishing a revision: envelope streamed into a real storage network, key sealed to the listing's identity. */
class DatasetWriterTest {
  static final SecureRandom RNG = new SecureRandom();
  static final SuiAddress PKG = SuiAddress.parse("0x" + "00".repeat(31) + "a1");
  static PgOptions pg;
  static LedgerServer ledger;
  static EmbeddedStorageNetwork network;
  static final Ed25519KeyPair SELLER = Ed25519KeyPair.generate();
  static final List<MasterKeyPair> MASTERS = List.of(MasterKeyPair.generate(RNG), MasterKeyPair.generate(RNG),
      MasterKeyPair.generate(RNG));
  static final List<KeyServerPublicKey> SERVERS = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    pg = TestLedgers.freshSchema("dataset_writer");
    ledger = LedgerServer.start(LedgerServerOptions.defaults().withPort(0).withPg(pg)
        .withConfig(LedgerConfig.localnet().withNShards(10)).withCertificates(BlsCertificates.verifier())
        .withEpochCheckMs(0));
    network = EmbeddedStorageNetwork.start(ledger.ledger(), EmbeddedNetworkOptions.defaults().withNodes(4)
        .withBasePort(0).withPublisher(-1).withDataDir(Files.createTempDirectory("dataset-writer")));
    ledger.ledger().faucet(SELLER.address(), 1_000L * 1_000_000_000L);
    for (MasterKeyPair m : MASTERS) {
      byte[] id = new byte[32];
      RNG.nextBytes(id);
      SERVERS.add(new KeyServerPublicKey(id, m.publicKey()));
    }
  }

  @AfterAll
  static void stop() {
    if (network != null) {
      network.close();
    }
    if (ledger != null) {
      ledger.close();
    }
    TestLedgers.dropSchema(pg);
  }

  static DataKeyResolver keysOf(int... servers) {
    return header -> {
      EncryptedObject object = header.sealedKeyObject();
      byte[] fullId = ObjectIds.fullId(object.packageId(), object.id());
      List<UserSecretKey> usks = new ArrayList<>();
      for (int i : servers) {
        usks.add(new UserSecretKey(SERVERS.get(i).objectId(), BonehFranklin.extract(MASTERS.get(i).secretKey(), fullId)));
      }
      return DataKeyResolver.fromUserSecretKeys(usks, SERVERS).dataKey(header);
    };
  }

  @Test
  @Timeout(120)
  void aRevisionIsStoredAsAnEnvelopeWhoseKeyOnlyTheListingsIdentityOpens() throws Exception {
    byte[] data = new byte[(1 << 20) + 12_345]; // two envelope chunks; 10 shards hold at most ~1.8 MB
    RNG.nextBytes(data);
    SuiAddress listing = SuiAddress.fromBytes(randomId());
    Map<String, Long> last = new ConcurrentHashMap<>();
    ProgressListener progress = (phase, done, total) -> last.merge(phase, done, Math::max);
    DatasetWriter.Written w;
    try (BlobStore store = network.blobStore(SELLER)) {
      w = DatasetWriter.write(new ByteArrayInputStream(data), data.length, "text/csv", listing,
          new DatasetWriter.Sealing(PKG, SERVERS, 2), store, 3, progress, RNG);
    }
    assertEquals((long) data.length, last.get("encrypt"));
    assertTrue(last.containsKey("certify"), "the store reported its phases: " + last.keySet());
    StoreResult r = w.stored();
    assertEquals(w.envelopeLength(), r.size());
    assertFalse(w.hasManifest(), "an envelope that fits one blob is that blob, as before parts existed");
    assertEquals(List.of(r), w.parts());
    assertArrayEquals(listing.bytes(), java.util.Arrays.copyOf(w.innerId(), 32));
    assertEquals(32 + DatasetWriter.NONCE_SIZE, w.innerId().length);

    byte[] envelope;
    try (BlobStore reader = network.blobStore(null); InputStream in = reader.read(r.blobId(), null)) {
      envelope = in.readAllBytes();
    }
    EnvelopeHeader h = EnvelopeHeader.read(new ByteArrayInputStream(envelope));
    EncryptedObject sealed = h.sealedKeyObject();
    assertArrayEquals(PKG.bytes(), sealed.packageId());
    assertArrayEquals(w.innerId(), sealed.id());
    assertEquals("text/csv", h.contentType());
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    EnvelopeReader.decrypt(new ByteArrayInputStream(envelope), plain, keysOf(0, 2));
    assertArrayEquals(data, plain.toByteArray());
    // one key server's share is not enough
    assertThrows(RuntimeException.class,
        () -> EnvelopeReader.decrypt(new ByteArrayInputStream(envelope), new ByteArrayOutputStream(), keysOf(1)));
  }

  @Test
  @Timeout(300)
  void anEnvelopeOverTheEncodingsLargestBlobIsCutIntoPartsSizedByTheShardCount() throws Exception {
    byte[] data = new byte[(5 << 20) / 2]; // 2.5 MiB: 10 shards take at most 4 * 7 * 65534 bytes per blob
    RNG.nextBytes(data);
    List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    ProgressListener progress = (phase, done, total) -> events.add(phase + (done >= total ? " done " : " ") + total);
    DatasetWriter.Written w;
    try (BlobStore store = network.blobStore(SELLER)) {
      long max = ShardGeometry.forShards(10).maxBlobSize();
      assertEquals(OptionalLong.of(max), store.maxBlobLength());
      assertEquals(max, DatasetWriter.maxPartBytes(store, OptionalLong.empty()));
      assertEquals(8192, DatasetWriter.maxPartBytes(store, OptionalLong.of(8192)), "configuration may lower it");
      assertEquals(max, DatasetWriter.maxPartBytes(store, OptionalLong.of(max * 2)), "never raise it");
      assertThrows(IllegalArgumentException.class, () -> DatasetWriter.maxPartBytes(store, OptionalLong.of(100)));
      w = DatasetWriter.write(new ByteArrayInputStream(data), data.length, "text/csv", SuiAddress.fromBytes(randomId()),
          new DatasetWriter.Sealing(PKG, SERVERS, 2), store, 3, progress, RNG);
      assertTrue(w.hasManifest());
      assertEquals(2, w.parts().size());
      assertEquals(max, w.parts().get(0).size());
      assertEquals(w.envelopeLength() - max, w.parts().get(1).size());
      for (StoreResult part : w.parts()) {
        assertTrue(part.certifiedEpoch() > 0, "each part is its own certified blob");
      }
      DatasetManifest m = DatasetManifest.read(store, w.stored().blobId()).orElseThrow();
      assertEquals(w.parts().stream().map(StoreResult::blobId).toList(), m.blobIds());
      try (DatasetReader r = DatasetReader.open(store, w.stored().blobId(), keysOf(0, 2)); InputStream in = r.all()) {
        assertArrayEquals(data, in.readAllBytes());
      }
    }
    // the store's progress is over the whole envelope: encode completes once, and certification
    // begins only after it (the first part's confirm and certify count as encoding the dataset)
    String encoded = "encode done " + w.envelopeLength();
    assertEquals(1, events.stream().filter(encoded::equals).count(), events.toString());
    assertTrue(events.stream().filter(e -> e.startsWith("encode")).allMatch(e -> e.endsWith(" " + w.envelopeLength())));
    int certify = events.indexOf(events.stream().filter(e -> e.startsWith("certify")).findFirst().orElseThrow());
    assertTrue(certify > events.indexOf(encoded), events.toString());
  }

  @Test
  @Timeout(60)
  void aStoreThatFailsMidwayFailsTheWriteWithoutHangingTheEncryptor() {
    byte[] data = new byte[4 << 20];
    BlobStore failing = new FakeFailingBlobStore(100_000);
    IOException e = assertThrows(IOException.class, () -> DatasetWriter.write(new ByteArrayInputStream(data),
        data.length, null, SuiAddress.fromBytes(randomId()), new DatasetWriter.Sealing(PKG, SERVERS, 2), failing, 1,
        ProgressListener.NONE, RNG));
    assertEquals("injected: node went away", e.getMessage());
  }

  @Test
  void aPlaintextShorterThanDeclaredIsRefused() throws IOException {
    try (BlobStore store = network.blobStore(SELLER)) {
      assertThrows(IOException.class, () -> DatasetWriter.write(new ByteArrayInputStream(new byte[10]), 11, null,
          SuiAddress.fromBytes(randomId()), new DatasetWriter.Sealing(PKG, SERVERS, 2), store, 1,
          ProgressListener.NONE, RNG));
    }
  }

  static byte[] randomId() {
    byte[] b = new byte[32];
    RNG.nextBytes(b);
    return b;
  }

  /** Failure injection: reads {@code failAfter} bytes of the envelope, then throws as a dropped node would. */
  static final class FakeFailingBlobStore implements BlobStore {
    private final int failAfter;

    FakeFailingBlobStore(int failAfter) {
      this.failAfter = failAfter;
    }

    @Override
    public StoreResult store(InputStream in, long length, int epochs, ProgressListener progress) throws IOException {
      in.readNBytes(failAfter);
      throw new IOException("injected: node went away");
    }

    @Override
    public InputStream read(String blobId, ByteRange range) {
      throw new UnsupportedOperationException();
    }

    @Override
    public BlobStatus status(String blobId) {
      throw new UnsupportedOperationException();
    }
  }
}
