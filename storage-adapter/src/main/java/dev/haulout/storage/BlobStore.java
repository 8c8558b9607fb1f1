package dev.haulout.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * The storage port: store a stream as a certified Walrus blob, read it back (whole or a byte
 * range), ask its status. Adapters: {@code NodeProtocolBlobStore} (storage nodes + ledger
 * directly) and {@code WalrusHttpBlobStore} (any Walrus-compatible publisher/aggregator).
 * Methods throw {@link StorageException}.
 */
public interface BlobStore extends AutoCloseable {
  /** Stores exactly {@code length} bytes of {@code in} for {@code epochs} epochs. */
  StoreResult store(InputStream in, long length, int epochs, ProgressListener progress) throws IOException;

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

  @Override
  default void close() {}
}
