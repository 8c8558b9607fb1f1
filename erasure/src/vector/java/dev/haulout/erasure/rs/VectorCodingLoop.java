package dev.haulout.erasure.rs;

import static jdk.incubator.vector.VectorOperators.AND;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.XOR;

import dev.haulout.erasure.gf.GF16;
import dev.haulout.erasure.internal.vector.VectorWidth;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicReferenceArray;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BitslicedCodingLoop} with its bulk kernels on vectors ({@code jdk.incubator.vector}) of
 * the width {@link VectorWidth} chose: the bit-sliced layout groups 8 blocks so that plane
 * {@code i} of 8 blocks (512 words, 8 longs) is one 512-bit {@link LongVector}, or two 256-bit
 * or four 128-bit ones, and a butterfly is the same 4-bit-table matrix product as the scalar
 * kernels, {@code L} longs per instruction; one code path for every width. Full 64-byte segments are sliced 16
 * at a time with vector transposes ({@link #sliceGroup}); tails and leftover segments take the
 * scalar octet path into the groups after them. Per-butterfly byte operations (the
 * decoder's small cases, tiny symbols) are those of {@link TableCodingLoop}. Byte-identical to
 * {@link ScalarCodingLoop} (tested). Loaded only through {@link CodingLoop#vectorLoop()}.
 */
public final class VectorCodingLoop implements BitslicedLoop {
  private static final VectorSpecies<Long> S = VectorWidth.LONGS;
  private static final VectorSpecies<Byte> B = VectorWidth.BYTES;
  /**
   * Longs per vector: 8, 4 or 2. The layout does not depend on it (a plane of a group is 8 longs,
   * 8 blocks); at narrower widths every 8-long plane is {@code 8 / L} vectors, and the kernels
   * loop over them ({@code for (j = 0; j < 8; j += L)}, a single pass C2 removes at 512 bits).
   */
  private static final int L = S.length();
  /** Longs per layout group: 16 planes of 8 blocks. */
  private static final int GROUP = 128;
  /** Swaps the two 256-bit halves. */
  private static final VectorShuffle<Long> SWAP = VectorShuffle.fromOp(S, i -> (i ^ 4) % L);
  private static final AtomicReferenceArray<int[]> OFFSETS = new AtomicReferenceArray<>(GF16.MODULUS);
  /** Lanes 4-7. */
  private static final VectorMask<Long> HIGH = VectorMask.fromLong(S, 0xF0L);

  private static final BitslicedEngine.Kernels KERNELS =
      new BitslicedEngine.Kernels() {
        @Override
        public int shardLongs(int shardLen, int symbolSize) {
          int groups = fullSegments(shardLen, symbolSize) / 16;
          int rest = (shardLen / symbolSize) * BitslicedEngine.octetsPerSymbol(symbolSize) - 64 * groups;
          int restBlocks = (rest + 7) >>> 3;
          return GROUP * (groups + ((restBlocks + 7) >>> 3));
        }

        @Override
        public void slice(
            byte[] buf, int off, int len, int symbolSize, long[] planes, int dst, long[] lo, long[] hi) {
          VectorCodingLoop.slice(buf, off, len, symbolSize, planes, dst);
        }

        @Override
        public void unslice(
            long[] planes, int src, byte[] buf, int off, int len, int symbolSize, long[] lo, long[] hi) {
          VectorCodingLoop.unslice(planes, src, buf, off, len, symbolSize);
        }

        @Override
        public long[] scratch() {
          return new long[64 * 8];
        }

        @Override
        public void fftButterfly(long[] w, int a, int b, int longs, int logM, long[] c) {
          VectorCodingLoop.fftButterfly(w, a, b, longs, logM, c);
        }

        @Override
        public void ifftButterfly(long[] w, int a, int b, int longs, int logM, long[] c) {
          VectorCodingLoop.ifftButterfly(w, a, b, longs, logM, c);
        }

        @Override
        public void mulInPlace(long[] w, int a, int longs, int logM, long[] c) {
          VectorCodingLoop.mulInPlace(w, a, longs, logM, c);
        }
      };

  /** Public for reflective creation; use {@link CodingLoop#vectorLoop()}. */
  public VectorCodingLoop() {}

  /**
   * Runs a small RS(4, 6) encode (symbols of 302 bytes: full 64-byte segments and a tail) through
   * this loop and the scalar bit-sliced loop and compares them. The incubating API differs between
   * JDK releases (e.g. {@code LongVector.fromByteArray} is gone from later ones): there this throws
   * a {@link LinkageError}, and the caller keeps the scalar code.
   */
  public static boolean agreesWithScalar() {
    ReedSolomon rs = ReedSolomon.create(4, 6);
    int s = 302;
    int shardLen = 8 * s;
    byte[] ref = new byte[rs.workShards() * shardLen];
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < 4 * shardLen; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      ref[i] = (byte) (x >>> 56);
    }
    byte[] got = ref.clone();
    rs.encodeInPlace(BitslicedCodingLoop.INSTANCE, ref, shardLen, s);
    rs.encodeInPlace(new VectorCodingLoop(), got, shardLen, s);
    return java.util.Arrays.equals(ref, 0, 6 * shardLen, got, 0, 6 * shardLen);
  }

  @Override
  public BitslicedEngine.Kernels kernels() {
    return KERNELS;
  }

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public String toString() {
    return name();
  }

  // ---- layout -------------------------------------------------------------------------------

  /** Full 64-byte segments in a shard of {@code len} bytes. */
  static int fullSegments(int len, int symbolSize) {
    return (len / symbolSize) * (symbolSize >>> 6);
  }

  /**
   * Slices the shard {@code [off, off+len)} into the groups at {@code dst}: its full 64-byte
   * segments 16 at a time straight from {@code buf}; then the left-over full segments (fewer
   * than 16) and the symbol tails, packed octet by octet into 64-byte scratch segments (octet
   * {@code j} of scratch segment {@code v}: low bytes at {@code 64 v + 8 j}, high bytes 32
   * further; partial octets and unused octets zero), 16 scratch segments per group, through the
   * same vector transposes. The layout only has to be the same for every shard of one length:
   * the code acts on each word position alone, so zero lanes are harmless.
   */
  static void slice(byte[] buf, int off, int len, int symbolSize, long[] planes, int dst) {
    int full = fullSegments(len, symbolSize);
    int groups = full / 16;
    int[] seg = segmentOffsets(off, len, symbolSize, full);
    long[] tmp = TMP.get();
    for (int g = 0; g < groups; g++) {
      sliceGroup(buf, seg, 16 * g, planes, dst + GROUP * g, tmp);
    }
    int tailHalf = (symbolSize & 63) >>> 1;
    if (full == 16 * groups && tailHalf == 0) {
      return;
    }
    byte[] sc = PACK.get();
    int g = groups;
    int o = 0;
    for (int f = 16 * groups; f < full; f++) {
      System.arraycopy(buf, seg[f], sc, 16 * o, 64);
      o += 4;
      if (o == 64) {
        sliceGroup(sc, PACK_SEGMENTS, 0, planes, dst + GROUP * g++, tmp);
        o = 0;
      }
    }
    if (tailHalf > 0) {
      int tailOff = symbolSize & ~63;
      int symbols = len / symbolSize;
      for (int t = 0; t < symbols; t++) {
        int p = off + t * symbolSize + tailOff;
        for (int e0 = 0; e0 < tailHalf; e0 += 8) {
          int q = 64 * (o >>> 2) + 8 * (o & 3);
          int cnt = tailHalf - e0;
          if (cnt >= 8) {
            LONGS.set(sc, q, (long) LONGS.get(buf, p + e0));
            LONGS.set(sc, q + 32, (long) LONGS.get(buf, p + tailHalf + e0));
          } else {
            long mask = -1L >>> (64 - 8 * cnt);
            LONGS.set(sc, q, readPartial(buf, p + e0, cnt, mask));
            LONGS.set(sc, q + 32, readPartial(buf, p + tailHalf + e0, cnt, mask));
          }
          if (++o == 64) {
            sliceGroup(sc, PACK_SEGMENTS, 0, planes, dst + GROUP * g++, tmp);
            o = 0;
          }
        }
      }
    }
    if (o > 0) {
      for (; o < 64; o++) {
        int q = 64 * (o >>> 2) + 8 * (o & 3);
        LONGS.set(sc, q, 0L);
        LONGS.set(sc, q + 32, 0L);
      }
      sliceGroup(sc, PACK_SEGMENTS, 0, planes, dst + GROUP * g, tmp);
    }
  }

  /** The {@code cnt < 8} bytes at {@code p}, little-endian, zero above ({@code mask}: their bits). */
  private static long readPartial(byte[] buf, int p, int cnt, long mask) {
    if (p + 8 <= buf.length) {
      return (long) LONGS.get(buf, p) & mask;
    }
    long v = 0;
    for (int i = 0; i < cnt; i++) {
      v |= (long) (buf[p + i] & 0xFF) << (8 * i);
    }
    return v;
  }

  /**
   * The low {@code cnt < 8} bytes of {@code v} to {@code buf[p ..]} ({@code mask}: their bits), the
   * bytes after them unchanged: one 8-byte read-modify-write where the array is long enough (two
   * tiny {@code System.arraycopy} calls per symbol cost more), else byte by byte.
   */
  private static void writePartial(byte[] buf, int p, int cnt, long mask, long v) {
    if (p + 8 <= buf.length) {
      long old = (long) LONGS.get(buf, p);
      LONGS.set(buf, p, (old & ~mask) | (v & mask));
      return;
    }
    for (int i = 0; i < cnt; i++) {
      buf[p + i] = (byte) (v >>> (8 * i));
    }
  }

  /** Inverse of {@link #slice}. */
  static void unslice(long[] planes, int src, byte[] buf, int off, int len, int symbolSize) {
    int full = fullSegments(len, symbolSize);
    int groups = full / 16;
    int[] seg = segmentOffsets(off, len, symbolSize, full);
    long[] tmp = TMP.get();
    for (int g = 0; g < groups; g++) {
      unsliceGroup(planes, src + GROUP * g, buf, seg, 16 * g, tmp);
    }
    int tailHalf = (symbolSize & 63) >>> 1;
    if (full == 16 * groups && tailHalf == 0) {
      return;
    }
    byte[] sc = PACK.get();
    int g = groups;
    int o = 0;
    for (int f = 16 * groups; f < full; f++) {
      if (o == 0) {
        unsliceGroup(planes, src + GROUP * g++, sc, PACK_SEGMENTS, 0, tmp);
      }
      System.arraycopy(sc, 16 * o, buf, seg[f], 64);
      o = (o + 4) & 63;
    }
    if (tailHalf > 0) {
      int tailOff = symbolSize & ~63;
      int symbols = len / symbolSize;
      for (int t = 0; t < symbols; t++) {
        int p = off + t * symbolSize + tailOff;
        for (int e0 = 0; e0 < tailHalf; e0 += 8) {
          if (o == 0) {
            unsliceGroup(planes, src + GROUP * g++, sc, PACK_SEGMENTS, 0, tmp);
          }
          int q = 64 * (o >>> 2) + 8 * (o & 3);
          int cnt = tailHalf - e0;
          if (cnt >= 8) {
            LONGS.set(buf, p + e0, (long) LONGS.get(sc, q));
            LONGS.set(buf, p + tailHalf + e0, (long) LONGS.get(sc, q + 32));
          } else {
            long mask = -1L >>> (64 - 8 * cnt);
            writePartial(buf, p + e0, cnt, mask, (long) LONGS.get(sc, q));
            writePartial(buf, p + tailHalf + e0, cnt, mask, (long) LONGS.get(sc, q + 32));
          }
          o = (o + 1) & 63;
        }
      }
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Per-thread scratch: 16 packed 64-byte segments. */
  private static final ThreadLocal<byte[]> PACK = ThreadLocal.withInitial(() -> new byte[16 * 64]);

  /** Offsets of the 16 segments of the packing scratch. */
  private static final int[] PACK_SEGMENTS = new int[16];

  static {
    for (int v = 0; v < 16; v++) {
      PACK_SEGMENTS[v] = 64 * v;
    }
  }

  /** Per-thread group scratch. */
  private static final ThreadLocal<long[]> TMP = ThreadLocal.withInitial(() -> new long[GROUP]);

  /** Per-thread scratch for segment offsets. */
  private static final ThreadLocal<int[][]> SEGMENTS = ThreadLocal.withInitial(() -> new int[1][64]);

  /**
   * Byte offsets of the first {@code count} full segments of the shard at {@code off}, in shard
   * order (in a per-thread array that the next call overwrites).
   */
  private static int[] segmentOffsets(int off, int len, int symbolSize, int count) {
    int[][] holder = SEGMENTS.get();
    if (holder[0].length < count) {
      holder[0] = new int[count];
    }
    int[] seg = holder[0];
    int full = symbolSize >>> 6;
    int f = 0;
    for (int sym = off; f < count; sym += symbolSize) {
      for (int q = 0; q < full && f < count; q++) {
        seg[f++] = sym + 64 * q;
      }
    }
    return seg;
  }

  /**
   * Slices full segments {@code seg[f0 .. f0 + 16)} (byte offsets into {@code buf}) into the
   * 128-long group at {@code p}: each 64-byte segment is one vector (lanes 0-3 the low-byte
   * octets, 4-7 the high-byte octets); a bit transpose inside each lane, a byte transpose across
   * 8 vectors and a half swap between the two sets of 8 give plane i of the 8 blocks (block
   * {@code 4 h + c} = octet c of the segments of half h) in one vector. {@code tmp}: 128 longs.
   */
  private static void sliceGroup(byte[] buf, int[] seg, int f0, long[] planes, int p, long[] tmp) {
    sliceHalf(buf, seg, f0, tmp, 0);
    sliceHalf(buf, seg, f0 + 8, tmp, 64);
    if (L == 8) {
      for (int i = 0; i < 8; i++) {
        LongVector a = LongVector.fromArray(S, tmp, 8 * i);
        LongVector c = LongVector.fromArray(S, tmp, 64 + 8 * i);
        a.blend(c.rearrange(SWAP), HIGH).intoArray(planes, p + 8 * i);
        a.rearrange(SWAP).blend(c, HIGH).intoArray(planes, p + 64 + 8 * i);
      }
      return;
    }
    // narrower vectors: the same half exchange is whole vectors moving
    for (int i = 0; i < 8; i++) {
      for (int h = 0; h < 4; h += L) {
        LongVector.fromArray(S, tmp, 8 * i + h).intoArray(planes, p + 8 * i + h);
        LongVector.fromArray(S, tmp, 64 + 8 * i + h).intoArray(planes, p + 8 * i + 4 + h);
        LongVector.fromArray(S, tmp, 8 * i + 4 + h).intoArray(planes, p + 64 + 8 * i + h);
        LongVector.fromArray(S, tmp, 64 + 8 * i + 4 + h).intoArray(planes, p + 64 + 8 * i + 4 + h);
      }
    }
  }

  /** Inverse of {@link #sliceGroup}. */
  private static void unsliceGroup(long[] planes, int p, byte[] buf, int[] seg, int f0, long[] tmp) {
    if (L == 8) {
      for (int i = 0; i < 8; i++) {
        LongVector lo = LongVector.fromArray(S, planes, p + 8 * i);
        LongVector hi = LongVector.fromArray(S, planes, p + 64 + 8 * i);
        lo.blend(hi.rearrange(SWAP), HIGH).intoArray(tmp, 8 * i);
        lo.rearrange(SWAP).blend(hi, HIGH).intoArray(tmp, 64 + 8 * i);
      }
    } else {
      for (int i = 0; i < 8; i++) {
        for (int h = 0; h < 4; h += L) {
          LongVector.fromArray(S, planes, p + 8 * i + h).intoArray(tmp, 8 * i + h);
          LongVector.fromArray(S, planes, p + 8 * i + 4 + h).intoArray(tmp, 64 + 8 * i + h);
          LongVector.fromArray(S, planes, p + 64 + 8 * i + h).intoArray(tmp, 8 * i + 4 + h);
          LongVector.fromArray(S, planes, p + 64 + 8 * i + 4 + h).intoArray(tmp, 64 + 8 * i + 4 + h);
        }
      }
    }
    unsliceHalf(tmp, 0, buf, seg, f0);
    unsliceHalf(tmp, 64, buf, seg, f0 + 8);
  }

  /**
   * 8x8 bit transpose inside each lane (bit k of byte b to bit b of byte k) of the vector at
   * {@code t[p ..p + L)}, in place; an involution. Arrays in and out, no vector parameter: a
   * helper that takes or returns a vector boxes it whenever C2 does not inline the helper.
   */
  private static void transposeBits(long[] t, int p) {
    LongVector x = LongVector.fromArray(S, t, p);
    LongVector u = x.lanewise(XOR, x.lanewise(LSHR, 7)).lanewise(AND, 0x00AA00AA00AA00AAL);
    x = x.lanewise(XOR, u).lanewise(XOR, u.lanewise(LSHL, 7));
    u = x.lanewise(XOR, x.lanewise(LSHR, 14)).lanewise(AND, 0x0000CCCC0000CCCCL);
    x = x.lanewise(XOR, u).lanewise(XOR, u.lanewise(LSHL, 14));
    u = x.lanewise(XOR, x.lanewise(LSHR, 28)).lanewise(AND, 0x00000000F0F0F0F0L);
    x.lanewise(XOR, u).lanewise(XOR, u.lanewise(LSHL, 28)).intoArray(t, p);
  }

  /**
   * Segments {@code seg[f0 .. f0 + 8)}, bit- and byte-transposed, to {@code tmp[to .. to + 64)}.
   * Written as loops over small helpers through {@code tmp} (in L1): one straight-line method
   * with all ~100 vector operations exceeded C2's inlining budget, so part of it ran on boxed
   * vectors (about 1 GB of garbage per 64 MiB blob ID).
   */
  private static void sliceHalf(byte[] buf, int[] seg, int f0, long[] tmp, int to) {
    for (int i = 0; i < 8; i++) {
      int from = seg[f0 + i];
      for (int j = 0; j < 8; j += L) {
        ByteVector.fromArray(B, buf, from + 8 * j).reinterpretAsLongs().intoArray(tmp, to + 8 * i + j);
        transposeBits(tmp, to + 8 * i + j);
      }
    }
    for (int j = 0; j < 8; j += L) {
      transposeBytes(tmp, to + j);
    }
  }

  /** Inverse of {@link #sliceHalf}. */
  private static void unsliceHalf(long[] tmp, int from, byte[] buf, int[] seg, int f0) {
    for (int j = 0; j < 8; j += L) {
      transposeBytes(tmp, from + j);
    }
    for (int i = 0; i < 8; i++) {
      int to = seg[f0 + i];
      for (int j = 0; j < 8; j += L) {
        transposeBits(tmp, from + 8 * i + j);
        LongVector.fromArray(S, tmp, from + 8 * i + j).reinterpretAsBytes().intoArray(buf, to + 8 * j);
      }
    }
  }

  /**
   * 8x8 byte transpose across the 8 vectors at {@code t[p + 8 i ..p + 8 i + L)}, i = 0..7, lane by
   * lane (byte k of vector i to byte i of vector k); an involution. The caller covers 8-long
   * rows with {@code 8 / L} calls. Three stages of swaps of 8-, 16- and 32-bit
   * fields between vectors {@code i} and {@code i + d}, d = 1, 2, 4.
   */
  private static void transposeBytes(long[] t, int p) {
    // straight-line in registers (the stages used to go through t): 8 loads and 8 stores instead
    // of 48 memory operations; no vector outlives this method, so nothing can be boxed
    LongVector r0 = LongVector.fromArray(S, t, p);
    LongVector r1 = LongVector.fromArray(S, t, p + 8);
    LongVector r2 = LongVector.fromArray(S, t, p + 16);
    LongVector r3 = LongVector.fromArray(S, t, p + 24);
    LongVector r4 = LongVector.fromArray(S, t, p + 32);
    LongVector r5 = LongVector.fromArray(S, t, p + 40);
    LongVector r6 = LongVector.fromArray(S, t, p + 48);
    LongVector r7 = LongVector.fromArray(S, t, p + 56);
    LongVector x;
    // d = 1: 8-bit fields
    x = r0.lanewise(LSHR, 8).lanewise(XOR, r1).lanewise(AND, M8);
    r1 = r1.lanewise(XOR, x);
    r0 = r0.lanewise(XOR, x.lanewise(LSHL, 8));
    x = r2.lanewise(LSHR, 8).lanewise(XOR, r3).lanewise(AND, M8);
    r3 = r3.lanewise(XOR, x);
    r2 = r2.lanewise(XOR, x.lanewise(LSHL, 8));
    x = r4.lanewise(LSHR, 8).lanewise(XOR, r5).lanewise(AND, M8);
    r5 = r5.lanewise(XOR, x);
    r4 = r4.lanewise(XOR, x.lanewise(LSHL, 8));
    x = r6.lanewise(LSHR, 8).lanewise(XOR, r7).lanewise(AND, M8);
    r7 = r7.lanewise(XOR, x);
    r6 = r6.lanewise(XOR, x.lanewise(LSHL, 8));
    // d = 2: 16-bit fields
    x = r0.lanewise(LSHR, 16).lanewise(XOR, r2).lanewise(AND, M16);
    r2 = r2.lanewise(XOR, x);
    r0 = r0.lanewise(XOR, x.lanewise(LSHL, 16));
    x = r1.lanewise(LSHR, 16).lanewise(XOR, r3).lanewise(AND, M16);
    r3 = r3.lanewise(XOR, x);
    r1 = r1.lanewise(XOR, x.lanewise(LSHL, 16));
    x = r4.lanewise(LSHR, 16).lanewise(XOR, r6).lanewise(AND, M16);
    r6 = r6.lanewise(XOR, x);
    r4 = r4.lanewise(XOR, x.lanewise(LSHL, 16));
    x = r5.lanewise(LSHR, 16).lanewise(XOR, r7).lanewise(AND, M16);
    r7 = r7.lanewise(XOR, x);
    r5 = r5.lanewise(XOR, x.lanewise(LSHL, 16));
    // d = 4: 32-bit fields
    x = r0.lanewise(LSHR, 32).lanewise(XOR, r4).lanewise(AND, M32);
    r4 = r4.lanewise(XOR, x);
    r0 = r0.lanewise(XOR, x.lanewise(LSHL, 32));
    x = r1.lanewise(LSHR, 32).lanewise(XOR, r5).lanewise(AND, M32);
    r5 = r5.lanewise(XOR, x);
    r1 = r1.lanewise(XOR, x.lanewise(LSHL, 32));
    x = r2.lanewise(LSHR, 32).lanewise(XOR, r6).lanewise(AND, M32);
    r6 = r6.lanewise(XOR, x);
    r2 = r2.lanewise(XOR, x.lanewise(LSHL, 32));
    x = r3.lanewise(LSHR, 32).lanewise(XOR, r7).lanewise(AND, M32);
    r7 = r7.lanewise(XOR, x);
    r3 = r3.lanewise(XOR, x.lanewise(LSHL, 32));
    r0.intoArray(t, p);
    r1.intoArray(t, p + 8);
    r2.intoArray(t, p + 16);
    r3.intoArray(t, p + 24);
    r4.intoArray(t, p + 32);
    r5.intoArray(t, p + 40);
    r6.intoArray(t, p + 48);
    r7.intoArray(t, p + 56);
  }

  private static final long M8 = 0x00FF00FF00FF00FFL;
  private static final long M16 = 0x0000FFFF0000FFFFL;
  private static final long M32 = 0x00000000FFFFFFFFL;

  // ---- kernels: w[a ..) and w[b ..) are runs of whole 128-long groups --------------------------

  private static void xorInto(long[] w, int dst, int src, int longs) {
    for (int i = 0; i < longs; i += L) {
      LongVector.fromArray(S, w, dst + i).lanewise(XOR, LongVector.fromArray(S, w, src + i)).intoArray(w, dst + i);
    }
  }

  /** Matrix table indices scaled to vector offsets in the combination table (cached per logM). */
  private static int[] offsets(int logM) {
    int[] o = OFFSETS.get(logM);
    if (o == null) {
      int[] m = BitslicedEngine.matrix(logM);
      o = new int[64];
      for (int i = 0; i < 64; i++) {
        o[i] = 8 * m[i];
      }
      OFFSETS.set(logM, o);
    }
    return o;
  }

  static void fftButterfly(long[] w, int a, int b, int longs, int logM, long[] c) {
    if (logM == GF16.MODULUS) {
      xorInto(w, b, a, longs);
      return;
    }
    int[] m = offsets(logM);
    for (int k = 0; k < longs; k += GROUP) {
      int pa = a + k;
      int pb = b + k;
      combos(w, pb, c);
      for (int i = 0; i < 16; i++) {
        for (int j = 0; j < 8; j += L) {
          LongVector v =
              LongVector.fromArray(S, c, m[4 * i] + j)
                  .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 1] + j))
                  .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 2] + j))
                  .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 3] + j));
          LongVector na = LongVector.fromArray(S, w, pa + 8 * i + j).lanewise(XOR, v);
          na.intoArray(w, pa + 8 * i + j);
          LongVector.fromArray(S, w, pb + 8 * i + j).lanewise(XOR, na).intoArray(w, pb + 8 * i + j);
        }
      }
    }
  }

  static void ifftButterfly(long[] w, int a, int b, int longs, int logM, long[] c) {
    if (logM == GF16.MODULUS) {
      xorInto(w, b, a, longs);
      return;
    }
    int[] m = offsets(logM);
    for (int k = 0; k < longs; k += GROUP) {
      int pa = a + k;
      combosXor(w, pa, b + k, c);
      for (int i = 0; i < 16; i++) {
        for (int j = 0; j < 8; j += L) {
          LongVector v =
              LongVector.fromArray(S, c, m[4 * i] + j)
                  .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 1] + j))
                  .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 2] + j))
                  .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 3] + j));
          LongVector.fromArray(S, w, pa + 8 * i + j).lanewise(XOR, v).intoArray(w, pa + 8 * i + j);
        }
      }
    }
  }

  static void mulInPlace(long[] w, int a, int longs, int logM, long[] c) {
    if (logM == GF16.MODULUS) {
      java.util.Arrays.fill(w, a, a + longs, 0L);
      return;
    }
    int[] m = offsets(logM);
    for (int k = 0; k < longs; k += GROUP) {
      int pa = a + k;
      combos(w, pa, c);
      for (int i = 0; i < 16; i++) {
        for (int j = 0; j < 8; j += L) {
          LongVector.fromArray(S, c, m[4 * i] + j)
              .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 1] + j))
              .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 2] + j))
              .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 3] + j))
              .intoArray(w, pa + 8 * i + j);
        }
      }
    }
  }

  /**
   * The 16 XOR combinations of each group of 4 planes of the group at {@code p}, as vectors:
   * combination {@code x} of plane group {@code g} at {@code c[8 (16 g + x)]} ({@code x = 0}
   * stays zero).
   */
  private static void combos(long[] w, int p, long[] c) {
    for (int g = 0; g < 4; g++) {
      storeCombos(w, p + 32 * g, c, 128 * g);
    }
  }

  /** {@link #combos} of {@code b ^= a}, storing the new b (the first half of an IFFT butterfly). */
  private static void combosXor(long[] w, int pa, int p, long[] c) {
    for (int i = 0; i < 128; i += L) {
      LongVector.fromArray(S, w, p + i).lanewise(XOR, LongVector.fromArray(S, w, pa + i)).intoArray(w, p + i);
    }
    combos(w, p, c);
  }

  /**
   * Stores the 15 non-zero XOR combinations of the 4 planes at {@code w[q ..q + 32)} at {@code
   * c[o + 8 x]}, x = 1..15. Takes arrays, not vectors: when this took the 4 planes as {@code
   * LongVector} parameters, some JVMs did not inline it into {@code combosXor} and ran the IFFT
   * butterflies on boxed vectors (≈ 200 MB of garbage per 64 MiB blob ID in steady state, JFR
   * allocation samples), which is one reason the blob-ID time differed between JVMs.
   */
  private static void storeCombos(long[] w, int q0, long[] c, int o0) {
    // the loop inline (no nested helper): one pass at 512 bits, the method as before
    for (int j = 0; j < 8; j += L) {
      int q = q0 + j;
      int o = o0 + j;
      LongVector p0 = LongVector.fromArray(S, w, q);
      LongVector p1 = LongVector.fromArray(S, w, q + 8);
      LongVector p2 = LongVector.fromArray(S, w, q + 16);
      LongVector p3 = LongVector.fromArray(S, w, q + 24);
      LongVector p01 = p0.lanewise(XOR, p1);
      LongVector p23 = p2.lanewise(XOR, p3);
      p0.intoArray(c, o + 8);
      p1.intoArray(c, o + 16);
      p01.intoArray(c, o + 24);
      p2.intoArray(c, o + 32);
      p2.lanewise(XOR, p0).intoArray(c, o + 40);
      p2.lanewise(XOR, p1).intoArray(c, o + 48);
      p2.lanewise(XOR, p01).intoArray(c, o + 56);
      p3.intoArray(c, o + 64);
      p3.lanewise(XOR, p0).intoArray(c, o + 72);
      p3.lanewise(XOR, p1).intoArray(c, o + 80);
      p3.lanewise(XOR, p01).intoArray(c, o + 88);
      p23.intoArray(c, o + 96);
      p23.lanewise(XOR, p0).intoArray(c, o + 104);
      p23.lanewise(XOR, p1).intoArray(c, o + 112);
      p23.lanewise(XOR, p01).intoArray(c, o + 120);
    }
  }
}
