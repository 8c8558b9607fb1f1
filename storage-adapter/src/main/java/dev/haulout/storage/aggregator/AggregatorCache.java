package dev.haulout.storage.aggregator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded LRU cache of whole blobs, by total bytes. Only bytes that came out of the verifying
 * read path are put here (the publisher fills it after a complete, verified read), so it never
 * serves unverified bytes. Blobs larger than an eighth of the bound are not cached. Thread-safe.
 */
public final class AggregatorCache {
  private final long maxBytes;
  private long bytes;
  private long hits;
  private long misses;
  private final LinkedHashMap<String, byte[]> map = new LinkedHashMap<>(16, 0.75f, true);

  public AggregatorCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("cache bound must be >= 0: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  public synchronized byte[] get(String blobId) {
    byte[] b = map.get(blobId);
    if (b == null) {
      misses++;
    } else {
      hits++;
    }
    return b;
  }

  /** Whether a blob of this size would be cached. */
  public boolean admits(long size) {
    return size <= maxBytes / 8;
  }

  public synchronized void put(String blobId, byte[] verifiedBytes) {
    if (!admits(verifiedBytes.length) || map.containsKey(blobId)) {
      return;
    }
    map.put(blobId, verifiedBytes);
    bytes += verifiedBytes.length;
    var it = map.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Map.Entry<String, byte[]> e = it.next();
      bytes -= e.getValue().length;
      it.remove();
    }
  }

  /** Drops a blob (e.g. one invalidated on the ledger). */
  public synchronized void remove(String blobId) {
    byte[] b = map.remove(blobId);
    if (b != null) {
      bytes -= b.length;
    }
  }

  public synchronized long bytes() {
    return bytes;
  }

  public synchronized int entries() {
    return map.size();
  }

  public synchronized long hits() {
    return hits;
  }

  public synchronized long misses() {
    return misses;
  }
}
