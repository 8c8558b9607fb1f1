package dev.haulout.erasure.encoding;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.internal.Blake2bBatch;
import dev.haulout.erasure.internal.Parallel;
import dev.haulout.erasure.metadata.BlobMetadata;
import dev.haulout.erasure.metadata.MerkleTree;
import dev.haulout.erasure.rs.CodingLoop;
import dev.haulout.erasure.rs.ReedSolomon;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One 2-D Red Stuff expansion (SPEC §2, §4-§6). The blob is held as k1 rows of k2 symbols
 * ({@code rowData}, which are exactly primary slivers {@code 0..k1-1}) plus their f row-code
 * parities; the column code is then run over batches of columns, hashing each expanded column's n
 * symbols as soon as it exists. Only leaf hashes (32 n^2 bytes) are kept, so computing metadata
 * needs about 1.5x the blob plus 32 MB at n = 1000. Several symbols of different rows (or
 * columns) share one RS shard, which keeps FFT butterflies long even for tiny symbols.
 */
final class Expansion {
  /** Bytes per RS shard a batch aims for; the FFT work array is about 1024 such shards. */
  static final int TARGET_SHARD_BYTES = 4096;

  final EncodingConfig config;
  final long length;
  final int n;
  final int f;
  final int k1;
  final int k2;
  final int s;
  private final CodingLoop loop;
  private final int threads;
  final byte[][] rowData;
  final byte[][] rowParity;
  /** Leaf hash of symbol (row i, column c) at {@code 32 (c n + i)}: column-major, so threads working on different columns never share a cache line. */
  private final byte[] leafHashes;
  private final byte[] primaryHashes;
  private final byte[] secondaryHashes;

  Expansion(EncodingConfig config, long length, EncoderOptions options) {
    this(config, length, options, null);
  }

  private Expansion(EncodingConfig config, long length, EncoderOptions options, Buffers reuse) {
    this.config = config;
    this.length = length;
    this.n = config.nShards();
    this.f = config.maxFaulty();
    this.k1 = config.primarySourceSymbols();
    this.k2 = config.secondarySourceSymbols();
    this.s = config.symbolSize(length);
    this.loop = options.codingLoop();
    this.threads = options.parallelism();
    long leafBytes = 32L * n * n;
    if (leafBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("shard count " + n + " too large for in-memory leaf hashes");
    }
    if (reuse != null && reuse.fits(k1, k2 * s, f * s, n)) {
      this.rowData = reuse.rowData;
      this.rowParity = reuse.rowParity;
      this.leafHashes = reuse.leafHashes;
    } else {
      this.rowData = new byte[k1][k2 * s];
      this.rowParity = new byte[k1][f * s];
      this.leafHashes = new byte[(int) leafBytes];
    }
    this.primaryHashes = new byte[32 * n];
    this.secondaryHashes = new byte[32 * n];
  }

  // ---- reuse of the big arrays by metadata-only expansions ----------------------------------

  /**
   * The large arrays of one finished metadata-only expansion (blob rows, row parities, leaf
   * hashes: about 2x the blob), kept for the next one of the same shape. Allocating them fresh
   * for every blob ID means touching as much new memory each time; where the JVM's heap is
   * large and pre-sized ({@code -Xms = -Xmx}) and the OS reclaims idle pages, that was 100 ms of
   * page faults per 64 MiB blob ID (measured), 7 ms when the pages were warm. At most one set is
   * kept, softly (the collector may clear it), and only up to {@link #SPARE_LIMIT} bytes.
   */
  private static final class Buffers {
    final byte[][] rowData;
    final byte[][] rowParity;
    final byte[] leafHashes;

    Buffers(byte[][] rowData, byte[][] rowParity, byte[] leafHashes) {
      this.rowData = rowData;
      this.rowParity = rowParity;
      this.leafHashes = leafHashes;
    }

    boolean fits(int rows, int rowLen, int parityLen, int n) {
      return rowData.length == rows
          && rowData[0].length == rowLen // k1 = n - 2f >= 2 rows
          && rowParity[0].length == parityLen
          && leafHashes.length == 32 * n * n;
    }
  }

  private static final long SPARE_LIMIT = 512L << 20;
  private static final AtomicReference<SoftReference<Buffers>> SPARE = new AtomicReference<>();

  /**
   * An expansion for metadata only ({@link #fill} then {@link #expandRows}, {@link
   * #expandColumns(SliverSink, byte[][]) expandColumns(null, null)}, {@link #primaryRoots}),
   * on the spare arrays when they have its shape; {@link #recycle} hands them back. None of its
   * arrays may escape.
   */
  static Expansion forMetadata(EncodingConfig config, long length, EncoderOptions options) {
    SoftReference<Buffers> ref = SPARE.getAndSet(null);
    return new Expansion(config, length, options, ref == null ? null : ref.get());
  }

  /** Offers this metadata-only expansion's arrays to the next one; it must not be used after. */
  void recycle() {
    long bytes = (long) k1 * (k2 + f) * s + leafHashes.length;
    if (bytes <= SPARE_LIMIT) {
      SPARE.set(new SoftReference<>(new Buffers(rowData, rowParity, leafHashes)));
    }
  }

  /** The blob into the rows; the padding after it is zeroed (the arrays may be reused). */
  void fill(byte[] blob) {
    int rowLen = k2 * s;
    for (int r = 0; r < k1; r++) {
      long from = (long) r * rowLen;
      int copy = (int) Math.max(0, Math.min(rowLen, blob.length - from));
      if (copy > 0) {
        System.arraycopy(blob, (int) from, rowData[r], 0, copy);
      }
      Arrays.fill(rowData[r], copy, rowLen, (byte) 0);
    }
  }

  /** As {@link #fill(byte[])}, reading exactly {@link #length} bytes from {@code in}. */
  void fill(InputStream in) throws IOException {
    long left = length;
    int rowLen = k2 * s;
    for (int r = 0; r < k1; r++) {
      int want = (int) Math.min(rowLen, left);
      if (want > 0) {
        int got = in.readNBytes(rowData[r], 0, want);
        if (got != want) {
          throw new EOFException("stream ended after " + (length - left + got) + " of " + length + " bytes");
        }
        left -= want;
      }
      Arrays.fill(rowData[r], want, rowLen, (byte) 0);
    }
  }

  /** Row code RS(k2, f) on every row: fills {@code rowParity}. */
  void expandRows() {
    ReedSolomon rs = config.secondaryCode();
    int batch = batchSize(k1);
    int batches = (k1 + batch - 1) / batch;
    Parallel.forEach(
        threads,
        batches,
        () -> {
          byte[] work = new byte[rs.workShards() * batch * s];
          return item -> {
            int r0 = item * batch;
            int cnt = Math.min(batch, k1 - r0);
            int shardLen = cnt * s;
            for (int q = 0; q < k2; q++) {
              for (int t = 0; t < cnt; t++) {
                System.arraycopy(rowData[r0 + t], q * s, work, q * shardLen + t * s, s);
              }
            }
            rs.encodeInPlace(loop, work, shardLen, s);
            for (int j = 0; j < f; j++) {
              for (int t = 0; t < cnt; t++) {
                System.arraycopy(work, j * shardLen + t * s, rowParity[r0 + t], j * s, s);
              }
            }
          };
        });
  }

  /**
   * Column code RS(k1, 2f) on all n columns, leaf hashes of every symbol, secondary sliver hashes.
   * Optionally emits secondary slivers and collects the primary parity slivers' bytes.
   */
  void expandColumns(SliverSink secondarySink, byte[][] primaryParity) {
    expandColumns(secondarySink, primaryParity, 0, true);
  }

  /**
   * As {@link #expandColumns(SliverSink, byte[][])}, collecting only primary parity rows
   * {@code k1 + parityFrom ..} (as many as {@code primaryParity} holds) and hashing only when
   * {@code hash} is set: lets a streaming encoder collect the parity rows in two passes.
   */
  void expandColumns(SliverSink secondarySink, byte[][] primaryParity, int parityFrom, boolean hash) {
    ReedSolomon rs = config.primaryCode();
    int batch = batchSize(n);
    int batches = (n + batch - 1) / batch;
    Parallel.forEach(
        threads,
        batches,
        () -> {
          byte[] work = new byte[rs.workShards() * batch * s];
          byte[] scratch = new byte[32 * n];
          Blake2bBatch leaves = Blake2bBatch.create(0, s);
          Blake2bBatch nodes = Blake2bBatch.create(1, 64);
          return item -> {
            int c0 = item * batch;
            int cnt = Math.min(batch, n - c0);
            int shardLen = cnt * s;
            for (int i = 0; i < k1; i++) {
              copyRowRange(i, c0, cnt, work, i * shardLen);
            }
            rs.encodeInPlace(loop, work, shardLen, s);
            for (int t = 0; t < cnt; t++) {
              int col = c0 + t;
              if (primaryParity != null && col < k2) {
                for (int j = 0; j < primaryParity.length; j++) {
                  System.arraycopy(work, (parityFrom + j) * shardLen + t * s, primaryParity[j], col * s, s);
                }
              }
              if (!hash) {
                continue;
              }
              int base = col * n * 32;
              for (int i = 0; i < n; i++) {
                int leaf = base + 32 * i;
                if (i < k1) {
                  if (col < k2) {
                    leaves.add(rowData[i], col * s, leafHashes, leaf);
                  } else {
                    leaves.add(rowParity[i], (col - k2) * s, leafHashes, leaf);
                  }
                } else {
                  leaves.add(work, (i - k1) * shardLen + t * s, leafHashes, leaf);
                }
              }
              leaves.flush();
              MerkleTree.root(nodes, leafHashes, base, n, scratch, secondaryHashes, 32 * col);
              if (secondarySink != null) {
                byte[] sliver = new byte[k1 * s];
                copyColumn(col, sliver);
                secondarySink.accept(SliverData.wrap(Axis.SECONDARY, col, s, sliver));
              }
            }
          };
        });
  }

  /**
   * Items per RS batch: about {@link #TARGET_SHARD_BYTES} per shard, and at least 4 batches per
   * thread. Where it costs little the batch is a multiple of {@code m} symbols so that a shard
   * holds a multiple of 16 full 64-byte segments: the vector loop slices 16 segments at a time
   * and takes the scalar path for the rest (the bytes produced do not depend on the batch).
   */
  private int batchSize(int count) {
    int batch = Math.max(1, Math.min(count, TARGET_SHARD_BYTES / s));
    if (threads > 1) {
      batch = Math.max(1, Math.min(batch, (count + 4 * threads - 1) / (4 * threads)));
    }
    int full = s >>> 6;
    if (full > 0) {
      int m = 16 / gcd(16, full);
      int up = (batch + m - 1) / m * m;
      if (up <= count && (long) up * s <= 2L * TARGET_SHARD_BYTES && (threads == 1 || up <= 2 * batch)) {
        batch = up;
      } else if (batch >= m) {
        batch = batch / m * m;
      }
    }
    return batch;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** Sliver hashes of all primary slivers, from the stored leaf hashes. */
  void primaryRoots() {
    Parallel.forEach(
        threads,
        n,
        () -> {
          byte[] scratch = new byte[32 * n];
          Blake2bBatch nodes = Blake2bBatch.create(1, 64);
          return i -> {
            for (int c = 0; c < n; c++) {
              System.arraycopy(leafHashes, (c * n + i) * 32, scratch, 32 * c, 32);
            }
            MerkleTree.root(nodes, scratch, 0, n, scratch, primaryHashes, 32 * i);
          };
        });
  }

  BlobMetadata metadata() {
    return BlobMetadata.of(length, primaryHashes, secondaryHashes);
  }

  /** Symbols {@code [c0, c0+cnt)} of expanded row {@code i < k1} into {@code dst}. */
  private void copyRowRange(int i, int c0, int cnt, byte[] dst, int dstOff) {
    int end = c0 + cnt;
    int dataEnd = Math.min(end, k2);
    if (c0 < dataEnd) {
      System.arraycopy(rowData[i], c0 * s, dst, dstOff, (dataEnd - c0) * s);
      dstOff += (dataEnd - c0) * s;
    }
    int parStart = Math.max(c0, k2);
    if (parStart < end) {
      System.arraycopy(rowParity[i], (parStart - k2) * s, dst, dstOff, (end - parStart) * s);
    }
  }

  /** Secondary sliver {@code col}: symbol {@code col} of rows {@code 0..k1-1}. */
  void copyColumn(int col, byte[] dst) {
    for (int i = 0; i < k1; i++) {
      if (col < k2) {
        System.arraycopy(rowData[i], col * s, dst, i * s, s);
      } else {
        System.arraycopy(rowParity[i], (col - k2) * s, dst, i * s, s);
      }
    }
  }
}
