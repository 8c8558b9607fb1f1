package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.model.Blob;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WriteAndReadTest {
  static TestNetwork net;

  @BeforeAll
  static void start() {
    net = TestNetwork.start(100, EmbeddedNetworkOptions.defaults().withHealIntervalMs(0));
  }

  @AfterAll
  static void stop() {
    net.close();
  }

  static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  static byte[] readAll(InputStream in) throws Exception {
    try (in) {
      return in.readAllBytes();
    }
  }

  @Test
  void storesAndReadsBackBlobsOfManySizesWithTheErasureModulesBlobId() throws Exception {
    for (int size : new int[] {0, 1, 1000, 100_000, 3_000_001}) {
      byte[] data = random(size, size);
      StoreResult r = net.store.store(new ByteArrayInputStream(data), size, 2, ProgressListener.NONE);
      String expectedId = BlobEncoder.create(EncodingConfig.forShards(100)).computeMetadata(data).blobId().toBase64();
      assertEquals(expectedId, r.blobId(), "blob id of " + size + " bytes");
      assertTrue(r.newlyCreated());
      assertTrue(r.costFrost() > 0);
      Blob onChain = (Blob) net.ledger.object(r.blobObjectId()).orElseThrow().object();
      assertEquals(r.certifiedEpoch(), onChain.certifiedEpoch());
      assertEquals(onChain.storage().id(), r.storageObjectId());
      assertEquals(size, onChain.size());
      assertArrayEquals(data, readAll(net.store.read(r.blobId(), null)), "bytes of " + size);
      BlobStatus st = net.store.status(r.blobId());
      assertTrue(st.certified());
      assertEquals("permanent", st.kind());
    }
  }

  @Test
  void embeddedNetworkStartsQuicklyAndRestartsWithItsRegistrationAndPorts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    EmbeddedNetworkOptions o = EmbeddedNetworkOptions.defaults().withNodes(4).withHealIntervalMs(0).withDataDir(dir);
    // a second network registering on the same ledger would change the committee: use another ledger
    try (TestNetwork other = TestNetwork.start(20, EmbeddedNetworkOptions.defaults().withNodes(4).withHealIntervalMs(0))) {
      other.network.close();
      int epochBefore = other.ledger.systemState().epoch();
      long t0 = System.nanoTime();
      java.util.List<String> urls;
      try (var n = dev.haulout.storage.embedded.EmbeddedStorageNetwork.start(other.ledger, o)) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // a measurement, printed for the README; no wall-clock limit (it flakes on a loaded machine)
        System.out.println("embedded network of 4 nodes started (registered, epoch advanced) in " + ms + " ms");
        assertEquals(epochBefore + 1, other.ledger.systemState().epoch(), "first start: registered, epoch advanced once");
        urls = n.nodeUrls();
      }
      int epoch = other.ledger.systemState().epoch();
      try (var n = dev.haulout.storage.embedded.EmbeddedStorageNetwork.start(other.ledger, o)) {
        assertEquals(urls, n.nodeUrls(), "same ports from the data directory");
        assertEquals(epoch, other.ledger.systemState().epoch(), "already registered: no new epoch");
      }
    }
  }

  @Test
  void deletableBlobIsCertifiedWithConfirmationsNamingItsObject() throws Exception {
    byte[] data = random(54_321, 11);
    StoreResult r = net.store.store(new ByteArrayInputStream(data), data.length, 1, true, ProgressListener.NONE);
    Blob onChain = (Blob) net.ledger.object(r.blobObjectId()).orElseThrow().object();
    assertTrue(onChain.deletable());
    assertEquals(r.certifiedEpoch(), onChain.certifiedEpoch());
    assertEquals("deletable", net.store.status(r.blobId()).kind());
    assertArrayEquals(data, readAll(net.store.read(r.blobId(), null)));
  }

  @Test
  void concurrentStoresThroughOneBlobStoreAllCertifyAndReadBack() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
      java.util.List<byte[]> blobs = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        byte[] d = random(150_000 + i, 100 + i);
        blobs.add(d);
        ids.add(pool.submit(() -> net.store.store(new ByteArrayInputStream(d), d.length, 1, ProgressListener.NONE).blobId()));
      }
      for (int i = 0; i < 4; i++) {
        String id = ids.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(net.store.status(id).certified());
        assertArrayEquals(blobs.get(i), readAll(net.store.read(id, null)));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void storingTheSameBytesAgainReportsAlreadyCertifiedAndCostsNothing() throws Exception {
    byte[] data = random(12_345, 99);
    StoreResult first = net.store.store(new ByteArrayInputStream(data), data.length, 1, ProgressListener.NONE);
    long before = net.ledger.balance(net.wallet.address());
    StoreResult again = net.store.store(new ByteArrayInputStream(data), data.length, 1, ProgressListener.NONE);
    assertFalse(again.newlyCreated());
    assertEquals(first.blobId(), again.blobId());
    assertEquals(first.blobObjectId(), again.blobObjectId());
    assertEquals(before, net.ledger.balance(net.wallet.address()));
  }

  @Test
  void readsByteRangesFetchingOnlyTheRowsTheyCover() throws Exception {
    byte[] data = random(2_000_000, 7);
    StoreResult r = net.store.store(new ByteArrayInputStream(data), data.length, 1, ProgressListener.NONE);
    net.awaitFullyStored(r.blobId()); // "no recovery" below needs every node's copy, not just a quorum's
    long[][] ranges = {{0, 1}, {0, 10}, {12_345, 80_000}, {1_999_990, 2_000_000}, {1_000_000, 1_999_999}, {5, 5}};
    long fetchedBefore = net.store.reader().rowsRecovered();
    for (long[] rg : ranges) {
      byte[] got = readAll(net.store.read(r.blobId(), new ByteRange(rg[0], rg[1])));
      assertArrayEquals(Arrays.copyOfRange(data, (int) rg[0], (int) rg[1]), got, rg[0] + "-" + rg[1]);
    }
    // beyond the end is clipped
    assertArrayEquals(Arrays.copyOfRange(data, 1_999_000, 2_000_000),
        readAll(net.store.read(r.blobId(), new ByteRange(1_999_000, 3_000_000))));
    assertEquals(fetchedBefore, net.store.reader().rowsRecovered(), "healthy network: no row needed recovery");
  }

  @Test
  void reportsProgressOfEveryPhase() throws Exception {
    byte[] data = random(500_000, 3);
    java.util.Set<String> phases = java.util.concurrent.ConcurrentHashMap.newKeySet();
    long[] maxUpload = {0, 0};
    net.store.store(new ByteArrayInputStream(data), data.length, 1, (phase, done, total) -> {
      phases.add(phase);
      if (phase.equals("upload")) {
        synchronized (maxUpload) {
          maxUpload[0] = Math.max(maxUpload[0], done);
          maxUpload[1] = total;
        }
      }
    });
    assertEquals(java.util.Set.of("encode", "register", "upload", "confirm", "certify"), phases);
    assertEquals(maxUpload[1], maxUpload[0], "all sliver bytes uploaded");
  }
}
