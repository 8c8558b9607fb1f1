package dev.haulout.storage.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongFunction;

/**
 * Streams the byte range {@code [start, end)} of a blob whose rows (systematic primary slivers)
 * of {@code rowBytes} bytes are fetched by {@code fetchRow}, keeping at most {@code readAhead}
 * rows in flight: memory is bounded by {@code readAhead * rowBytes} whatever the blob size.
 */
final class RowStream extends InputStream {
  private final long start;
  private final long end;
  private final long rowBytes;
  private final int readAhead;
  private final LongFunction<CompletableFuture<byte[]>> fetchRow;
  private final ArrayDeque<CompletableFuture<byte[]>> window = new ArrayDeque<>();
  private long nextToFetch;
  private long nextToRead;
  private final long lastRow;
  private byte[] cur;
  private int pos;
  private int limit;
  private boolean closed;

  RowStream(long start, long end, long rowBytes, int readAhead, LongFunction<CompletableFuture<byte[]>> fetchRow) {
    this.start = start;
    this.end = end;
    this.rowBytes = rowBytes;
    this.readAhead = readAhead;
    this.fetchRow = fetchRow;
    this.nextToFetch = start / rowBytes;
    this.nextToRead = nextToFetch;
    this.lastRow = end == start ? nextToFetch - 1 : (end - 1) / rowBytes;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int r = read(one, 0, 1);
    return r < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (len == 0) {
      return 0;
    }
    while (cur == null || pos >= limit) {
      if (!advance()) {
        return -1;
      }
    }
    int k = Math.min(len, limit - pos);
    System.arraycopy(cur, pos, b, off, k);
    pos += k;
    return k;
  }

  private boolean advance() throws IOException {
    if (nextToRead > lastRow) {
      cur = null;
      return false;
    }
    while (window.size() < readAhead && nextToFetch <= lastRow) {
      window.add(fetchRow.apply(nextToFetch++));
    }
    byte[] row;
    try {
      row = window.poll().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading row " + nextToRead, e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw new IOException("cannot read row " + nextToRead + ": " + c.getMessage(), c);
    }
    long rowStart = nextToRead * rowBytes;
    nextToRead++;
    cur = row;
    pos = (int) Math.max(0, start - rowStart);
    limit = (int) Math.min(row.length, end - rowStart);
    return true;
  }

  @Override
  public void close() {
    closed = true;
    window.forEach(f -> f.cancel(true));
    window.clear();
    cur = null;
  }
}
