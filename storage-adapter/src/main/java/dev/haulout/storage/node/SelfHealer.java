package dev.haulout.storage.node;

import dev.haulout.chain.ChainEvent;
import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.ErasureException;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.encoding.BlobDecoder;
import dev.haulout.erasure.encoding.RecoverySymbol;
import dev.haulout.erasure.encoding.SliverRecovery;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.storage.Committee;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.client.StorageNodeClient;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A node's background repair (Walrus sliver sync/recovery): learns certified blobs from the
 * ledger's {@code BlobCertified} events and its own disk, and for every shard it holds rebuilds a
 * missing (never received, wiped, moved at an epoch change, or deleted as corrupt) metadata file
 * from a peer and missing slivers: whole from a peer that still has them on disk (the holder of a
 * shard moved at an epoch change), else from the peers' recovery symbols: k2 (primary) or k1
 * (secondary) proven symbols of S bytes each, i.e. O(blob / n) bytes per sliver. Every
 * {@link #SCRUB_EVERY} rounds it re-reads its files so silent disk corruption is found.
 */
public final class SelfHealer {
  public static final int SCRUB_EVERY = 5;
  /** Blob IDs per {@code sync_shard} request. */
  public static final int SYNC_BATCH = 256;
  private static final Logger LOG = Logger.getLogger(SelfHealer.class.getName());

  private final StorageNode node;
  private final HttpClient http;
  private final StorageClientOptions options;
  /** Certified blob IDs with the latest storage end epoch any certification announced. */
  private final Map<BlobId, Integer> certified = new ConcurrentHashMap<>();
  private final GarbageCollector gc;
  private long eventSeq;
  private long rounds;
  private final AtomicLong slivers = new AtomicLong();
  private final AtomicLong symbolBytes = new AtomicLong();
  private final AtomicLong transferred = new AtomicLong();
  private final AtomicLong synced = new AtomicLong();

  private SelfHealer(StorageNode node, HttpClient http, StorageClientOptions options) {
    this.node = node;
    this.http = http;
    this.options = options;
    this.gc = new GarbageCollector(node, http, options);
  }

  /** This node's garbage collector (run at the start of every round). */
  public GarbageCollector garbageCollector() {
    return gc;
  }

  public static SelfHealer create(StorageNode node, HttpClient http, StorageClientOptions options) {
    return new SelfHealer(node, http, options);
  }

  /** Slivers rebuilt so far. */
  public long sliversRecovered() {
    return slivers.get();
  }

  /** Recovery-symbol bytes received (BCS, symbols and proofs) so far. */
  public long recoveryBytesReceived() {
    return symbolBytes.get();
  }

  /** One repair round; returns the number of slivers rebuilt. Never throws for peer failures. */
  public synchronized int runOnce() {
    rounds++;
    gc.runOnce();
    Committee c = node.committee();
    if (node.ownShards().isEmpty()) {
      return 0;
    }
    learnCertifiedBlobs();
    boolean scrub = rounds % SCRUB_EVERY == 0;
    int rebuilt = 0;
    try {
      rebuilt += syncShards(c);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "shard sync failed; will retry", e);
    }
    for (BlobId id : live(c)) {
      try {
        rebuilt += heal(c, id, scrub);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "healing " + id + " failed; will retry", e);
      }
    }
    return rebuilt;
  }

  private void learnCertifiedBlobs() {
    while (true) {
      List<ChainEvent> events = node.ledger().events(eventSeq, 500);
      for (ChainEvent e : events) {
        eventSeq = Math.max(eventSeq, e.seq());
        if ("BlobCertified".equals(e.type()) && e.body().get("blobId") instanceof String) {
          int end = e.body().get("endEpoch") instanceof Number x ? x.intValue() : Integer.MAX_VALUE;
          certified.merge(BlobId.fromBase64((String) e.body().get("blobId")), end, Math::max);
        } else if ("BlobInvalidated".equals(e.type()) && e.body().get("blobId") instanceof String) {
          certified.remove(BlobId.fromBase64((String) e.body().get("blobId")));
        }
      }
      if (events.size() < 500) {
        break;
      }
    }
  }

  /**
   * The certified blobs worth healing in the committee's epoch: storage not yet ended and not
   * invalidated (expired and invalid blobs are the garbage collector's, never rebuilt).
   */
  private List<BlobId> live(Committee c) {
    List<BlobId> out = new ArrayList<>();
    for (Map.Entry<BlobId, Integer> e : certified.entrySet()) {
      if (e.getValue() > c.epoch() && !node.isInvalid(e.getKey())) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  private int heal(Committee c, BlobId id, boolean scrub) {
    int n = c.nShards();
    VerifiedBlobMetadata meta = node.metadata(id).orElse(null);
    if (meta == null) {
      meta = metadataFromPeers(c, id);
      node.storeRecoveredMetadata(meta);
    }
    if (scrub) {
      for (int shard : node.ownShards()) {
        int pair = id.pairOnShard(shard, n);
        node.sliver(id, pair, Axis.PRIMARY);
        node.sliver(id, pair, Axis.SECONDARY);
      }
    }
    int rebuilt = 0;
    // secondary first: it needs only k1 symbols, and rebuilt secondary slivers are the sources
    // of primary recovery (so a blob that lost more than f shards' primaries still converges)
    for (Axis axis : new Axis[] {Axis.SECONDARY, Axis.PRIMARY}) {
      for (int pair : node.missingPairs(id, n, axis)) {
        int index = axis == Axis.PRIMARY ? pair : n - 1 - pair;
        try {
          SliverData s = transfer(c, meta, pair, axis);
          if (s == null) {
            s = recover(c, meta, axis, index);
          }
          node.storeRecoveredSliver(id, pair, s);
          slivers.incrementAndGet();
          rebuilt++;
        } catch (ErasureException e) {
          LOG.log(Level.FINE, "cannot rebuild " + axis.pathName() + " sliver " + index + " of " + id + " yet", e);
        }
      }
    }
    return rebuilt;
  }

  private VerifiedBlobMetadata metadataFromPeers(Committee c, BlobId id) {
    EncodingConfig config = EncodingConfig.forShards(c.nShards());
    StorageException last = null;
    for (Committee.Member m : peers(c)) {
      try {
        return StorageNodeClient.create(m.url(), http, options).getAndVerifyMetadata(id, config);
      } catch (StorageException e) {
        last = e;
      }
    }
    throw last != null ? last : StorageException.notFound(StorageErrorCode.METADATA_NOT_FOUND, "no peer has metadata of " + id);
  }

  /**
   * Shard sync: a peer that still has the sliver on disk (the shard's holder in an earlier epoch)
   * sends it whole; it is verified against the metadata. Null if no peer has it.
   */
  private SliverData transfer(Committee c, VerifiedBlobMetadata meta, int pair, Axis axis) {
    for (Committee.Member m : peers(c)) {
      try {
        SliverData s = StorageNodeClient.create(m.url(), http, options).getAndVerifySliver(meta.blobId(), pair, axis, meta);
        transferred.addAndGet(s.length());
        return s;
      } catch (StorageException e) {
        // not there (404) or not valid: try the next peer
      }
    }
    return null;
  }

  /** Sliver bytes received whole from peers by plain sliver GETs (fallback shard sync) so far. */
  public long transferBytesReceived() {
    return transferred.get();
  }

  /** Slivers received through {@code POST /v1/migrate/sync_shard} so far. */
  public long shardSyncSlivers() {
    return synced.get();
  }

  /**
   * Shard sync (Walrus {@code sync_shard}): for every (own shard, sliver type), the certified
   * blobs missing that sliver are asked of the peers in signed batches of up to
   * {@link #SYNC_BATCH} blob IDs; every sliver received is verified against the metadata before
   * it is stored. A peer that does not serve the route (404) or fails is skipped; what is still
   * missing afterwards goes through {@link #heal} (sliver GETs, then recovery symbols).
   */
  private int syncShards(Committee c) {
    int n = c.nShards();
    Map<Long, List<VerifiedBlobMetadata>> pending = new java.util.TreeMap<>();
    for (BlobId id : live(c)) {
      VerifiedBlobMetadata meta = node.metadata(id).orElse(null);
      if (meta == null) {
        try {
          meta = metadataFromPeers(c, id);
          node.storeRecoveredMetadata(meta);
        } catch (StorageException e) {
          continue;
        }
      }
      for (Axis axis : Axis.values()) {
        for (int pair : node.missingPairs(id, n, axis)) {
          int shard = id.shardOfPair(pair, n);
          pending.computeIfAbsent((long) shard << 1 | (axis == Axis.PRIMARY ? 0 : 1), k -> new ArrayList<>()).add(meta);
        }
      }
    }
    int stored = 0;
    for (Map.Entry<Long, List<VerifiedBlobMetadata>> e : pending.entrySet()) {
      int shard = (int) (e.getKey() >> 1);
      Axis axis = (e.getKey() & 1) == 0 ? Axis.PRIMARY : Axis.SECONDARY;
      List<VerifiedBlobMetadata> all = e.getValue();
      for (int from = 0; from < all.size(); from += SYNC_BATCH) {
        stored += syncBatch(c, shard, axis, all.subList(from, Math.min(all.size(), from + SYNC_BATCH)));
      }
    }
    return stored;
  }

  private int syncBatch(Committee c, int shard, Axis axis, List<VerifiedBlobMetadata> batch) {
    int n = c.nShards();
    Map<BlobId, VerifiedBlobMetadata> missing = new java.util.LinkedHashMap<>();
    batch.forEach(m -> missing.put(m.blobId(), m));
    int stored = 0;
    for (Committee.Member m : peers(c)) {
      if (missing.isEmpty()) {
        break;
      }
      List<Map.Entry<BlobId, SliverData>> got;
      try {
        byte[] body = node.signedSyncShardRequest(shard, axis, new ArrayList<>(missing.keySet()));
        got = StorageNodeClient.create(m.url(), http, options).syncShard(body, axis);
      } catch (StorageException ex) {
        continue; // no such route (an older node), not authorized yet (committee cache) or down
      }
      for (Map.Entry<BlobId, SliverData> g : got) {
        VerifiedBlobMetadata meta = missing.get(g.getKey());
        if (meta == null) {
          continue;
        }
        int pair = g.getKey().pairOnShard(shard, n);
        SliverData s = g.getValue();
        try {
          if (s.index() != (axis == Axis.PRIMARY ? pair : n - 1 - pair)) {
            continue;
          }
          BlobDecoder.create(meta).verifySliver(s);
        } catch (ErasureException ex) {
          continue; // a bad sliver from a lying peer is dropped
        }
        node.storeRecoveredSliver(g.getKey(), pair, s);
        missing.remove(g.getKey());
        synced.incrementAndGet();
        slivers.incrementAndGet();
        stored++;
      }
    }
    return stored;
  }

  private SliverData recover(Committee c, VerifiedBlobMetadata meta, Axis axis, int index) {
    SliverRecovery recovery = SliverRecovery.create(meta);
    int need = axis == Axis.PRIMARY ? meta.config().secondarySourceSymbols() : meta.config().primarySourceSymbols();
    List<RecoverySymbol> symbols = new ArrayList<>();
    for (Committee.Member m : peers(c)) {
      if (symbols.size() >= need) {
        break;
      }
      try {
        List<RecoverySymbol> got = StorageNodeClient.create(m.url(), http, options).getRecoverySymbols(meta.blobId(), axis, index);
        symbolBytes.addAndGet(RecoverySymbol.listToBcs(got).length);
        for (RecoverySymbol s : got) {
          try {
            recovery.verify(s, axis, index);
            symbols.add(s);
          } catch (ErasureException e) {
            // a lying peer's symbol is dropped
          }
        }
      } catch (StorageException e) {
        // an unavailable peer contributes nothing
      }
    }
    return recovery.recover(axis, index, symbols);
  }

  private List<Committee.Member> peers(Committee c) {
    byte[] me = node.publicKey();
    List<Committee.Member> out = new ArrayList<>();
    for (Committee.Member m : c.members()) {
      if (!m.shards().isEmpty() && !Arrays.equals(m.blsPublicKey(), me)) {
        out.add(m);
      }
    }
    return out;
  }
}
