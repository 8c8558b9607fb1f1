package dev.haulout.dataset;

import dev.haulout.storage.BlobStore;
import dev.haulout.storage.ByteRange;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;

/**
 * A read-only {@link SeekableByteChannel} over one blob: each read that misses the buffer fetches
 * {@code [position, position + readAhead)} (clipped to the blob) with {@link BlobStore#read(String,
 * ByteRange)} into a buffer of at most {@code readAhead} bytes, so memory is bounded by the read-ahead
 * whatever the blob size, and {@code EnvelopeReader.openRange} fetches only the chunks a range needs.
 * A fill that starts where the previous one ended (a sequential read) opens one ranged read from
 * there to the blob's end and keeps it for the following fills, so a long read is one stream of
 * rows (the storage reader's own bounded read-ahead) instead of a cold ranged read per window —
 * each of which fetched whole rows for a part of them (a row of a 1 GiB blob at 1000 shards is
 * about 3 MiB). A seek elsewhere closes that stream. The size is the blob's length ({@link
 * BlobStore#length}). Not thread-safe; closing the channel closes its stream, not the store.
 */
public final class BlobChannel implements SeekableByteChannel {
  /** Read-ahead used by {@link #open(BlobStore, String)}: four envelope chunks of the default size. */
  public static final int DEFAULT_READ_AHEAD = 4 << 20;

  private final BlobStore store;
  private final String blobId;
  private final long size;
  private final byte[] buffer;
  private long bufferStart;
  private int bufferLength;
  private long position;
  private long rangeReads;
  private InputStream stream;
  private long streamPosition = -1;
  private long filledTo = -1;
  private boolean open = true;

  private BlobChannel(BlobStore store, String blobId, long size, int readAhead) {
    this.store = Objects.requireNonNull(store, "store");
    this.blobId = Objects.requireNonNull(blobId, "blobId");
    if (size < 0) {
      throw new IllegalArgumentException("negative blob size " + size);
    }
    if (readAhead < 1) {
      throw new IllegalArgumentException("read-ahead must be at least 1 byte, got " + readAhead);
    }
    this.size = size;
    this.buffer = new byte[(int) Math.max(1, Math.min(readAhead, size))];
  }

  /** A channel over {@code blobId}, sized by {@link BlobStore#length}, with the default read-ahead. */
  public static BlobChannel open(BlobStore store, String blobId) {
    return open(store, blobId, store.length(blobId), DEFAULT_READ_AHEAD);
  }

  /** A channel over a blob of {@code size} bytes fetching {@code readAhead} bytes per ranged read. */
  public static BlobChannel open(BlobStore store, String blobId, long size, int readAhead) {
    return new BlobChannel(store, blobId, size, readAhead);
  }

  public String blobId() {
    return blobId;
  }

  /** Number of ranged reads issued so far (each at most the read-ahead long). */
  public long rangeReads() {
    return rangeReads;
  }

  /** Capacity of the read-ahead buffer: the most this channel holds of the blob at any time. */
  public int bufferCapacity() {
    return buffer.length;
  }

  /**
   * Seeds the buffer with bytes already known to be the blob's {@code [0, head.length)} (e.g. an
   * envelope header read before), so reading them again costs no ranged read.
   */
  void prime(byte[] head) {
    if (head.length > buffer.length || head.length > size) {
      throw new IllegalArgumentException("prime of " + head.length + " bytes exceeds the buffer or the blob");
    }
    System.arraycopy(head, 0, buffer, 0, head.length);
    bufferStart = 0;
    bufferLength = head.length;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (position >= size) {
      return -1;
    }
    if (position < bufferStart || position >= bufferStart + bufferLength) {
      fill(position);
    }
    int offset = (int) (position - bufferStart);
    int n = Math.min(dst.remaining(), bufferLength - offset);
    dst.put(buffer, offset, n);
    position += n;
    return n;
  }

  private void fill(long start) throws IOException {
    int want = (int) Math.min(buffer.length, size - start);
    boolean sequential = start == filledTo; // a primed header does not count: a small first range stays small
    bufferLength = 0;
    if (stream != null && start != streamPosition) {
      closeStream();
    }
    if (stream == null) {
      rangeReads++;
      stream = store.read(blobId, new ByteRange(start, sequential ? size : start + want));
      streamPosition = start;
    }
    int got = stream.readNBytes(buffer, 0, want);
    if (got != want) {
      closeStream();
      throw new EOFException("blob " + blobId + " ended at " + (start + got) + ", expected " + size + " bytes");
    }
    streamPosition += got;
    if (!sequential) {
      closeStream(); // a window of its own: the next sequential fill opens the long stream
    }
    bufferStart = start;
    bufferLength = want;
    filledTo = start + want;
  }

  private void closeStream() throws IOException {
    InputStream s = stream;
    stream = null;
    streamPosition = -1;
    if (s != null) {
      s.close();
    }
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position " + newPosition);
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return size;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() throws IOException {
    open = false;
    closeStream();
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
