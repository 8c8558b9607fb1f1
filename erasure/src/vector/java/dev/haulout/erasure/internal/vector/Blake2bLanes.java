package dev.haulout.erasure.internal.vector;

import static jdk.incubator.vector.VectorOperators.ROR;
import static jdk.incubator.vector.VectorOperators.XOR;

import dev.haulout.erasure.internal.Blake2bBatch;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Multi-lane BLAKE2b-256 (RFC 7693, unkeyed, 32-byte digest) with the Vector API: 8
 * independent messages of equal length are hashed at once, message {@code l} in lane {@code l}
 * of every {@link LongVector} of the state, so one SIMD instruction advances all of them. The
 * messages' words are transposed into lane order (word {@code j} of block {@code b} of lane
 * {@code l} at {@code msg[(16 b + j) L + l]}) before the rounds. Byte-identical to {@link
 * dev.haulout.erasure.internal.Blake2b256}, tested against it. Loaded only through {@link
 * dev.haulout.erasure.internal.VectorSupport}, and only used where 512-bit vectors are native:
 * the same code on 256-bit vectors (4 lanes) is not turned into SIMD instructions by C2 on JDK 17
 * (nor 25) and ran about 15 times slower than the scalar hash.
 */
public final class Blake2bLanes extends Blake2bBatch {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static final long[] IV = {
    0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
    0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
  };

  private static final VectorSpecies<Long> S = LongVector.SPECIES_512;
  private static final int LANES = 8;

  private static final int[][] SIGMA_ROWS = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}
  };

  /** Message word offsets, round-major, already multiplied by the lane count. */
  private static final int[] SIGMA = new int[16 * 12];

  static {
    for (int r = 0; r < 12; r++) {
      for (int i = 0; i < 16; i++) {
        SIGMA[16 * r + i] = SIGMA_ROWS[r % 10][i] * LANES;
      }
    }
  }

  private final int pre;
  private final long total;
  private final int blocks;
  private final byte[][] src;
  private final int[] srcOff;
  private final byte[][] dst;
  private final int[] dstOff;
  private final byte[] staging;
  private final long[] msg;
  private final long[] h;
  private int pending;

  /** Messages {@code prefix ‖ length bytes} ({@code prefix < 0}: none). */
  /**
   * Hashes 11 messages of 100 bytes (a full batch of 8 and a partial one) here and with the scalar
   * reference and compares; a JDK whose incubating API differs throws a {@link LinkageError}.
   */
  public static boolean agreesWithScalar() {
    byte[] msgs = new byte[11 * 100];
    for (int i = 0; i < msgs.length; i++) {
      msgs[i] = (byte) (i * 31 + (i >>> 7));
    }
    byte[] ref = new byte[11 * 32];
    byte[] got = new byte[11 * 32];
    Blake2bBatch scalar = Blake2bBatch.scalar(0, 100);
    Blake2bLanes lanes = new Blake2bLanes(0, 100);
    for (int i = 0; i < 11; i++) {
      scalar.add(msgs, 100 * i, ref, 32 * i);
      lanes.add(msgs, 100 * i, got, 32 * i);
    }
    scalar.flush();
    lanes.flush();
    return java.util.Arrays.equals(ref, got);
  }

  public Blake2bLanes(int prefix, int length) {
    super(prefix, length);
    int lanes = LANES;
    this.pre = prefix >= 0 ? 1 : 0;
    this.total = (long) length + pre;
    this.blocks = (int) Math.max(1, (total + 127) / 128);
    this.src = new byte[lanes][];
    this.srcOff = new int[lanes];
    this.dst = new byte[lanes][];
    this.dstOff = new int[lanes];
    this.staging = new byte[16];
    this.msg = new long[16 * blocks * lanes];
    this.h = new long[8 * lanes];
  }

  @Override
  public int lanes() {
    return LANES;
  }

  @Override
  public void add(byte[] data, int off, byte[] out, int outOff) {
    if (off < 0 || off > data.length - length || outOff < 0 || outOff > out.length - 32) {
      throw new IndexOutOfBoundsException("message at " + off + " or digest at " + outOff + " out of bounds");
    }
    int p = pending;
    src[p] = data;
    srcOff[p] = off;
    dst[p] = out;
    dstOff[p] = outOff;
    pending = p + 1;
    if (pending == LANES) {
      run();
    }
  }

  @Override
  public void flush() {
    if (pending > 0) {
      run();
    }
  }

  private void run() {
    int count = pending;
    int lanes = LANES;
    for (int l = 0; l < count; l++) {
      arrange(src[l], srcOff[l], l);
      src[l] = null;
    }
    for (int i = 0; i < 8; i++) {
      long iv = i == 0 ? IV[0] ^ 0x01010000L ^ 32 : IV[i];
      for (int l = 0; l < lanes; l++) {
        h[i * lanes + l] = iv;
      }
    }
    for (int b = 0; b < blocks; b++) {
      boolean last = b == blocks - 1;
      long counter = last ? total : 128L * (b + 1);
      compress(h, msg, 16 * b * lanes, counter, last);
    }
    for (int l = 0; l < count; l++) {
      byte[] out = dst[l];
      int o = dstOff[l];
      LONGS.set(out, o, h[l]);
      LONGS.set(out, o + 8, h[lanes + l]);
      LONGS.set(out, o + 16, h[2 * lanes + l]);
      LONGS.set(out, o + 24, h[3 * lanes + l]);
      dst[l] = null;
    }
    pending = 0;
  }

  /**
   * Message {@code prefix ‖ data[off, off + length)} into lane {@code l} of {@code msg}: every
   * word is one unaligned little-endian load from {@code data} (the prefix word shifted up by a
   * byte, a partial last word shifted down from the load of the message's last 8 bytes), without
   * reading outside the message; messages under 8 bytes go through {@code staging}. The zero
   * words past the end are never written, so they stay zero.
   */
  private void arrange(byte[] data, int off, int l) {
    int lanes = LANES;
    if (length < 8) {
      arrangeShort(data, off, l);
      return;
    }
    int w = 0;
    if (pre == 1) {
      msg[l] = ((long) LONGS.get(data, off) << 8) | (prefix & 0xFFL);
      w = 1;
    }
    int fullEnd = (int) (total >>> 3); // words wholly inside the message
    int base = off - pre;
    for (int q = w * lanes + l; w < fullEnd; w++, q += lanes) {
      msg[q] = (long) LONGS.get(data, base + 8 * w);
    }
    int rest = (int) (total & 7);
    if (rest != 0) {
      msg[w * lanes + l] = (long) LONGS.get(data, off + length - 8) >>> (8 * (8 - rest));
    }
  }

  /** {@link #arrange} of a message under 8 bytes (at most two words). */
  private void arrangeShort(byte[] data, int off, int l) {
    java.util.Arrays.fill(staging, (byte) 0);
    if (pre == 1) {
      staging[0] = (byte) prefix;
    }
    System.arraycopy(data, off, staging, pre, length);
    int used = (int) ((total + 7) >>> 3);
    for (int w = 0; w < used; w++) {
      msg[w * LANES + l] = (long) LONGS.get(staging, 8 * w);
    }
  }

  /** One compression of all 8 lanes: state {@code h} (8 L longs), message words at {@code m[mo ..]}. */
  private static void compress(long[] h, long[] m, int mo, long counter, boolean last) {
    LongVector v0 = LongVector.fromArray(S, h, 0);
    LongVector v1 = LongVector.fromArray(S, h, 8);
    LongVector v2 = LongVector.fromArray(S, h, 16);
    LongVector v3 = LongVector.fromArray(S, h, 24);
    LongVector v4 = LongVector.fromArray(S, h, 32);
    LongVector v5 = LongVector.fromArray(S, h, 40);
    LongVector v6 = LongVector.fromArray(S, h, 48);
    LongVector v7 = LongVector.fromArray(S, h, 56);
    LongVector v8 = LongVector.broadcast(S, IV[0]);
    LongVector v9 = LongVector.broadcast(S, IV[1]);
    LongVector v10 = LongVector.broadcast(S, IV[2]);
    LongVector v11 = LongVector.broadcast(S, IV[3]);
    LongVector v12 = LongVector.broadcast(S, IV[4] ^ counter);
    LongVector v13 = LongVector.broadcast(S, IV[5]);
    LongVector v14 = LongVector.broadcast(S, last ? ~IV[6] : IV[6]);
    LongVector v15 = LongVector.broadcast(S, IV[7]);
    for (int r = 0; r < 12; r++) {
      int sb = 16 * r;
      v0 = v0.add(v4).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 0]));
      v12 = v12.lanewise(XOR, v0).lanewise(ROR, 32);
      v8 = v8.add(v12);
      v4 = v4.lanewise(XOR, v8).lanewise(ROR, 24);
      v0 = v0.add(v4).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 1]));
      v12 = v12.lanewise(XOR, v0).lanewise(ROR, 16);
      v8 = v8.add(v12);
      v4 = v4.lanewise(XOR, v8).lanewise(ROR, 63);
      v1 = v1.add(v5).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 2]));
      v13 = v13.lanewise(XOR, v1).lanewise(ROR, 32);
      v9 = v9.add(v13);
      v5 = v5.lanewise(XOR, v9).lanewise(ROR, 24);
      v1 = v1.add(v5).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 3]));
      v13 = v13.lanewise(XOR, v1).lanewise(ROR, 16);
      v9 = v9.add(v13);
      v5 = v5.lanewise(XOR, v9).lanewise(ROR, 63);
      v2 = v2.add(v6).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 4]));
      v14 = v14.lanewise(XOR, v2).lanewise(ROR, 32);
      v10 = v10.add(v14);
      v6 = v6.lanewise(XOR, v10).lanewise(ROR, 24);
      v2 = v2.add(v6).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 5]));
      v14 = v14.lanewise(XOR, v2).lanewise(ROR, 16);
      v10 = v10.add(v14);
      v6 = v6.lanewise(XOR, v10).lanewise(ROR, 63);
      v3 = v3.add(v7).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 6]));
      v15 = v15.lanewise(XOR, v3).lanewise(ROR, 32);
      v11 = v11.add(v15);
      v7 = v7.lanewise(XOR, v11).lanewise(ROR, 24);
      v3 = v3.add(v7).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 7]));
      v15 = v15.lanewise(XOR, v3).lanewise(ROR, 16);
      v11 = v11.add(v15);
      v7 = v7.lanewise(XOR, v11).lanewise(ROR, 63);
      v0 = v0.add(v5).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 8]));
      v15 = v15.lanewise(XOR, v0).lanewise(ROR, 32);
      v10 = v10.add(v15);
      v5 = v5.lanewise(XOR, v10).lanewise(ROR, 24);
      v0 = v0.add(v5).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 9]));
      v15 = v15.lanewise(XOR, v0).lanewise(ROR, 16);
      v10 = v10.add(v15);
      v5 = v5.lanewise(XOR, v10).lanewise(ROR, 63);
      v1 = v1.add(v6).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 10]));
      v12 = v12.lanewise(XOR, v1).lanewise(ROR, 32);
      v11 = v11.add(v12);
      v6 = v6.lanewise(XOR, v11).lanewise(ROR, 24);
      v1 = v1.add(v6).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 11]));
      v12 = v12.lanewise(XOR, v1).lanewise(ROR, 16);
      v11 = v11.add(v12);
      v6 = v6.lanewise(XOR, v11).lanewise(ROR, 63);
      v2 = v2.add(v7).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 12]));
      v13 = v13.lanewise(XOR, v2).lanewise(ROR, 32);
      v8 = v8.add(v13);
      v7 = v7.lanewise(XOR, v8).lanewise(ROR, 24);
      v2 = v2.add(v7).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 13]));
      v13 = v13.lanewise(XOR, v2).lanewise(ROR, 16);
      v8 = v8.add(v13);
      v7 = v7.lanewise(XOR, v8).lanewise(ROR, 63);
      v3 = v3.add(v4).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 14]));
      v14 = v14.lanewise(XOR, v3).lanewise(ROR, 32);
      v9 = v9.add(v14);
      v4 = v4.lanewise(XOR, v9).lanewise(ROR, 24);
      v3 = v3.add(v4).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 15]));
      v14 = v14.lanewise(XOR, v3).lanewise(ROR, 16);
      v9 = v9.add(v14);
      v4 = v4.lanewise(XOR, v9).lanewise(ROR, 63);
    }
    LongVector.fromArray(S, h, 0).lanewise(XOR, v0).lanewise(XOR, v8).intoArray(h, 0);
    LongVector.fromArray(S, h, 8).lanewise(XOR, v1).lanewise(XOR, v9).intoArray(h, 8);
    LongVector.fromArray(S, h, 16).lanewise(XOR, v2).lanewise(XOR, v10).intoArray(h, 16);
    LongVector.fromArray(S, h, 24).lanewise(XOR, v3).lanewise(XOR, v11).intoArray(h, 24);
    LongVector.fromArray(S, h, 32).lanewise(XOR, v4).lanewise(XOR, v12).intoArray(h, 32);
    LongVector.fromArray(S, h, 40).lanewise(XOR, v5).lanewise(XOR, v13).intoArray(h, 40);
    LongVector.fromArray(S, h, 48).lanewise(XOR, v6).lanewise(XOR, v14).intoArray(h, 48);
    LongVector.fromArray(S, h, 56).lanewise(XOR, v7).lanewise(XOR, v15).intoArray(h, 56);
  }
}
