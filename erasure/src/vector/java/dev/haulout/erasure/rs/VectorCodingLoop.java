package dev.haulout.erasure.rs;

import static jdk.incubator.vector.VectorOperators.XOR;

import dev.haulout.erasure.gf.GF16;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BitslicedCodingLoop} with its bulk kernels on 512-bit vectors ({@code
 * jdk.incubator.vector}): the bit-sliced layout groups 8 blocks so that plane {@code i} of 8
 * blocks (512 words) is one {@link LongVector}, and a butterfly is the same 4-bit-table matrix
 * product as the scalar kernels, 8 longs per instruction. Per-butterfly byte operations (the
 * decoder's small cases, tiny symbols) are those of {@link TableCodingLoop}. Byte-identical to
 * {@link ScalarCodingLoop} (tested). Loaded only through {@link CodingLoop#vectorLoop()}.
 */
public final class VectorCodingLoop implements BitslicedLoop {
  private static final VectorSpecies<Long> S = LongVector.SPECIES_512;
  /** Longs per layout group: 16 planes of 8 blocks. */
  private static final int GROUP = 128;

  private static final BitslicedEngine.Kernels KERNELS =
      new BitslicedEngine.Kernels() {
        @Override
        public int granule() {
          return GROUP;
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

  @Override
  public BitslicedEngine.Kernels kernels() {
    return KERNELS;
  }

  @Override
  public void fftButterfly(byte[] buf, int a, int b, int len, int symbolSize, int logM) {
    TableCodingLoop.INSTANCE.fftButterfly(buf, a, b, len, symbolSize, logM);
  }

  @Override
  public void ifftButterfly(byte[] buf, int a, int b, int len, int symbolSize, int logM) {
    TableCodingLoop.INSTANCE.ifftButterfly(buf, a, b, len, symbolSize, logM);
  }

  @Override
  public void xor(byte[] buf, int dst, int src, int len) {
    TableCodingLoop.INSTANCE.xor(buf, dst, src, len);
  }

  @Override
  public void mulInPlace(byte[] buf, int off, int len, int symbolSize, int logM) {
    TableCodingLoop.INSTANCE.mulInPlace(buf, off, len, symbolSize, logM);
  }

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public String toString() {
    return name();
  }

  // ---- kernels: w[a ..) and w[b ..) are runs of whole 128-long groups --------------------------

  private static void xorInto(long[] w, int dst, int src, int longs) {
    for (int i = 0; i < longs; i += 8) {
      LongVector.fromArray(S, w, dst + i).lanewise(XOR, LongVector.fromArray(S, w, src + i)).intoArray(w, dst + i);
    }
  }

  /** Matrix table indices scaled to vector offsets in the combination table. */
  private static int[] offsets(int logM) {
    int[] m = BitslicedEngine.matrix(logM);
    int[] o = new int[64];
    for (int i = 0; i < 64; i++) {
      o[i] = 8 * m[i];
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
        LongVector v =
            LongVector.fromArray(S, c, m[4 * i])
                .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 1]))
                .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 2]))
                .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 3]));
        LongVector na = LongVector.fromArray(S, w, pa + 8 * i).lanewise(XOR, v);
        na.intoArray(w, pa + 8 * i);
        LongVector.fromArray(S, w, pb + 8 * i).lanewise(XOR, na).intoArray(w, pb + 8 * i);
      }
    }
  }

  static void ifftButterfly(long[] w, int a, int b, int longs, int logM, long[] c) {
    xorInto(w, b, a, longs);
    if (logM == GF16.MODULUS) {
      return;
    }
    int[] m = offsets(logM);
    for (int k = 0; k < longs; k += GROUP) {
      int pa = a + k;
      combos(w, b + k, c);
      for (int i = 0; i < 16; i++) {
        LongVector v =
            LongVector.fromArray(S, c, m[4 * i])
                .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 1]))
                .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 2]))
                .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 3]));
        LongVector.fromArray(S, w, pa + 8 * i).lanewise(XOR, v).intoArray(w, pa + 8 * i);
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
        LongVector.fromArray(S, c, m[4 * i])
            .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 1]))
            .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 2]))
            .lanewise(XOR, LongVector.fromArray(S, c, m[4 * i + 3]))
            .intoArray(w, pa + 8 * i);
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
      int o = 128 * g;
      int q = p + 32 * g;
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
