package dev.haulout.erasure.rs;

import dev.haulout.erasure.gf.GF16;
import java.lang.invoke.MethodHandles;
import java.lang.ref.SoftReference;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Bulk encoding in bit-sliced form. A shard's words are taken in octets (8 consecutive words of
 * one SPEC §3.2 pairing segment: their low bytes are 8 contiguous bytes, their high bytes too),
 * 8 octets form a block of 64 words, stored as 16 bit-plane longs (plane b holds bit b of the 64
 * words; partial octets of a tail are zero-padded lanes).
 * Multiplying by a constant is GF(2)-linear on Cantor words, i.e. a 16×16 bit matrix: output
 * plane i is the XOR of the input planes j with {@code M[i][j] = 1}, computed with 4-bit
 * ("Four Russians") tables in about 3 operations per word instead of 12 for the table loop. The
 * transforms are those of {@link AdditiveFft}; results are byte-identical (tested against the
 * scalar reference).
 */
final class BitslicedEngine {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final AtomicReferenceArray<int[]> MATRICES = new AtomicReferenceArray<>(GF16.MODULUS);

  private BitslicedEngine() {}

  /**
   * A bit-sliced layout and the kernels over it. The layout may assign words to (block, bit)
   * in any way, the same for every shard of one length: the code acts on each word position
   * alone. With granule {@code 16 G}, plane {@code i} of block {@code kb} of a shard at {@code
   * dst} sits at {@code dst + 16 G (kb / G) + G i + kb % G}: {@code G = 1} is one block's 16
   * planes in a row (the scalar kernels below) and {@code G = 8} puts plane i of 8 blocks in 8
   * longs: one 512-bit vector, or two 256-bit / four 128-bit ones (the Vector-API kernels). Kernel lengths are in longs, whole groups.
   */
  interface Kernels {
    /** Longs per shard of {@code shardLen} bytes. */
    int shardLongs(int shardLen, int symbolSize);

    /** Byte shard {@code [off, off+len)} into planes at {@code dst} (lo, hi: 8-long scratch). */
    void slice(byte[] buf, int off, int len, int symbolSize, long[] planes, int dst, long[] lo, long[] hi);

    /** Inverse of {@link #slice}. */
    void unslice(long[] planes, int src, byte[] buf, int off, int len, int symbolSize, long[] lo, long[] hi);

    /** Scratch the kernels need per thread. */
    long[] scratch();

    /** {@code a ^= M b} (if logM != 65535), then {@code b ^= a}. */
    void fftButterfly(long[] w, int a, int b, int longs, int logM, long[] c);

    /** {@code b ^= a}, then {@code a ^= M b} (if logM != 65535). */
    void ifftButterfly(long[] w, int a, int b, int longs, int logM, long[] c);

    /** {@code a = M a} ({@code logM == 65535}: zero). */
    void mulInPlace(long[] w, int a, int longs, int logM, long[] c);
  }

  /** The scalar kernels: one block (16 longs) at a time. */
  static final Kernels SCALAR =
      new Kernels() {
        @Override
        public int shardLongs(int shardLen, int symbolSize) {
          return 16 * blocks(shardLen, symbolSize);
        }

        @Override
        public void slice(
            byte[] buf, int off, int len, int symbolSize, long[] planes, int dst, long[] lo, long[] hi) {
          BitslicedEngine.slice(buf, off, len, symbolSize, planes, dst, 16, 0, 0, lo, hi);
        }

        @Override
        public void unslice(
            long[] planes, int src, byte[] buf, int off, int len, int symbolSize, long[] lo, long[] hi) {
          BitslicedEngine.unslice(planes, src, buf, off, len, symbolSize, 16, 0, 0, lo, hi);
        }

        @Override
        public long[] scratch() {
          return new long[128];
        }

        @Override
        public void fftButterfly(long[] w, int a, int b, int longs, int logM, long[] c) {
          BitslicedEngine.fftButterfly(w, a, b, longs / 16, logM, c);
        }

        @Override
        public void ifftButterfly(long[] w, int a, int b, int longs, int logM, long[] c) {
          BitslicedEngine.ifftButterfly(w, a, b, longs / 16, logM, c);
        }

        @Override
        public void mulInPlace(long[] w, int a, int longs, int logM, long[] c) {
          BitslicedEngine.mulInPlace(w, a, longs / 16, logM, c);
        }
      };

  /**
   * For output plane i and input group g, at {@code 4i + g}: {@code 16 g + sum_t M[i][4g+t] << t},
   * the index into the block's combination table.
   */
  static int[] matrix(int logM) {
    int[] m = MATRICES.get(logM);
    if (m == null) {
      int[] col = new int[16];
      for (int j = 0; j < 16; j++) {
        col[j] = GF16.mul(1 << j, logM);
      }
      m = new int[64];
      for (int i = 0; i < 16; i++) {
        for (int g = 0; g < 4; g++) {
          int nib = 0;
          for (int t = 0; t < 4; t++) {
            nib |= ((col[4 * g + t] >>> i) & 1) << t;
          }
          m[4 * i + g] = 16 * g + nib;
        }
      }
      MATRICES.set(logM, m);
    }
    return m;
  }

  // ---- layout conversion -------------------------------------------------------------------

  private static long transpose8(long x) {
    long t = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
    x = x ^ t ^ (t << 7);
    t = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
    x = x ^ t ^ (t << 14);
    t = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
    return x ^ t ^ (t << 28);
  }

  /**
   * 8×8 byte-matrix transpose of {@code m[0..8)} (row g = long g, column j = byte j), in place.
   * An involution.
   */
  static void transposeBytes(long[] m) {
    for (int r = 0; r < 8; r += 2) {
      long t = ((m[r] >>> 8) ^ m[r + 1]) & 0x00FF00FF00FF00FFL;
      m[r + 1] ^= t;
      m[r] ^= t << 8;
    }
    for (int q = 0; q < 4; q++) {
      int r = q + (q & 2); // rows 0, 1, 4, 5 paired with 2, 3, 6, 7
      long t = ((m[r] >>> 16) ^ m[r + 2]) & 0x0000FFFF0000FFFFL;
      m[r + 2] ^= t;
      m[r] ^= t << 16;
    }
    for (int r = 0; r < 4; r++) {
      long t = ((m[r] >>> 32) ^ m[r + 4]) & 0x00000000FFFFFFFFL;
      m[r + 4] ^= t;
      m[r] ^= t << 32;
    }
  }

  /**
   * Octets (up to 8 consecutive words of one pairing segment, whose low bytes and high bytes are
   * each contiguous) per symbol of {@code symbolSize} bytes.
   */
  static int octetsPerSymbol(int symbolSize) {
    int full = symbolSize >>> 6;
    int tailHalf = (symbolSize & 63) >>> 1;
    return 4 * full + ((tailHalf + 7) >>> 3);
  }

  /**
   * Whether bit-slicing pays for this symbol size: at least 3/4 of the octet lanes carry words
   * (a 2-byte symbol fills one lane of eight; those stay on the byte kernels).
   */
  static boolean worthwhile(int symbolSize) {
    return (symbolSize >>> 1) * 4 >= 3 * 8 * octetsPerSymbol(symbolSize);
  }

  /** Blocks of 64 words (8 octets) for a shard of {@code shardLen} bytes. */
  static int blocks(int shardLen, int symbolSize) {
    int octets = (shardLen / symbolSize) * octetsPerSymbol(symbolSize);
    return (octets + 7) >>> 3;
  }

  /**
   * Byte shard {@code [off, off+len)} into bit planes at {@code dst} in the layout of granule
   * {@code granule}, octet by octet in shard order; the first {@code skipFull} full 64-byte
   * segments are left out (a caller slices them itself) and the first octet taken goes to block
   * {@code firstBlock} (lo, hi: 8-long scratch).
   */
  static void slice(
      byte[] buf, int off, int len, int symbolSize, long[] planes, int dst, int granule,
      int skipFull, int firstBlock, long[] lo, long[] hi) {
    int oct = 0;
    int skipped = 0;
    for (int done = 0; done < len; done += symbolSize) {
      for (int seg = 0; seg < symbolSize; seg += 64) {
        int half = Math.min(64, symbolSize - seg) >>> 1;
        if (half == 32 && skipped < skipFull) {
          skipped++;
          continue;
        }
        int p = off + done + seg;
        for (int e0 = 0; e0 < half; e0 += 8) {
          int cnt = Math.min(8, half - e0);
          long l;
          long h;
          if (cnt == 8) {
            l = (long) LONGS.get(buf, p + e0);
            h = (long) LONGS.get(buf, p + half + e0);
          } else {
            l = 0;
            h = 0;
            for (int i = 0; i < cnt; i++) {
              l |= (long) (buf[p + e0 + i] & 0xFF) << (8 * i);
              h |= (long) (buf[p + half + e0 + i] & 0xFF) << (8 * i);
            }
          }
          lo[oct & 7] = transpose8(l);
          hi[oct & 7] = transpose8(h);
          if ((oct & 7) == 7) {
            flush(lo, hi, planes, dst, firstBlock + (oct >>> 3), granule);
          }
          oct++;
        }
      }
    }
    if ((oct & 7) != 0) {
      for (int g = oct & 7; g < 8; g++) {
        lo[g] = 0;
        hi[g] = 0;
      }
      flush(lo, hi, planes, dst, firstBlock + (oct >>> 3), granule);
    }
  }

  /** Index of plane 0 of block {@code kb} of the shard at {@code dst}; plane i is {@code G i} further. */
  private static int blockBase(int dst, int kb, int granule) {
    int groups = granule >>> 4;
    return dst + granule * (kb / groups) + kb % groups;
  }

  private static void flush(long[] lo, long[] hi, long[] planes, int dst, int kb, int granule) {
    transposeBytes(lo);
    transposeBytes(hi);
    if (granule == 16) {
      int p = dst + 16 * kb;
      System.arraycopy(lo, 0, planes, p, 8);
      System.arraycopy(hi, 0, planes, p + 8, 8);
      return;
    }
    int g = granule >>> 4;
    int p = blockBase(dst, kb, granule);
    for (int i = 0; i < 8; i++) {
      planes[p + g * i] = lo[i];
      planes[p + g * (8 + i)] = hi[i];
    }
  }

  /** Inverse of {@link #slice}. */
  static void unslice(
      long[] planes, int src, byte[] buf, int off, int len, int symbolSize, int granule,
      int skipFull, int firstBlock, long[] lo, long[] hi) {
    int oct = 0;
    int skipped = 0;
    for (int done = 0; done < len; done += symbolSize) {
      for (int seg = 0; seg < symbolSize; seg += 64) {
        int half = Math.min(64, symbolSize - seg) >>> 1;
        if (half == 32 && skipped < skipFull) {
          skipped++;
          continue;
        }
        int p = off + done + seg;
        for (int e0 = 0; e0 < half; e0 += 8) {
          if ((oct & 7) == 0) {
            if (granule == 16) {
              int q = src + 16 * (firstBlock + (oct >>> 3));
              System.arraycopy(planes, q, lo, 0, 8);
              System.arraycopy(planes, q + 8, hi, 0, 8);
            } else {
              int g = granule >>> 4;
              int q = blockBase(src, firstBlock + (oct >>> 3), granule);
              for (int i = 0; i < 8; i++) {
                lo[i] = planes[q + g * i];
                hi[i] = planes[q + g * (8 + i)];
              }
            }
            transposeBytes(lo);
            transposeBytes(hi);
          }
          long l = transpose8(lo[oct & 7]);
          long h = transpose8(hi[oct & 7]);
          int cnt = Math.min(8, half - e0);
          if (cnt == 8) {
            LONGS.set(buf, p + e0, l);
            LONGS.set(buf, p + half + e0, h);
          } else {
            for (int i = 0; i < cnt; i++) {
              buf[p + e0 + i] = (byte) (l >>> (8 * i));
              buf[p + half + e0 + i] = (byte) (h >>> (8 * i));
            }
          }
          oct++;
        }
      }
    }
  }

  // ---- kernels -----------------------------------------------------------------------------

  /** {@code a ^= M b} (if logM != 65535), then {@code b ^= a}, over {@code blocks} blocks. */
  private static void fftButterfly(long[] w, int a, int b, int blocks, int logM, long[] c) {
    if (logM == GF16.MODULUS) {
      for (int i = 0; i < 16 * blocks; i++) {
        w[b + i] ^= w[a + i];
      }
      return;
    }
    int[] m = matrix(logM);
    int k = 0;
    // two blocks per pass share the 64 table-index loads
    for (; k + 1 < blocks; k += 2) {
      int pa = a + 16 * k;
      int pb = b + 16 * k;
      combos(w, pb, c, 0);
      combos(w, pb + 16, c, 64);
      for (int i = 0; i < 16; i++) {
        int i0 = m[4 * i];
        int i1 = m[4 * i + 1];
        int i2 = m[4 * i + 2];
        int i3 = m[4 * i + 3];
        long na = w[pa + i] ^ c[i0] ^ c[i1] ^ c[i2] ^ c[i3];
        w[pa + i] = na;
        w[pb + i] ^= na;
        long nb = w[pa + 16 + i] ^ c[64 + i0] ^ c[64 + i1] ^ c[64 + i2] ^ c[64 + i3];
        w[pa + 16 + i] = nb;
        w[pb + 16 + i] ^= nb;
      }
    }
    for (; k < blocks; k++) {
      int pa = a + 16 * k;
      int pb = b + 16 * k;
      combos(w, pb, c, 0);
      for (int i = 0; i < 16; i++) {
        long v = c[m[4 * i]] ^ c[m[4 * i + 1]] ^ c[m[4 * i + 2]] ^ c[m[4 * i + 3]];
        long na = w[pa + i] ^ v;
        w[pa + i] = na;
        w[pb + i] ^= na;
      }
    }
  }

  /** {@code b ^= a}, then {@code a ^= M b} (if logM != 65535). */
  private static void ifftButterfly(long[] w, int a, int b, int blocks, int logM, long[] c) {
    if (logM == GF16.MODULUS) {
      for (int i = 0; i < 16 * blocks; i++) {
        w[b + i] ^= w[a + i];
      }
      return;
    }
    int[] m = matrix(logM);
    for (int i = 0; i < 16 * blocks; i++) {
      w[b + i] ^= w[a + i];
    }
    int k = 0;
    for (; k + 1 < blocks; k += 2) {
      int pa = a + 16 * k;
      int pb = b + 16 * k;
      combos(w, pb, c, 0);
      combos(w, pb + 16, c, 64);
      for (int i = 0; i < 16; i++) {
        int i0 = m[4 * i];
        int i1 = m[4 * i + 1];
        int i2 = m[4 * i + 2];
        int i3 = m[4 * i + 3];
        w[pa + i] ^= c[i0] ^ c[i1] ^ c[i2] ^ c[i3];
        w[pa + 16 + i] ^= c[64 + i0] ^ c[64 + i1] ^ c[64 + i2] ^ c[64 + i3];
      }
    }
    for (; k < blocks; k++) {
      int pa = a + 16 * k;
      combos(w, b + 16 * k, c, 0);
      for (int i = 0; i < 16; i++) {
        w[pa + i] ^= c[m[4 * i]] ^ c[m[4 * i + 1]] ^ c[m[4 * i + 2]] ^ c[m[4 * i + 3]];
      }
    }
  }

  /** The 16 XOR combinations of each group of 4 planes of the block at {@code p} ({@code c[16g]} stays 0). */
  private static void combos(long[] w, int p, long[] c, int base) {
    for (int g = 0; g < 4; g++) {
      int o = base + 16 * g;
      long p0 = w[p + 4 * g];
      long p1 = w[p + 4 * g + 1];
      long p2 = w[p + 4 * g + 2];
      long p3 = w[p + 4 * g + 3];
      c[o + 1] = p0;
      c[o + 2] = p1;
      c[o + 3] = p0 ^ p1;
      c[o + 4] = p2;
      c[o + 5] = p2 ^ p0;
      c[o + 6] = p2 ^ p1;
      c[o + 7] = p2 ^ p0 ^ p1;
      c[o + 8] = p3;
      c[o + 9] = p3 ^ p0;
      c[o + 10] = p3 ^ p1;
      c[o + 11] = p3 ^ p0 ^ p1;
      c[o + 12] = p3 ^ p2;
      c[o + 13] = p3 ^ p2 ^ p0;
      c[o + 14] = p3 ^ p2 ^ p1;
      c[o + 15] = p3 ^ p2 ^ p0 ^ p1;
    }
  }

  /** Longs of a sub-transform that runs layer by layer; larger ones are split (it then stays in cache). */
  private static final int BLOCKED_LONGS = 1 << 15;

  /**
   * The truncated FFT over positions {@code pos ..} (outputs {@code r < trunc}). Same butterflies
   * as the layer-by-layer loop, in depth-first order: after the top layer the two halves are
   * independent, so each is finished while it is still in cache.
   */
  private static void fft(Kernels kk, long[] w, int shard, int pos, int size, int trunc, int delta, long[] c) {
    fft(kk, w, shard, pos, 0, size, trunc, delta, c);
  }

  /** Layers {@code size/2 .. 1} over relative positions {@code [r0, r0 + size)}. */
  private static void fft(
      Kernels kk, long[] w, int shard, int pos, int r0, int size, int trunc, int delta, long[] c) {
    if (r0 >= trunc) {
      return;
    }
    if (size <= 2 || (long) size * shard <= BLOCKED_LONGS) {
      int end = Math.min(r0 + size, trunc);
      for (int dist = size >>> 1; dist > 0; dist >>>= 1) {
        for (int r = r0; r < end; r += dist << 1) {
          int a = (pos + r) * shard;
          kk.fftButterfly(w, a, a + dist * shard, dist * shard, GF16.skew(r + dist + delta - 1), c);
        }
      }
      return;
    }
    int dist = size >>> 1;
    int a = (pos + r0) * shard;
    kk.fftButterfly(w, a, a + dist * shard, dist * shard, GF16.skew(r0 + dist + delta - 1), c);
    fft(kk, w, shard, pos, r0, dist, trunc, delta, c);
    fft(kk, w, shard, pos, r0 + dist, dist, trunc, delta, c);
  }

  /** The truncated IFFT (inputs {@code r < trunc}), depth-first like {@link #fft}. */
  private static void ifft(Kernels kk, long[] w, int shard, int pos, int size, int trunc, int delta, long[] c) {
    ifft(kk, w, shard, pos, 0, size, trunc, delta, c);
  }

  /** Layers {@code 1 .. size/2} over relative positions {@code [r0, r0 + size)}. */
  private static void ifft(
      Kernels kk, long[] w, int shard, int pos, int r0, int size, int trunc, int delta, long[] c) {
    if (r0 >= trunc) {
      return;
    }
    if (size <= 2 || (long) size * shard <= BLOCKED_LONGS) {
      int end = Math.min(r0 + size, trunc);
      for (int dist = 1; dist < size; dist <<= 1) {
        for (int r = r0; r < end; r += dist << 1) {
          int a = (pos + r) * shard;
          kk.ifftButterfly(w, a, a + dist * shard, dist * shard, GF16.skew(r + dist + delta - 1), c);
        }
      }
      return;
    }
    int dist = size >>> 1;
    ifft(kk, w, shard, pos, r0, dist, trunc, delta, c);
    ifft(kk, w, shard, pos, r0 + dist, dist, trunc, delta, c);
    int a = (pos + r0) * shard;
    kk.ifftButterfly(w, a, a + dist * shard, dist * shard, GF16.skew(r0 + dist + delta - 1), c);
  }


  /** {@code a = M a} over {@code blocks} blocks ({@code logM == 65535}: zero). */
  private static void mulInPlace(long[] w, int a, int blocks, int logM, long[] c) {
    if (logM == GF16.MODULUS) {
      java.util.Arrays.fill(w, a, a + 16 * blocks, 0L);
      return;
    }
    int[] m = matrix(logM);
    for (int k = 0; k < blocks; k++) {
      int pa = a + 16 * k;
      combos(w, pa, c, 0);
      for (int i = 0; i < 16; i++) {
        w[pa + i] = c[m[4 * i]] ^ c[m[4 * i + 1]] ^ c[m[4 * i + 2]] ^ c[m[4 * i + 3]];
      }
    }
  }

  /**
   * Same contract as {@link DecodePlan#decodeInPlace}: present symbols at their positions of
   * {@code work}; afterwards each missing original sits at its position.
   */
  static void decode(
      int domain, boolean[] known, boolean[] knownZero, int[] errorLog, int[] missingPositions,
      int inputEnd, int outputEnd, byte[] work, int shardLen, int symbolSize, Kernels kk) {
    int shard = kk.shardLongs(shardLen, symbolSize);
    long[] w = new long[domain * shard];
    long[] lo = new long[8];
    long[] hi = new long[8];
    long[] c = kk.scratch();
    for (int pos = 0; pos < inputEnd; pos++) {
      if (known[pos] && !knownZero[pos]) {
        kk.slice(work, pos * shardLen, shardLen, symbolSize, w, pos * shard, lo, hi);
        kk.mulInPlace(w, pos * shard, shard, errorLog[pos], c);
      }
    }
    ifft(kk, w, shard, 0, domain, inputEnd, 0, c);
    for (int i = 1; i < domain; i++) {
      int width = Integer.lowestOneBit(i);
      int dst = (i - width) * shard;
      int src = i * shard;
      for (int q = 0; q < width * shard; q++) {
        w[dst + q] ^= w[src + q];
      }
    }
    fft(kk, w, shard, 0, domain, outputEnd, 0, c);
    for (int pos : missingPositions) {
      kk.mulInPlace(w, pos * shard, shard, (GF16.MODULUS - errorLog[pos]) % GF16.MODULUS, c);
      kk.unslice(w, pos * shard, work, pos * shardLen, shardLen, symbolSize, lo, hi);
    }
  }

  // ---- the encoders ------------------------------------------------------------------------

  private static final ThreadLocal<SoftReference<long[]>> WORK = new ThreadLocal<>();

  /** This thread's encode work array, at least {@code size} longs, contents arbitrary. */
  private static long[] workArray(int size) {
    SoftReference<long[]> ref = WORK.get();
    long[] w = ref == null ? null : ref.get();
    if (w == null || w.length < size) {
      w = new long[size];
      WORK.set(new SoftReference<>(w));
    }
    return w;
  }

  /** Same contract as {@link ReedSolomon#encodeInPlace}. */
  static void encode(ReedSolomon rs, byte[] work, int shardLen, int symbolSize, Kernels kk) {
    int k = rs.originalCount();
    int r = rs.recoveryCount();
    int chunk = rs.chunk();
    int shard = kk.shardLongs(shardLen, symbolSize);
    // Reused per thread: slicing overwrites every block of shards 0..k-1 (unused blocks of a
    // last vector group keep old values, but every step acts on each long position alone and
    // those positions are never read back); the inputs past k must be zero.
    long[] w = workArray(rs.workShards() * shard);
    // the (I)FFT inputs past k must be zero; at low rate (k <= chunk) only those of the first
    // chunk are read (the later chunks are copies of it), which saves zeroing half the array
    int zeroEnd = rs.rate() == Rate.HIGH ? rs.workShards() : chunk;
    Arrays.fill(w, k * shard, zeroEnd * shard, 0L);
    long[] lo = new long[8];
    long[] hi = new long[8];
    for (int q = 0; q < k; q++) {
      kk.slice(work, q * shardLen, shardLen, symbolSize, w, q * shard, lo, hi);
    }
    long[] c = kk.scratch();
    if (rs.rate() == Rate.HIGH) {
      for (int start = 0; start < k; start += chunk) {
        int count = Math.min(chunk, k - start);
        ifft(kk, w, shard, start, chunk, count, start + chunk, c);
        if (start > 0) {
          for (int i = 0; i < chunk * shard; i++) {
            w[i] ^= w[start * shard + i];
          }
        }
      }
      fft(kk, w, shard, 0, chunk, r, 0, c);
    } else {
      ifft(kk, w, shard, 0, chunk, k, 0, c);
      int chunks = (r + chunk - 1) / chunk;
      for (int ch = 1; ch < chunks; ch++) {
        System.arraycopy(w, 0, w, ch * chunk * shard, chunk * shard);
      }
      for (int ch = 0; ch < chunks; ch++) {
        int start = ch * chunk;
        fft(kk, w, shard, start, chunk, Math.min(chunk, r - start), start + chunk, c);
      }
    }
    for (int j = 0; j < r; j++) {
      kk.unslice(w, j * shard, work, j * shardLen, shardLen, symbolSize, lo, hi);
    }
  }
}
