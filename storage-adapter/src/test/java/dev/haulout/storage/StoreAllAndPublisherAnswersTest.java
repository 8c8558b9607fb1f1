package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.model.Blob;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.storage.aggregator.PublisherAnswers;
import dev.haulout.storage.aggregator.WalrusHttpBlobStore;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link BlobStore#storeAll} (many small blobs through one store) and the checks of a publisher's answer. */
class StoreAllAndPublisherAnswersTest {
  static final int SHARDS = 40;
  static TestNetwork net;

  @BeforeAll
  static void start() {
    net = TestNetwork.start(SHARDS, EmbeddedNetworkOptions.defaults().withNodes(4).withHealIntervalMs(0).withPublisher(0));
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

  static String blobIdOf(byte[] data) {
    return BlobEncoder.create(EncodingConfig.forShards(SHARDS)).computeMetadata(data).blobId().toBase64();
  }

  @Test
  void storeAllCertifiesEveryBlobInInputOrderAndEachReadsBack() throws Exception {
    List<byte[]> blobs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      blobs.add(random(1000 + 97 * i, 100 + i));
    }
    blobs.add(blobs.get(3).clone()); // the same bytes twice in one batch: one blob ID, both certified
    List<StoreResult> results = net.store.storeAll(blobs, 2, 4);
    assertEquals(blobs.size(), results.size());
    for (int i = 0; i < blobs.size(); i++) {
      StoreResult r = results.get(i);
      assertEquals(blobIdOf(blobs.get(i)), r.blobId(), "result " + i + " is the blob at index " + i);
      assertEquals(blobs.get(i).length, r.size());
      assertTrue(net.store.status(r.blobId()).certified(), "certified: " + i);
      try (InputStream in = net.store.read(r.blobId(), null)) {
        assertArrayEquals(blobs.get(i), in.readAllBytes());
      }
    }
    assertEquals(results.get(3).blobId(), results.get(10).blobId());
    assertEquals(10, new HashSet<>(results.stream().map(StoreResult::blobId).toList()).size());
    assertEquals(List.of(), net.store.storeAll(List.of(), 1, 4));
    assertThrows(IllegalArgumentException.class, () -> net.store.storeAll(blobs, 1, 0));
  }

  @Test
  void storeAllAttemptsEveryBlobAndThrowsTheFirstFailure() {
    // 0 epochs is refused for each store; every one is attempted and the failures are all reported
    List<byte[]> blobs = List.of(random(500, 1), random(600, 2), random(700, 3));
    Exception e = assertThrows(Exception.class, () -> net.store.storeAll(blobs, 0, 2));
    assertEquals(2, e.getSuppressed().length, "the other two failures ride along: " + e);
  }

  @Test
  void aPublishersAnswerIsCheckedAgainstTheLedgerAndTheLocalBlobId() throws Exception {
    byte[] data = random(12_345, 7);
    StoreResult r;
    try (WalrusHttpBlobStore publisher = WalrusHttpBlobStore.create(net.network.publisherUrl(), net.network.publisherUrl(),
        StorageClientOptions.defaults())) {
      r = publisher.store(new ByteArrayInputStream(data), data.length, 2, ProgressListener.NONE);
    }
    Blob b = PublisherAnswers.verifyCertified(net.ledger, r, data.length);
    assertEquals(r.blobObjectId(), b.id());
    assertEquals(r.blobId(), b.blobId());
    PublisherAnswers.verifyBlobId(r, blobIdOf(data));

    // an alreadyCertified answer names no object: a certified Blob of that ID is looked up
    StoreResult already = new StoreResult(r.blobId(), null, null, data.length, -1, -1, -1, r.endEpoch(), 0, false);
    assertEquals(b.id(), PublisherAnswers.verifyCertified(net.ledger, already, data.length).id());

    String otherId = blobIdOf(random(100, 8));
    StoreResult wrongId = new StoreResult(otherId, r.blobObjectId(), r.storageObjectId(), r.size(), r.encodedLength(),
        r.registeredEpoch(), r.certifiedEpoch(), r.endEpoch(), r.costFrost(), true);
    assertEquals(StorageErrorCode.BLOB_NOT_CERTIFIED,
        assertThrows(StorageException.class, () -> PublisherAnswers.verifyCertified(net.ledger, wrongId, data.length)).errorCode());
    assertEquals(StorageErrorCode.BLOB_ID_MISMATCH,
        assertThrows(StorageException.class, () -> PublisherAnswers.verifyBlobId(wrongId, blobIdOf(data))).errorCode());
    StorageException size = assertThrows(StorageException.class, () -> PublisherAnswers.verifyCertified(net.ledger, r, data.length + 1));
    assertEquals(StorageErrorCode.BLOB_NOT_CERTIFIED, size.errorCode());
    assertTrue(size.getMessage().contains("12345 bytes"), size.getMessage());
    StoreResult longer = new StoreResult(r.blobId(), r.blobObjectId(), null, r.size(), -1, -1, -1, r.endEpoch() + 5, 0, true);
    assertEquals(StorageErrorCode.BLOB_NOT_CERTIFIED,
        assertThrows(StorageException.class, () -> PublisherAnswers.verifyCertified(net.ledger, longer, data.length)).errorCode());
    StoreResult noObject = new StoreResult(r.blobId(), "0x" + "ab".repeat(32), null, r.size(), -1, -1, -1, r.endEpoch(), 0, true);
    assertEquals(StorageErrorCode.BLOB_NOT_CERTIFIED,
        assertThrows(StorageException.class, () -> PublisherAnswers.verifyCertified(net.ledger, noObject, data.length)).errorCode());
    StoreResult neverStored = new StoreResult(otherId, null, null, 100, -1, -1, -1, 2, 0, false);
    assertEquals(StorageErrorCode.BLOB_NOT_CERTIFIED,
        assertThrows(StorageException.class, () -> PublisherAnswers.verifyCertified(net.ledger, neverStored, 100)).errorCode());
  }
}
