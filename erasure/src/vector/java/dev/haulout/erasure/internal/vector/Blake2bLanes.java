package dev.haulout.erasure.internal.vector;

import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.OR;
import static jdk.incubator.vector.VectorOperators.ROR;
import static jdk.incubator.vector.VectorOperators.XOR;

import dev.haulout.wire.Blake2b256;
import dev.haulout.erasure.internal.Blake2bBatch;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Multi-lane BLAKE2b-256 (RFC 7693, unkeyed, 32-byte digest) with the Vector API: 8
 * independent messages of equal length are hashed at once, message {@code l} in lane {@code l}
 * of every {@link LongVector} of the state, so one SIMD instruction advances all of them. The
 * messages' words are transposed into lane order (word {@code j} of block {@code b} of lane
 * {@code l} at {@code msg[(16 b + j) L + l]}) before the rounds. Byte-identical to {@link
 * dev.haulout.wire.Blake2b256}, tested against it. Loaded only through {@link
 * dev.haulout.erasure.internal.VectorSupport}. One code path for every width: the species is
 * {@link VectorWidth#LONGS} (a constant chosen at class initialisation), so a batch is 8
 * messages at 512 bits, 4 at 256 and 2 at 128; only the 8x8 node transpose ({@link
 * #arrangeChunk}) is specific to 8 lanes, other widths arrange every word with scalar loads.
 */
public final class Blake2bLanes extends Blake2bBatch {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static final long[] IV = {
    0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
    0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
  };

  private static final VectorSpecies<Long> S = VectorWidth.LONGS;
  /** Messages per batch: one per lane (8 at 512 bits, 4 at 256, 2 at 128). */
  private static final int LANES = S.length();
  private static final VectorSpecies<Byte> B = VectorWidth.BYTES;

  /** Rotations as {@code lanewise(ROR, k)}. */
  static final int ROT_NATIVE = 0;
  /** Rotations by 32, 24 and 16 bits as int / byte permutations of each lane, by 63 as {@code ROR}. */
  static final int ROT_SHUFFLE = 1;
  /** Every rotation written out as two shifts and an OR (by 63: {@code x >>> 63 | x + x}). */
  static final int ROT_SHIFT = 2;
  /** Rotation by 32 as an int permutation, the others as shifts. */
  static final int ROT_SWAP32 = 3;

  /**
   * How the rotations are written; a constant, so C2 keeps one branch. Measured (README, "Vector
   * paths"): on JDK 21+ at 512 bits {@code lanewise(ROR, k)} (C2 emits {@code vprorq}); everywhere
   * else explicit shifts and an OR — on JDK 17 at 512 bits they are 2.5× faster than the byte
   * permutations and 3× faster than {@code lanewise(ROR, k)} (AVX-512 F/BW/VL/DQ/VBMI, 2026-12-03),
   * and AVX2 has no 64-bit rotate and no cross-lane byte permutation. {@code -Dhaulout.erasure.vector.rotate=0..3}
   * overrides it (for measuring only).
   */
  static final int ROTATE = rotate();

  private static int rotate() {
    Integer forced = Integer.getInteger("haulout.erasure.vector.rotate");
    if (forced != null && forced >= 0 && forced <= 3) {
      return forced;
    }
    return LANES == 8 && Runtime.version().feature() >= 21 ? ROT_NATIVE : ROT_SHIFT;
  }

  /** Swaps the 32-bit halves of each 64-bit lane (rotation by 32). */
  private static final VectorShuffle<Integer> ROR32 = VectorShuffle.fromOp(VectorWidth.INTS, i -> i ^ 1);
  /** Byte {@code i} of each lane from byte {@code i + 3 mod 8} (rotation right by 24, little-endian). */
  private static final VectorShuffle<Byte> ROR24 = VectorShuffle.fromOp(B, i -> (i & ~7) | ((i + 3) & 7));
  /** Byte {@code i} of each lane from byte {@code i + 2 mod 8} (rotation right by 16). */
  private static final VectorShuffle<Byte> ROR16 = VectorShuffle.fromOp(B, i -> (i & ~7) | ((i + 2) & 7));

  /** Message word offsets, round-major, already multiplied by the lane count. */
  private static final int[] SIGMA = new int[16 * 12];

  static {
    for (int r = 0; r < 12; r++) {
      for (int i = 0; i < 16; i++) {
        SIGMA[16 * r + i] = Blake2b256.sigma(r, i) * LANES;
      }
    }
  }

  /**
   * Exchanges lanes {@code j} and {@code j ^ d} (d = 1, 2, 4), for the 8x8 transpose (used only
   * with 8 lanes; at other widths these are built but never used).
   */
  private static final VectorShuffle<Long> SWAP1 = VectorShuffle.fromOp(S, i -> (i ^ 1) % LANES);
  private static final VectorShuffle<Long> SWAP2 = VectorShuffle.fromOp(S, i -> (i ^ 2) % LANES);
  private static final VectorShuffle<Long> SWAP4 = VectorShuffle.fromOp(S, i -> (i ^ 4) % LANES);
  /** Lanes {@code j} with bit d set. */
  private static final VectorMask<Long> BIT1 = VectorMask.fromLong(S, 0xAAL);
  private static final VectorMask<Long> BIT2 = VectorMask.fromLong(S, 0xCCL);
  private static final VectorMask<Long> BIT4 = VectorMask.fromLong(S, 0xF0L);
  private static final VectorMask<Long> NOT1 = BIT1.not();
  private static final VectorMask<Long> NOT2 = BIT2.not();
  private static final VectorMask<Long> NOT4 = BIT4.not();

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
    int from = 0;
    if (LANES == 8 && count == lanes && length >= 64 && length < 128) {
      arrangeChunk();
      from = 8;
    }
    for (int l = 0; l < count; l++) {
      arrange(src[l], srcOff[l], l, from);
      src[l] = null;
    }
    for (int b = 0; b < blocks; b++) {
      boolean last = b == blocks - 1;
      long counter = last ? total : 128L * (b + 1);
      compress(h, b == 0, msg, 16 * b * lanes, counter, last);
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
  private void arrange(byte[] data, int off, int l, int from) {
    int lanes = LANES;
    if (length < 8) {
      arrangeShort(data, off, l);
      return;
    }
    int w = from;
    if (pre == 1 && w == 0) {
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

  /**
   * Message words {@code 0 .. 8} of a full batch of messages of 64 to 127 bytes (Merkle nodes),
   * with vectors: 8 loads of 64 bytes, an 8x8 transpose of longs in registers (three stages of
   * lane exchanges between vectors {@code i} and {@code i ^ d}) that puts word {@code j} of every
   * message in one vector, and (with a prefix byte) a shift of each word up by 8 bits taking the
   * top byte of the word before. Replaces 72 scalar loads and stores: a node hash went from about
   * 49 to 44 ns on JDK 17 (side by side, same JVM). For longer messages the same per 64-byte chunk
   * was about 9 ns per message slower than the scalar words (302-byte leaves), so they keep
   * those. Straight-line on purpose: vectors carried around a loop, or passed to a helper that
   * C2 compiles on its own, are boxed or no longer intrinsified on JDK 17.
   */
  private void arrangeChunk() {
    LongVector r0 = ByteVector.fromArray(B, src[0], srcOff[0]).reinterpretAsLongs();
    LongVector r1 = ByteVector.fromArray(B, src[1], srcOff[1]).reinterpretAsLongs();
    LongVector r2 = ByteVector.fromArray(B, src[2], srcOff[2]).reinterpretAsLongs();
    LongVector r3 = ByteVector.fromArray(B, src[3], srcOff[3]).reinterpretAsLongs();
    LongVector r4 = ByteVector.fromArray(B, src[4], srcOff[4]).reinterpretAsLongs();
    LongVector r5 = ByteVector.fromArray(B, src[5], srcOff[5]).reinterpretAsLongs();
    LongVector r6 = ByteVector.fromArray(B, src[6], srcOff[6]).reinterpretAsLongs();
    LongVector r7 = ByteVector.fromArray(B, src[7], srcOff[7]).reinterpretAsLongs();
    LongVector x;
    x = r0.blend(r1.rearrange(SWAP1), BIT1);
    r1 = r1.blend(r0.rearrange(SWAP1), NOT1);
    r0 = x;
    x = r2.blend(r3.rearrange(SWAP1), BIT1);
    r3 = r3.blend(r2.rearrange(SWAP1), NOT1);
    r2 = x;
    x = r4.blend(r5.rearrange(SWAP1), BIT1);
    r5 = r5.blend(r4.rearrange(SWAP1), NOT1);
    r4 = x;
    x = r6.blend(r7.rearrange(SWAP1), BIT1);
    r7 = r7.blend(r6.rearrange(SWAP1), NOT1);
    r6 = x;
    x = r0.blend(r2.rearrange(SWAP2), BIT2);
    r2 = r2.blend(r0.rearrange(SWAP2), NOT2);
    r0 = x;
    x = r1.blend(r3.rearrange(SWAP2), BIT2);
    r3 = r3.blend(r1.rearrange(SWAP2), NOT2);
    r1 = x;
    x = r4.blend(r6.rearrange(SWAP2), BIT2);
    r6 = r6.blend(r4.rearrange(SWAP2), NOT2);
    r4 = x;
    x = r5.blend(r7.rearrange(SWAP2), BIT2);
    r7 = r7.blend(r5.rearrange(SWAP2), NOT2);
    r5 = x;
    x = r0.blend(r4.rearrange(SWAP4), BIT4);
    r4 = r4.blend(r0.rearrange(SWAP4), NOT4);
    r0 = x;
    x = r1.blend(r5.rearrange(SWAP4), BIT4);
    r5 = r5.blend(r1.rearrange(SWAP4), NOT4);
    r1 = x;
    x = r2.blend(r6.rearrange(SWAP4), BIT4);
    r6 = r6.blend(r2.rearrange(SWAP4), NOT4);
    r2 = x;
    x = r3.blend(r7.rearrange(SWAP4), BIT4);
    r7 = r7.blend(r3.rearrange(SWAP4), NOT4);
    r3 = x;
    long[] m = msg;
    if (pre == 0) {
      r0.intoArray(m, 0);
      r1.intoArray(m, 8);
      r2.intoArray(m, 16);
      r3.intoArray(m, 24);
      r4.intoArray(m, 32);
      r5.intoArray(m, 40);
      r6.intoArray(m, 48);
      r7.intoArray(m, 56);
      return;
    }
    r0.lanewise(LSHL, 8).lanewise(OR, prefix & 0xFFL).intoArray(m, 0);
    r1.lanewise(LSHL, 8).lanewise(OR, r0.lanewise(LSHR, 56)).intoArray(m, 8);
    r2.lanewise(LSHL, 8).lanewise(OR, r1.lanewise(LSHR, 56)).intoArray(m, 16);
    r3.lanewise(LSHL, 8).lanewise(OR, r2.lanewise(LSHR, 56)).intoArray(m, 24);
    r4.lanewise(LSHL, 8).lanewise(OR, r3.lanewise(LSHR, 56)).intoArray(m, 32);
    r5.lanewise(LSHL, 8).lanewise(OR, r4.lanewise(LSHR, 56)).intoArray(m, 40);
    r6.lanewise(LSHL, 8).lanewise(OR, r5.lanewise(LSHR, 56)).intoArray(m, 48);
    r7.lanewise(LSHL, 8).lanewise(OR, r6.lanewise(LSHR, 56)).intoArray(m, 56);
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

  /** One compression of all lanes: state {@code h} (8 L longs), message words at {@code m[mo ..]}. */
  private static void compress(long[] h, boolean first, long[] m, int mo, long counter, boolean last) {
    if (first) {
      // the initial state, as vectors: no scalar stores that the loads below would wait for
      LongVector.broadcast(S, IV[0] ^ 0x01010000L ^ 32).intoArray(h, 0);
      for (int i = 1; i < 8; i++) {
        LongVector.broadcast(S, IV[i]).intoArray(h, LANES * i);
      }
    }
    LongVector v0 = LongVector.fromArray(S, h, 0);
    LongVector v1 = LongVector.fromArray(S, h, 1 * LANES);
    LongVector v2 = LongVector.fromArray(S, h, 2 * LANES);
    LongVector v3 = LongVector.fromArray(S, h, 3 * LANES);
    LongVector v4 = LongVector.fromArray(S, h, 4 * LANES);
    LongVector v5 = LongVector.fromArray(S, h, 5 * LANES);
    LongVector v6 = LongVector.fromArray(S, h, 6 * LANES);
    LongVector v7 = LongVector.fromArray(S, h, 7 * LANES);
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
      v12 = v12.lanewise(XOR, v0);
      v12 = ROTATE == ROT_NATIVE ? v12.lanewise(ROR, 32) : ROTATE == ROT_SHIFT ? v12.lanewise(LSHR, 32).lanewise(OR, v12.lanewise(LSHL, 32)) : v12.reinterpretAsInts().rearrange(ROR32).reinterpretAsLongs();
      v8 = v8.add(v12);
      v4 = v4.lanewise(XOR, v8);
      v4 = ROTATE == ROT_NATIVE ? v4.lanewise(ROR, 24) : ROTATE == ROT_SHUFFLE ? v4.reinterpretAsBytes().rearrange(ROR24).reinterpretAsLongs() : v4.lanewise(LSHR, 24).lanewise(OR, v4.lanewise(LSHL, 40));
      v0 = v0.add(v4).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 1]));
      v12 = v12.lanewise(XOR, v0);
      v12 = ROTATE == ROT_NATIVE ? v12.lanewise(ROR, 16) : ROTATE == ROT_SHUFFLE ? v12.reinterpretAsBytes().rearrange(ROR16).reinterpretAsLongs() : v12.lanewise(LSHR, 16).lanewise(OR, v12.lanewise(LSHL, 48));
      v8 = v8.add(v12);
      v4 = v4.lanewise(XOR, v8);
      v4 = ROTATE == ROT_NATIVE || ROTATE == ROT_SHUFFLE ? v4.lanewise(ROR, 63) : v4.lanewise(LSHR, 63).lanewise(OR, v4.add(v4));
      v1 = v1.add(v5).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 2]));
      v13 = v13.lanewise(XOR, v1);
      v13 = ROTATE == ROT_NATIVE ? v13.lanewise(ROR, 32) : ROTATE == ROT_SHIFT ? v13.lanewise(LSHR, 32).lanewise(OR, v13.lanewise(LSHL, 32)) : v13.reinterpretAsInts().rearrange(ROR32).reinterpretAsLongs();
      v9 = v9.add(v13);
      v5 = v5.lanewise(XOR, v9);
      v5 = ROTATE == ROT_NATIVE ? v5.lanewise(ROR, 24) : ROTATE == ROT_SHUFFLE ? v5.reinterpretAsBytes().rearrange(ROR24).reinterpretAsLongs() : v5.lanewise(LSHR, 24).lanewise(OR, v5.lanewise(LSHL, 40));
      v1 = v1.add(v5).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 3]));
      v13 = v13.lanewise(XOR, v1);
      v13 = ROTATE == ROT_NATIVE ? v13.lanewise(ROR, 16) : ROTATE == ROT_SHUFFLE ? v13.reinterpretAsBytes().rearrange(ROR16).reinterpretAsLongs() : v13.lanewise(LSHR, 16).lanewise(OR, v13.lanewise(LSHL, 48));
      v9 = v9.add(v13);
      v5 = v5.lanewise(XOR, v9);
      v5 = ROTATE == ROT_NATIVE || ROTATE == ROT_SHUFFLE ? v5.lanewise(ROR, 63) : v5.lanewise(LSHR, 63).lanewise(OR, v5.add(v5));
      v2 = v2.add(v6).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 4]));
      v14 = v14.lanewise(XOR, v2);
      v14 = ROTATE == ROT_NATIVE ? v14.lanewise(ROR, 32) : ROTATE == ROT_SHIFT ? v14.lanewise(LSHR, 32).lanewise(OR, v14.lanewise(LSHL, 32)) : v14.reinterpretAsInts().rearrange(ROR32).reinterpretAsLongs();
      v10 = v10.add(v14);
      v6 = v6.lanewise(XOR, v10);
      v6 = ROTATE == ROT_NATIVE ? v6.lanewise(ROR, 24) : ROTATE == ROT_SHUFFLE ? v6.reinterpretAsBytes().rearrange(ROR24).reinterpretAsLongs() : v6.lanewise(LSHR, 24).lanewise(OR, v6.lanewise(LSHL, 40));
      v2 = v2.add(v6).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 5]));
      v14 = v14.lanewise(XOR, v2);
      v14 = ROTATE == ROT_NATIVE ? v14.lanewise(ROR, 16) : ROTATE == ROT_SHUFFLE ? v14.reinterpretAsBytes().rearrange(ROR16).reinterpretAsLongs() : v14.lanewise(LSHR, 16).lanewise(OR, v14.lanewise(LSHL, 48));
      v10 = v10.add(v14);
      v6 = v6.lanewise(XOR, v10);
      v6 = ROTATE == ROT_NATIVE || ROTATE == ROT_SHUFFLE ? v6.lanewise(ROR, 63) : v6.lanewise(LSHR, 63).lanewise(OR, v6.add(v6));
      v3 = v3.add(v7).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 6]));
      v15 = v15.lanewise(XOR, v3);
      v15 = ROTATE == ROT_NATIVE ? v15.lanewise(ROR, 32) : ROTATE == ROT_SHIFT ? v15.lanewise(LSHR, 32).lanewise(OR, v15.lanewise(LSHL, 32)) : v15.reinterpretAsInts().rearrange(ROR32).reinterpretAsLongs();
      v11 = v11.add(v15);
      v7 = v7.lanewise(XOR, v11);
      v7 = ROTATE == ROT_NATIVE ? v7.lanewise(ROR, 24) : ROTATE == ROT_SHUFFLE ? v7.reinterpretAsBytes().rearrange(ROR24).reinterpretAsLongs() : v7.lanewise(LSHR, 24).lanewise(OR, v7.lanewise(LSHL, 40));
      v3 = v3.add(v7).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 7]));
      v15 = v15.lanewise(XOR, v3);
      v15 = ROTATE == ROT_NATIVE ? v15.lanewise(ROR, 16) : ROTATE == ROT_SHUFFLE ? v15.reinterpretAsBytes().rearrange(ROR16).reinterpretAsLongs() : v15.lanewise(LSHR, 16).lanewise(OR, v15.lanewise(LSHL, 48));
      v11 = v11.add(v15);
      v7 = v7.lanewise(XOR, v11);
      v7 = ROTATE == ROT_NATIVE || ROTATE == ROT_SHUFFLE ? v7.lanewise(ROR, 63) : v7.lanewise(LSHR, 63).lanewise(OR, v7.add(v7));
      v0 = v0.add(v5).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 8]));
      v15 = v15.lanewise(XOR, v0);
      v15 = ROTATE == ROT_NATIVE ? v15.lanewise(ROR, 32) : ROTATE == ROT_SHIFT ? v15.lanewise(LSHR, 32).lanewise(OR, v15.lanewise(LSHL, 32)) : v15.reinterpretAsInts().rearrange(ROR32).reinterpretAsLongs();
      v10 = v10.add(v15);
      v5 = v5.lanewise(XOR, v10);
      v5 = ROTATE == ROT_NATIVE ? v5.lanewise(ROR, 24) : ROTATE == ROT_SHUFFLE ? v5.reinterpretAsBytes().rearrange(ROR24).reinterpretAsLongs() : v5.lanewise(LSHR, 24).lanewise(OR, v5.lanewise(LSHL, 40));
      v0 = v0.add(v5).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 9]));
      v15 = v15.lanewise(XOR, v0);
      v15 = ROTATE == ROT_NATIVE ? v15.lanewise(ROR, 16) : ROTATE == ROT_SHUFFLE ? v15.reinterpretAsBytes().rearrange(ROR16).reinterpretAsLongs() : v15.lanewise(LSHR, 16).lanewise(OR, v15.lanewise(LSHL, 48));
      v10 = v10.add(v15);
      v5 = v5.lanewise(XOR, v10);
      v5 = ROTATE == ROT_NATIVE || ROTATE == ROT_SHUFFLE ? v5.lanewise(ROR, 63) : v5.lanewise(LSHR, 63).lanewise(OR, v5.add(v5));
      v1 = v1.add(v6).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 10]));
      v12 = v12.lanewise(XOR, v1);
      v12 = ROTATE == ROT_NATIVE ? v12.lanewise(ROR, 32) : ROTATE == ROT_SHIFT ? v12.lanewise(LSHR, 32).lanewise(OR, v12.lanewise(LSHL, 32)) : v12.reinterpretAsInts().rearrange(ROR32).reinterpretAsLongs();
      v11 = v11.add(v12);
      v6 = v6.lanewise(XOR, v11);
      v6 = ROTATE == ROT_NATIVE ? v6.lanewise(ROR, 24) : ROTATE == ROT_SHUFFLE ? v6.reinterpretAsBytes().rearrange(ROR24).reinterpretAsLongs() : v6.lanewise(LSHR, 24).lanewise(OR, v6.lanewise(LSHL, 40));
      v1 = v1.add(v6).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 11]));
      v12 = v12.lanewise(XOR, v1);
      v12 = ROTATE == ROT_NATIVE ? v12.lanewise(ROR, 16) : ROTATE == ROT_SHUFFLE ? v12.reinterpretAsBytes().rearrange(ROR16).reinterpretAsLongs() : v12.lanewise(LSHR, 16).lanewise(OR, v12.lanewise(LSHL, 48));
      v11 = v11.add(v12);
      v6 = v6.lanewise(XOR, v11);
      v6 = ROTATE == ROT_NATIVE || ROTATE == ROT_SHUFFLE ? v6.lanewise(ROR, 63) : v6.lanewise(LSHR, 63).lanewise(OR, v6.add(v6));
      v2 = v2.add(v7).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 12]));
      v13 = v13.lanewise(XOR, v2);
      v13 = ROTATE == ROT_NATIVE ? v13.lanewise(ROR, 32) : ROTATE == ROT_SHIFT ? v13.lanewise(LSHR, 32).lanewise(OR, v13.lanewise(LSHL, 32)) : v13.reinterpretAsInts().rearrange(ROR32).reinterpretAsLongs();
      v8 = v8.add(v13);
      v7 = v7.lanewise(XOR, v8);
      v7 = ROTATE == ROT_NATIVE ? v7.lanewise(ROR, 24) : ROTATE == ROT_SHUFFLE ? v7.reinterpretAsBytes().rearrange(ROR24).reinterpretAsLongs() : v7.lanewise(LSHR, 24).lanewise(OR, v7.lanewise(LSHL, 40));
      v2 = v2.add(v7).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 13]));
      v13 = v13.lanewise(XOR, v2);
      v13 = ROTATE == ROT_NATIVE ? v13.lanewise(ROR, 16) : ROTATE == ROT_SHUFFLE ? v13.reinterpretAsBytes().rearrange(ROR16).reinterpretAsLongs() : v13.lanewise(LSHR, 16).lanewise(OR, v13.lanewise(LSHL, 48));
      v8 = v8.add(v13);
      v7 = v7.lanewise(XOR, v8);
      v7 = ROTATE == ROT_NATIVE || ROTATE == ROT_SHUFFLE ? v7.lanewise(ROR, 63) : v7.lanewise(LSHR, 63).lanewise(OR, v7.add(v7));
      v3 = v3.add(v4).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 14]));
      v14 = v14.lanewise(XOR, v3);
      v14 = ROTATE == ROT_NATIVE ? v14.lanewise(ROR, 32) : ROTATE == ROT_SHIFT ? v14.lanewise(LSHR, 32).lanewise(OR, v14.lanewise(LSHL, 32)) : v14.reinterpretAsInts().rearrange(ROR32).reinterpretAsLongs();
      v9 = v9.add(v14);
      v4 = v4.lanewise(XOR, v9);
      v4 = ROTATE == ROT_NATIVE ? v4.lanewise(ROR, 24) : ROTATE == ROT_SHUFFLE ? v4.reinterpretAsBytes().rearrange(ROR24).reinterpretAsLongs() : v4.lanewise(LSHR, 24).lanewise(OR, v4.lanewise(LSHL, 40));
      v3 = v3.add(v4).add(LongVector.fromArray(S, m, mo + SIGMA[sb + 15]));
      v14 = v14.lanewise(XOR, v3);
      v14 = ROTATE == ROT_NATIVE ? v14.lanewise(ROR, 16) : ROTATE == ROT_SHUFFLE ? v14.reinterpretAsBytes().rearrange(ROR16).reinterpretAsLongs() : v14.lanewise(LSHR, 16).lanewise(OR, v14.lanewise(LSHL, 48));
      v9 = v9.add(v14);
      v4 = v4.lanewise(XOR, v9);
      v4 = ROTATE == ROT_NATIVE || ROTATE == ROT_SHUFFLE ? v4.lanewise(ROR, 63) : v4.lanewise(LSHR, 63).lanewise(OR, v4.add(v4));
    }
    LongVector.fromArray(S, h, 0).lanewise(XOR, v0).lanewise(XOR, v8).intoArray(h, 0);
    LongVector.fromArray(S, h, 1 * LANES).lanewise(XOR, v1).lanewise(XOR, v9).intoArray(h, 1 * LANES);
    LongVector.fromArray(S, h, 2 * LANES).lanewise(XOR, v2).lanewise(XOR, v10).intoArray(h, 2 * LANES);
    LongVector.fromArray(S, h, 3 * LANES).lanewise(XOR, v3).lanewise(XOR, v11).intoArray(h, 3 * LANES);
    LongVector.fromArray(S, h, 4 * LANES).lanewise(XOR, v4).lanewise(XOR, v12).intoArray(h, 4 * LANES);
    LongVector.fromArray(S, h, 5 * LANES).lanewise(XOR, v5).lanewise(XOR, v13).intoArray(h, 5 * LANES);
    LongVector.fromArray(S, h, 6 * LANES).lanewise(XOR, v6).lanewise(XOR, v14).intoArray(h, 6 * LANES);
    LongVector.fromArray(S, h, 7 * LANES).lanewise(XOR, v7).lanewise(XOR, v15).intoArray(h, 7 * LANES);
  }
}
