package dev.haulout.storage.read;

import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.ErasureException;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.encoding.InconsistencyProof;
import dev.haulout.erasure.encoding.InconsistentBlobException;
import dev.haulout.erasure.encoding.RecoverySymbol;
import dev.haulout.erasure.encoding.SliverRecovery;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.storage.ByteRange;
import dev.haulout.storage.Committee;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.client.StorageNodeClient;
import dev.haulout.storage.internal.Retry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The Walrus read path: metadata from the first node whose answer verifies, then the systematic
 * primary slivers (rows of the blob, so no RS decoding in the common case) of just the rows the
 * range covers, each verified against its hash, streamed out with bounded read-ahead. A row
 * whose node is down or lies is rebuilt from the other nodes' recovery symbols (k2 proven symbols,
 * O(row) bytes) instead of decoding the whole blob.
 */
public final class BlobReader {
  private final Supplier<Committee> committee;
  private final HttpClient http;
  private final StorageClientOptions options;
  private final ExecutorService pool;
  private final AtomicLong rowsRecovered = new AtomicLong();
  private final InconsistencyHandler onInconsistent;

  /**
   * What the reader does with a blob it finds inconsistently encoded (recovery symbols that all
   * verify but decode to a sliver whose hash differs from the metadata): typically invalidate it
   * on the ledger ({@link dev.haulout.storage.write.BlobInvalidator}). Returns a short
   * description of what was done, for the error message.
   */
  @FunctionalInterface
  public interface InconsistencyHandler {
    String handle(Committee committee, BlobId id, InconsistencyProof proof);
  }

  private BlobReader(Supplier<Committee> committee, HttpClient http, StorageClientOptions options, ExecutorService pool,
      InconsistencyHandler onInconsistent) {
    this.committee = committee;
    this.http = http;
    this.options = options;
    this.pool = pool;
    this.onInconsistent = onInconsistent;
  }

  public static BlobReader create(Supplier<Committee> committee, HttpClient http, StorageClientOptions options,
      ExecutorService pool) {
    return new BlobReader(committee, http, options, pool, null);
  }

  /** As {@link #create(Supplier, HttpClient, StorageClientOptions, ExecutorService)}, with a handler for inconsistent blobs. */
  public static BlobReader create(Supplier<Committee> committee, HttpClient http, StorageClientOptions options,
      ExecutorService pool, InconsistencyHandler onInconsistent) {
    return new BlobReader(committee, http, options, pool, onInconsistent);
  }

  /** Rows that had to be rebuilt from recovery symbols since creation. */
  public long rowsRecovered() {
    return rowsRecovered.get();
  }

  /** Verified metadata from the first node (in a rotating order) that has valid ones. */
  public VerifiedBlobMetadata metadata(BlobId id) {
    Committee c = committee.get();
    EncodingConfig config = EncodingConfig.forShards(c.nShards());
    List<Committee.Member> order = new ArrayList<>(c.members());
    Collections.rotate(order, Math.floorMod(id.hashCode(), Math.max(1, order.size())));
    StorageException last = null;
    int notFound = 0;
    int invalid = 0;
    for (Committee.Member m : order) {
      try {
        return Retry.call(options, () -> client(m).getAndVerifyMetadata(id, config));
      } catch (StorageException e) {
        last = e;
        if (e.isNotFound()) {
          notFound++;
        } else if (e.errorCode() == StorageErrorCode.BLOB_INVALID) {
          invalid++;
        }
      }
    }
    if (invalid > c.members().size() / 3) {
      throw StorageException.blobInvalid(id.toBase64(), invalid + " nodes refuse it");
    }
    if (notFound > c.members().size() / 3 || last == null) {
      throw StorageException.notFound(StorageErrorCode.BLOB_NOT_FOUND, "blob " + id + " is not stored on the network");
    }
    throw new StorageException("UNAVAILABLE", 503, StorageErrorCode.METADATA_UNAVAILABLE,
        "no node returned valid metadata for blob " + id + ": " + last.getMessage(), null, null, last);
  }

  /** An open read: the blob's length, the clipped range and its verified bytes. */
  public record Opened(long blobLength, ByteRange range, InputStream stream) {}

  /** The verified bytes of {@code range} (null = all) of the blob, streamed. */
  public InputStream read(BlobId id, ByteRange range) {
    return open(id, range).stream();
  }

  /** As {@link #read} but also returns the blob length and the clipped range (for HTTP headers). */
  public Opened open(BlobId id, ByteRange range) {
    return open(metadata(id), range);
  }

  /** As {@link #open(BlobId, ByteRange)} with metadata the caller already fetched through {@link #metadata}. */
  public Opened open(VerifiedBlobMetadata meta, ByteRange range) {
    long length = meta.unencodedLength();
    ByteRange r = range == null ? new ByteRange(0, length) : range.clip(length);
    if (r.length() == 0) {
      return new Opened(length, r, new ByteArrayInputStream(new byte[0]));
    }
    long rowBytes = meta.sliverLength(Axis.PRIMARY);
    Committee c = committee.get();
    return new Opened(length, r, new RowStream(r.start(), r.end(), rowBytes, options.readAhead(),
        row -> CompletableFuture.supplyAsync(() -> fetchRow(c, meta, (int) row), pool)));
  }

  /** Primary sliver {@code row} (a systematic row of the blob), verified; recovered if its node fails. */
  public byte[] fetchRow(Committee c, VerifiedBlobMetadata meta, int row) {
    BlobId id = meta.blobId();
    Committee.Member m = c.memberOfShard(id.shardOfPair(row, c.nShards()));
    try {
      if (m == null) {
        throw StorageException.unavailable(StorageErrorCode.SHARD_UNASSIGNED, "no node holds the shard of pair " + row, null);
      }
      return Retry.call(options, () -> client(m).getAndVerifySliver(id, row, Axis.PRIMARY, meta)).dataView();
    } catch (StorageException direct) {
      rowsRecovered.incrementAndGet();
      return recover(c, meta, Axis.PRIMARY, row, direct).dataView();
    }
  }

  /** Rebuilds one sliver from the other nodes' recovery symbols (SPEC §7). */
  public SliverData recover(Committee c, VerifiedBlobMetadata meta, Axis axis, int index, StorageException cause) {
    BlobId id = meta.blobId();
    // asked one node after the other on the calling thread: it may itself be a pool thread
    List<RecoverySymbol> symbols = new ArrayList<>();
    for (Committee.Member m : c.members()) {
      if (m.shards().isEmpty()) {
        continue;
      }
      try {
        symbols.addAll(Retry.call(options, () -> client(m).getRecoverySymbols(id, axis, index)));
      } catch (StorageException e) {
        // a node that failed contributes nothing
      }
    }
    try {
      return SliverRecovery.create(meta).recover(axis, index, symbols);
    } catch (InconsistentBlobException e) {
      throw inconsistent(c, id, e);
    } catch (ErasureException e) {
      throw new StorageException("UNAVAILABLE", 503, StorageErrorCode.SLIVER_UNRECOVERABLE, "cannot read " + axis.pathName()
          + " sliver " + index + " of blob " + id + " (" + cause.getMessage() + ") nor recover it: " + e.getMessage(),
          null, null, e);
    }
  }

  /**
   * The blob is inconsistently encoded: hand the proof to the handler (invalidation on the ledger)
   * and report 410 {@code BLOB_INVALID}; the blob can never be read.
   */
  private StorageException inconsistent(Committee c, BlobId id, InconsistentBlobException e) {
    String done = "no inconsistency proof to submit";
    if (e.proof() != null) {
      if (onInconsistent == null) {
        done = "not invalidated on the ledger (read-only client)";
      } else {
        try {
          done = onInconsistent.handle(c, id, e.proof());
        } catch (RuntimeException ex) {
          done = "invalidation on the ledger failed: " + ex.getMessage();
        }
      }
    }
    return new StorageException("FAILED_PRECONDITION", 410, StorageErrorCode.BLOB_INVALID, e.getMessage() + "; " + done, null, null, e);
  }

  private StorageNodeClient client(Committee.Member m) {
    return StorageNodeClient.create(m.url(), http, options);
  }
}
