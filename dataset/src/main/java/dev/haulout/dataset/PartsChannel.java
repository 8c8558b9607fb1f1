package dev.haulout.dataset;

import dev.haulout.storage.BlobStore;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Objects;

/**
 * A read-only {@link SeekableByteChannel} over an envelope stored as the parts of a {@link
 * DatasetManifest}: position {@code p} is byte {@code p - offset} of the part that holds it. It keeps
 * one {@link BlobChannel} (one read-ahead buffer) over the part last read and replaces it when a read
 * moves to another part, so memory is one read-ahead whatever the number of parts; a read never
 * crosses a part boundary (it returns fewer bytes there, as a channel may). Not thread-safe.
 */
final class PartsChannel implements SeekableByteChannel {
  private final BlobStore store;
  private final List<DatasetManifest.Part> parts;
  private final long size;
  private final int readAhead;
  private BlobChannel current;
  private int currentIndex = -1;
  private long position;
  private long rangeReads;
  private boolean open = true;

  PartsChannel(BlobStore store, DatasetManifest manifest, int readAhead) {
    this.store = Objects.requireNonNull(store, "store");
    this.parts = manifest.parts();
    this.size = manifest.envelopeLength();
    if (readAhead < 1) {
      throw new IllegalArgumentException("read-ahead must be at least 1 byte, got " + readAhead);
    }
    this.readAhead = readAhead;
  }

  /** Ranged reads issued so far, over all parts. */
  long rangeReads() {
    return rangeReads + (current == null ? 0 : current.rangeReads());
  }

  /** Seeds part 0's buffer with its first bytes (the envelope header read before), if they fit in it. */
  void prime(byte[] head) {
    DatasetManifest.Part first = parts.get(0);
    if (head.length <= first.length() && head.length <= Math.min(readAhead, first.length())) {
      select(0).prime(head);
    }
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
    int i = partAt(position);
    BlobChannel c = select(i);
    c.position(position - parts.get(i).offset());
    int n = c.read(dst);
    if (n < 0) {
      throw new EOFException("part " + i + " (blob " + parts.get(i).blobId() + ") ended before its "
          + parts.get(i).length() + " bytes");
    }
    position += n;
    return n;
  }

  private BlobChannel select(int i) {
    if (i != currentIndex) {
      if (current != null) {
        rangeReads += current.rangeReads();
        try {
          current.close();
        } catch (IOException ignored) {
          // only the previous part's read-ahead stream is released here; the next part's bytes do not depend on it
        }
      }
      DatasetManifest.Part p = parts.get(i);
      current = BlobChannel.open(store, p.blobId(), p.length(), readAhead);
      currentIndex = i;
    }
    return current;
  }

  /** Index of the part holding envelope byte {@code pos} (binary search over the offsets). */
  private int partAt(long pos) {
    int lo = 0;
    int hi = parts.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (parts.get(mid).offset() <= pos) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
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
    if (current != null) {
      current.close();
    }
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
