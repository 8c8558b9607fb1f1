package dev.haulout.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The storage port: store a stream as a certified Walrus blob, read it back (whole or a byte
 * range), ask its status. Adapters: {@code NodeProtocolBlobStore} (storage nodes + ledger
 * directly) and {@code WalrusHttpBlobStore} (any Walrus-compatible publisher/aggregator).
 * Methods throw {@link StorageException}.
 */
public interface BlobStore extends AutoCloseable {
  /** Stores exactly {@code length} bytes of {@code in} for {@code epochs} epochs. */
  StoreResult store(InputStream in, long length, int epochs, ProgressListener progress) throws IOException;

  /**
   * Stores many small blobs held in memory, at most {@code parallelism} at a time, through this one
   * store (its committee, HTTP clients and wallet are shared); answers in the order of {@code blobs}.
   * For a batch of samples, previews or manifests: their encodes, ledger round trips and uploads
   * overlap instead of adding up. Every store is attempted; if any failed, the first failure is
   * thrown (the others attached as suppressed) after all have finished, and the blobs that did
   * certify stay certified (storing them again answers {@code alreadyCertified}).
   */
  default List<StoreResult> storeAll(List<byte[]> blobs, int epochs, int parallelism) throws IOException {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    if (blobs.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, blobs.size()), r -> {
      Thread t = new Thread(r, "store-all");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<StoreResult>> futures = new ArrayList<>(blobs.size());
      for (byte[] b : blobs) {
        futures.add(pool.submit(() -> store(new ByteArrayInputStream(b), b.length, epochs, ProgressListener.NONE)));
      }
      List<StoreResult> results = new ArrayList<>(blobs.size());
      Exception first = null;
      for (Future<StoreResult> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          Exception cause = e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
          if (first == null) {
            first = cause;
          } else {
            first.addSuppressed(cause);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StorageException("CANCELLED", 0, StorageErrorCode.INTERRUPTED, "interrupted", null, null, e);
        }
      }
      if (first instanceof IOException) {
        throw (IOException) first;
      }
      if (first instanceof RuntimeException) {
        throw (RuntimeException) first;
      }
      if (first != null) {
        throw new IOException(first);
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The verified bytes of a blob, or of {@code range} of it (null = whole blob); close the stream. */
  InputStream read(String blobId, ByteRange range);

  BlobStatus status(String blobId);

  /**
   * The blob's length in bytes (its unencoded length), without reading its content; a reader sizes
   * ranged reads and {@code SeekableByteChannel}s with it. Adapters that cannot tell throw
   * {@link UnsupportedOperationException}.
   */
  default long length(String blobId) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not report blob lengths");
  }

  /**
   * The largest blob this store can take (unencoded bytes), when it can tell: the node protocol
   * derives it from the committee's shard count ({@code ShardGeometry.maxBlobSize()}, {@code k1 k2
   * 65534}: about 13.6 GiB at 1000 shards). Empty when the store cannot tell (a publisher over
   * HTTP): it refuses what it cannot take. Datasets larger than this are stored as parts under one
   * manifest (dataset's {@code DatasetWriter}).
   */
  default OptionalLong maxBlobLength() {
    return OptionalLong.empty();
  }

  @Override
  default void close() {}
}
