package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Expired blobs are deleted at the epoch change that ends their storage, and not before; a
 * longer-lived blob on the same nodes stays and stays readable. Healing never rebuilds an
 * expired blob.
 */
class GarbageCollectionTest {
  static final int SHARDS = 10;

  @Test
  void anExpiredBlobIsDeletedAfterItsEndEpochWhileALongerLivedOneStays() throws Exception {
    try (TestNetwork net = TestNetwork.start(SHARDS, EmbeddedNetworkOptions.defaults().withNodes(4).withHealIntervalMs(0))) {
      byte[] shortData = new byte[40_000];
      byte[] longData = new byte[60_000];
      new Random(21).nextBytes(shortData);
      new Random(22).nextBytes(longData);
      StoreResult shortLived = net.store.store(new ByteArrayInputStream(shortData), shortData.length, 1, ProgressListener.NONE);
      StoreResult longLived = net.store.store(new ByteArrayInputStream(longData), longData.length, 3, ProgressListener.NONE);
      int start = Committee.fromLedger(net.ledger).epoch();
      assertEquals(start + 1, shortLived.endEpoch());
      assertEquals(start + 3, longLived.endEpoch());
      net.awaitFullyStored(shortLived.blobId());
      net.awaitFullyStored(longLived.blobId());

      // a collection in the blob's last epoch deletes nothing
      for (int i = 0; i < net.network.size(); i++) {
        net.network.healer(i).runOnce();
        assertTrue(files(net, i, shortLived.blobId()) > 1, "node " + i + " keeps the blob in its last epoch");
        assertEquals(0, net.network.healer(i).garbageCollector().expiredBlobsDeleted());
      }

      net.ledger.advanceEpoch(); // epoch start+1 = the short blob's end: its storage has ended
      net.awaitNodesInEpoch(start + 1); // the nodes' committee cache
      for (int i = 0; i < net.network.size(); i++) {
        int longFiles = files(net, i, longLived.blobId());
        net.network.healer(i).runOnce();
        assertEquals(0, files(net, i, shortLived.blobId()), "node " + i + " deleted the expired blob");
        assertFalse(Files.exists(net.network.node(i).store().root().resolve(shortLived.blobId())));
        assertEquals(1, net.network.healer(i).garbageCollector().expiredBlobsDeleted());
        assertEquals(longFiles, files(net, i, longLived.blobId()), "node " + i + " keeps the live blob");
        assertEquals(0, net.network.healer(i).garbageCollector().pendingHandoffs().size(), "no shard moved");
      }
      // healing does not bring the expired blob back
      for (int i = 0; i < net.network.size(); i++) {
        assertEquals(0, net.network.healer(i).runOnce());
        assertEquals(0, files(net, i, shortLived.blobId()));
      }
      net.awaitClientInEpoch(start + 1); // the client's committee cache
      try (var in = net.store.read(longLived.blobId(), null)) {
        assertArrayEquals(longData, in.readAllBytes());
      }
      StorageException gone = assertThrows(StorageException.class, () -> net.store.read(shortLived.blobId(), null).readAllBytes());
      assertEquals("BLOB_NOT_FOUND", gone.code());
    }
  }

  static int files(TestNetwork net, int node, String blobId) {
    return net.network.node(node).store().names(blobId).size();
  }
}
