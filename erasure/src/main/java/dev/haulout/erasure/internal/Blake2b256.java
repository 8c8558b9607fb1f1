package dev.haulout.erasure.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * BLAKE2b with a 32-byte digest (RFC 7693, unkeyed), written for the Merkle work of Walrus: about
 * 3 million short inputs per blob at n = 1000. The compression function keeps its state in
 * locals, one round per loop iteration. An instance holds scratch state and is not thread-safe: use one per thread.
 */
public final class Blake2b256 {
  /** Digest length in bytes. */
  public static final int LENGTH = 32;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long IV0 = 0x6a09e667f3bcc908L;
  private static final long IV1 = 0xbb67ae8584caa73bL;
  private static final long IV2 = 0x3c6ef372fe94f82bL;
  private static final long IV3 = 0xa54ff53a5f1d36f1L;
  private static final long IV4 = 0x510e527fade682d1L;
  private static final long IV5 = 0x9b05688c2b3e6c1fL;
  private static final long IV6 = 0x1f83d9abfb41bd6bL;
  private static final long IV7 = 0x5be0cd19137e2179L;
  /** Parameter block word 0: digest length 32, no key, fanout 1, depth 1. */
  private static final long H0 = IV0 ^ 0x01010000L ^ LENGTH;

  /** Message word permutation per round (rounds 10 and 11 repeat 0 and 1), flattened. */
  private static final int[] SIGMA = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
    11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
    7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
    9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
    2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
    12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
    13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
    6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
    10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
  };

  private final byte[] block = new byte[128];
  private final long[] words = new long[16];
  private long h0;
  private long h1;
  private long h2;
  private long h3;
  private long h4;
  private long h5;
  private long h6;
  private long h7;

  /** A fresh hasher (cheap; holds a 128-byte scratch block). */
  public Blake2b256() {}

  /** BLAKE2b-256 of {@code data}. */
  public byte[] digest(byte[] data) {
    byte[] out = new byte[LENGTH];
    hash(-1, data, 0, data.length, out, 0);
    return out;
  }

  /**
   * Writes BLAKE2b-256 of {@code prefix ‖ data[off, off+len)} to {@code out[outOff, outOff+32)};
   * a negative {@code prefix} means no prefix byte.
   */
  public void hash(int prefix, byte[] data, int off, int len, byte[] out, int outOff) {
    reset();
    byte[] b = block;
    int pre = prefix >= 0 ? 1 : 0;
    long total = (long) len + pre;
    int pos = 0;
    long counter = 0;
    // First block carries the prefix byte.
    int take = Math.min(len, 128 - pre);
    if (pre == 1) {
      b[0] = (byte) prefix;
    }
    System.arraycopy(data, off, b, pre, take);
    pos = take;
    int filled = take + pre;
    while (true) {
      boolean last = counter + filled >= total;
      if (last) {
        Arrays.fill(b, filled, 128, (byte) 0);
        counter += filled;
        compress(b, counter, true);
        break;
      }
      counter += 128;
      compress(b, counter, false);
      take = Math.min(len - pos, 128);
      System.arraycopy(data, off + pos, b, 0, take);
      pos += take;
      filled = take;
    }
    store(out, outOff);
  }

  /** Writes {@code H(0x01 ‖ left[lOff, +32) ‖ right[rOff, +32))}, the Merkle inner node, to out. */
  public void node(byte[] left, int lOff, byte[] right, int rOff, byte[] out, int outOff) {
    reset();
    byte[] b = block;
    b[0] = 1;
    System.arraycopy(left, lOff, b, 1, 32);
    System.arraycopy(right, rOff, b, 33, 32);
    Arrays.fill(b, 65, 128, (byte) 0);
    compress(b, 65, true);
    store(out, outOff);
  }

  private void reset() {
    h0 = H0;
    h1 = IV1;
    h2 = IV2;
    h3 = IV3;
    h4 = IV4;
    h5 = IV5;
    h6 = IV6;
    h7 = IV7;
  }

  private void store(byte[] out, int off) {
    LONGS.set(out, off, h0);
    LONGS.set(out, off + 8, h1);
    LONGS.set(out, off + 16, h2);
    LONGS.set(out, off + 24, h3);
  }

  private void compress(byte[] b, long counter, boolean last) {
    long[] m = words;
    for (int i = 0; i < 16; i++) {
      m[i] = (long) LONGS.get(b, 8 * i);
    }
    int[] sg = SIGMA;
    long v0 = h0;
    long v1 = h1;
    long v2 = h2;
    long v3 = h3;
    long v4 = h4;
    long v5 = h5;
    long v6 = h6;
    long v7 = h7;
    long v8 = IV0;
    long v9 = IV1;
    long v10 = IV2;
    long v11 = IV3;
    long v12 = IV4 ^ counter;
    long v13 = IV5;
    long v14 = last ? ~IV6 : IV6;
    long v15 = IV7;
    // One round per iteration keeps the method under the JIT's 8000-bytecode limit.
    for (int o = 0; o < 12 * 16; o += 16) {
      v0 += v4 + m[sg[o + 0]]; v12 = Long.rotateRight(v12 ^ v0, 32);
      v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 24);
      v0 += v4 + m[sg[o + 1]]; v12 = Long.rotateRight(v12 ^ v0, 16);
      v8 += v12; v4 = Long.rotateRight(v4 ^ v8, 63);
      v1 += v5 + m[sg[o + 2]]; v13 = Long.rotateRight(v13 ^ v1, 32);
      v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 24);
      v1 += v5 + m[sg[o + 3]]; v13 = Long.rotateRight(v13 ^ v1, 16);
      v9 += v13; v5 = Long.rotateRight(v5 ^ v9, 63);
      v2 += v6 + m[sg[o + 4]]; v14 = Long.rotateRight(v14 ^ v2, 32);
      v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 24);
      v2 += v6 + m[sg[o + 5]]; v14 = Long.rotateRight(v14 ^ v2, 16);
      v10 += v14; v6 = Long.rotateRight(v6 ^ v10, 63);
      v3 += v7 + m[sg[o + 6]]; v15 = Long.rotateRight(v15 ^ v3, 32);
      v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 24);
      v3 += v7 + m[sg[o + 7]]; v15 = Long.rotateRight(v15 ^ v3, 16);
      v11 += v15; v7 = Long.rotateRight(v7 ^ v11, 63);
      v0 += v5 + m[sg[o + 8]]; v15 = Long.rotateRight(v15 ^ v0, 32);
      v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 24);
      v0 += v5 + m[sg[o + 9]]; v15 = Long.rotateRight(v15 ^ v0, 16);
      v10 += v15; v5 = Long.rotateRight(v5 ^ v10, 63);
      v1 += v6 + m[sg[o + 10]]; v12 = Long.rotateRight(v12 ^ v1, 32);
      v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 24);
      v1 += v6 + m[sg[o + 11]]; v12 = Long.rotateRight(v12 ^ v1, 16);
      v11 += v12; v6 = Long.rotateRight(v6 ^ v11, 63);
      v2 += v7 + m[sg[o + 12]]; v13 = Long.rotateRight(v13 ^ v2, 32);
      v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 24);
      v2 += v7 + m[sg[o + 13]]; v13 = Long.rotateRight(v13 ^ v2, 16);
      v8 += v13; v7 = Long.rotateRight(v7 ^ v8, 63);
      v3 += v4 + m[sg[o + 14]]; v14 = Long.rotateRight(v14 ^ v3, 32);
      v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 24);
      v3 += v4 + m[sg[o + 15]]; v14 = Long.rotateRight(v14 ^ v3, 16);
      v9 += v14; v4 = Long.rotateRight(v4 ^ v9, 63);
    }
    h0 ^= v0 ^ v8;
    h1 ^= v1 ^ v9;
    h2 ^= v2 ^ v10;
    h3 ^= v3 ^ v11;
    h4 ^= v4 ^ v12;
    h5 ^= v5 ^ v13;
    h6 ^= v6 ^ v14;
    h7 ^= v7 ^ v15;
  }
}
