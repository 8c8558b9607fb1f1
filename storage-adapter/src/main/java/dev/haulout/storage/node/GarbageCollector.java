package dev.haulout.storage.node;

import dev.haulout.chain.model.Blob;
import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.storage.Committee;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.client.StorageNodeClient;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A node's garbage collection (run by {@link SelfHealer} before each repair round):
 * <ol>
 *   <li><b>Invalid blobs.</b> Every blob invalidated on the ledger ({@code BlobInvalidated}) loses
 *       its metadata and slivers. The node deletes them as soon as it learns of the event (see
 *       {@link StorageNode#refreshInvalidBlobs}); the per-epoch scan removes anything left.
 *   <li><b>Expired blobs.</b> Once per epoch (the first round that sees a new epoch, and the first
 *       round after a start) every blob directory on disk is checked against the ledger: a blob all
 *       of whose registrations' Storage has ended ({@code endEpoch ≤ current epoch}) is deleted.
 *       A blob with no registration at all (metadata buffered with {@code pending=true}) is left
 *       alone, and so is every blob with one registration still valid in the current epoch.
 *   <li><b>Moved shards.</b> The same scan lists the slivers on disk of pairs whose shard this node
 *       no longer holds. Each is deleted only after the shard's current holder answers
 *       {@code stored} for that sliver ({@code GET …/slivers/{pair}/{type}/status}; a node stores a
 *       sliver only after verifying it against the metadata). Until then it stays, so the new holder
 *       can still take it whole through {@code sync_shard} and peers' recovery can use it. The
 *       check is retried every round.
 * </ol>
 */
public final class GarbageCollector {
  private static final Logger LOG = Logger.getLogger(GarbageCollector.class.getName());

  /** A sliver on disk of a shard this node no longer holds, waiting for its new holder. */
  public record Handoff(BlobId blobId, int pair, Axis axis) {}

  private final StorageNode node;
  private final HttpClient http;
  private final StorageClientOptions options;
  private final Set<Handoff> handoffs = ConcurrentHashMap.newKeySet();
  private int scannedEpoch = -1;
  private final AtomicLong expiredBlobs = new AtomicLong();
  private final AtomicLong invalidBlobs = new AtomicLong();
  private final AtomicLong handedOff = new AtomicLong();

  GarbageCollector(StorageNode node, HttpClient http, StorageClientOptions options) {
    this.node = node;
    this.http = http;
    this.options = options;
  }

  /** Expired blobs deleted so far. */
  public long expiredBlobsDeleted() {
    return expiredBlobs.get();
  }

  /** Invalid blobs found on disk by a scan and deleted so far. */
  public long invalidBlobsDeleted() {
    return invalidBlobs.get();
  }

  /** Slivers of moved shards deleted after their new holder confirmed them. */
  public long sliversHandedOff() {
    return handedOff.get();
  }

  /** Slivers of moved shards still waiting for their new holder. */
  public Set<Handoff> pendingHandoffs() {
    return Set.copyOf(handoffs);
  }

  /** One collection; never throws for ledger or peer failures (the next round retries). */
  public synchronized void runOnce() {
    Committee c;
    try {
      c = node.committee();
    } catch (StorageException e) {
      return;
    }
    node.refreshInvalidBlobs(true);
    if (c.epoch() != scannedEpoch) {
      try {
        scan(c);
        scannedEpoch = c.epoch();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "garbage scan of epoch " + c.epoch() + " failed; will retry", e);
      }
    }
    handOff(c);
  }

  private void scan(Committee c) {
    int epoch = c.epoch();
    int n = c.nShards();
    Set<Integer> own = node.ownShards();
    for (String dir : node.store().blobs()) {
      BlobId id;
      try {
        id = BlobId.fromBase64(dir);
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (node.isInvalid(id)) {
        node.deleteBlobData(id);
        invalidBlobs.incrementAndGet();
        continue;
      }
      List<Blob> regs = node.registrations(id);
      if (regs.isEmpty()) {
        continue; // buffered before registration: not this collector's to judge
      }
      if (regs.stream().allMatch(b -> b.storage().endEpoch() <= epoch)) {
        node.deleteBlobData(id);
        expiredBlobs.incrementAndGet();
        continue;
      }
      for (String name : node.store().names(dir)) {
        if (name.length() < 2 || (name.charAt(0) != 'p' && name.charAt(0) != 's')
            || !name.substring(1).chars().allMatch(Character::isDigit)) {
          continue;
        }
        int pair = Integer.parseInt(name.substring(1));
        if (pair >= n) {
          continue;
        }
        if (!own.contains(id.shardOfPair(pair, n))) {
          handoffs.add(new Handoff(id, pair, name.charAt(0) == 'p' ? Axis.PRIMARY : Axis.SECONDARY));
        }
      }
    }
  }

  private void handOff(Committee c) {
    if (handoffs.isEmpty()) {
      return;
    }
    Set<Integer> own = node.ownShards();
    byte[] me = node.publicKey();
    for (Handoff h : List.copyOf(handoffs)) {
      int shard = h.blobId().shardOfPair(h.pair(), c.nShards());
      if (own.contains(shard) || node.isInvalid(h.blobId())
          || !node.store().exists(h.blobId().toBase64(), StorageNode.fileName(h.axis(), h.pair()))) {
        handoffs.remove(h); // ours again, or already gone
        continue;
      }
      Committee.Member holder = c.memberOfShard(shard);
      if (holder == null || Arrays.equals(holder.blsPublicKey(), me)) {
        continue;
      }
      try {
        String status = StorageNodeClient.create(holder.url(), http, options).sliverStatus(h.blobId(), h.pair(), h.axis());
        if ("stored".equals(status)) {
          node.store().delete(h.blobId().toBase64(), StorageNode.fileName(h.axis(), h.pair()));
          handoffs.remove(h);
          handedOff.incrementAndGet();
        }
      } catch (StorageException e) {
        // the holder is down or has not synced yet: keep the sliver
      }
    }
  }
}
