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
 * The size is the blob's length ({@link BlobStore#length}). Not thread-safe; does not close the store.
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
    bufferLength = 0;
    rangeReads++;
    try (InputStream in = store.read(blobId, new ByteRange(start, start + want))) {
      int got = in.readNBytes(buffer, 0, want);
      if (got != want) {
        throw new EOFException("blob " + blobId + " ended at " + (start + got) + ", expected " + size + " bytes");
      }
    }
    bufferStart = start;
    bufferLength = want;
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
  public void close() {
    open = false;
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
