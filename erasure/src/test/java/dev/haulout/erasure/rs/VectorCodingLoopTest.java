package dev.haulout.erasure.rs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.haulout.erasure.internal.VectorPathTest;
import dev.haulout.erasure.internal.VectorSupport;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector-API coding loop gives byte-identical output to the scalar reference loop (and the
 * scalar bit-sliced loop) on random inputs: both encoders (high and low rate), multi-symbol
 * shards, symbol sizes with every kind of 64-byte tail, and decoding from random k-subsets.
 */
class VectorCodingLoopTest {

  private static CodingLoop vector() {
    VectorPathTest.assumeVectorsAvailable("VectorCodingLoopTest");
    System.out.println("VectorCodingLoopTest: vector loop, " + VectorSupport.describe());
    CodingLoop v = CodingLoop.vectorLoop();
    assertEquals("vector", v.name());
    return v;
  }

  @Test
  void encodeInPlaceEqualsScalarForManySizesAndTails() {
    CodingLoop vec = vector();
    SplittableRandom rnd = new SplittableRandom(11);
    int[][] codes = {{2, 2}, {3, 7}, {7, 3}, {34, 66}, {67, 33}, {334, 666}, {667, 333}, {100, 28}, {5, 200}};
    for (int t = 0; t < 90; t++) {
      int[] code = codes[t % codes.length];
      int k = code[0];
      int r = code[1];
      int s = 2 * (1 + rnd.nextInt(t % 3 == 0 ? 400 : 40)); // even symbol sizes, any tail mod 64
      int symbols = 1 + rnd.nextInt(Math.max(1, 3000 / (s * Math.max(1, k / 50))));
      if (k >= 300) {
        symbols = 1 + rnd.nextInt(3);
        s = Math.min(s, 200);
      }
      int shardLen = symbols * s;
      ReedSolomon rs = ReedSolomon.create(k, r);
      byte[] ref = new byte[rs.workShards() * shardLen];
      byte[] tmp = new byte[k * shardLen];
      rnd.nextBytes(tmp);
      System.arraycopy(tmp, 0, ref, 0, tmp.length);
      byte[] bit = ref.clone();
      byte[] got = ref.clone();
      rs.encodeInPlace(ScalarCodingLoop.INSTANCE, ref, shardLen, s);
      rs.encodeInPlace(BitslicedCodingLoop.INSTANCE, bit, shardLen, s);
      rs.encodeInPlace(vec, got, shardLen, s);
      String what = "RS(" + k + "," + r + ") S=" + s + " x" + symbols;
      assertArrayEquals(
          java.util.Arrays.copyOf(ref, r * shardLen), java.util.Arrays.copyOf(bit, r * shardLen), "bitsliced " + what);
      assertArrayEquals(
          java.util.Arrays.copyOf(ref, r * shardLen), java.util.Arrays.copyOf(got, r * shardLen), "vector " + what);
    }
  }

  /**
   * Shards with 16 full 64-byte segments or more take the vector slicing, the rest (tails, left
   * over segments) the scalar octet path into the groups after them: every mix of the two.
   */
  @Test
  void vectorSlicingOfFullSegmentsAndTails() {
    CodingLoop vec = vector();
    SplittableRandom rnd = new SplittableRandom(13);
    int[] sizes = {64, 66, 128, 130, 190, 256, 302, 318, 1024, 1090, 2048, 4832};
    int[][] codes = {{34, 66}, {67, 33}, {4, 6}};
    for (int t = 0; t < 60; t++) {
      int s = sizes[t % sizes.length];
      int[] code = codes[t % codes.length];
      int symbols = 1 + rnd.nextInt(Math.max(1, 40 * 64 / s));
      int shardLen = symbols * s;
      ReedSolomon rs = ReedSolomon.create(code[0], code[1]);
      byte[] ref = new byte[rs.workShards() * shardLen];
      byte[] data = new byte[code[0] * shardLen];
      rnd.nextBytes(data);
      System.arraycopy(data, 0, ref, 0, data.length);
      byte[] got = ref.clone();
      rs.encodeInPlace(BitslicedCodingLoop.INSTANCE, ref, shardLen, s);
      rs.encodeInPlace(vec, got, shardLen, s);
      // twice: the second run reuses this thread's work array with old contents
      byte[] again = new byte[got.length];
      System.arraycopy(data, 0, again, 0, data.length);
      rs.encodeInPlace(vec, again, shardLen, s);
      int out = code[1] * shardLen;
      String what = "RS(" + code[0] + "," + code[1] + ") S=" + s + " x" + symbols;
      assertArrayEquals(java.util.Arrays.copyOf(ref, out), java.util.Arrays.copyOf(got, out), what);
      assertArrayEquals(java.util.Arrays.copyOf(ref, out), java.util.Arrays.copyOf(again, out), "again " + what);
    }
  }

  /**
   * Left-over full segments and symbol tails are packed octet by octet into zero-padded 64-byte
   * scratch segments, 16 per vector group: tails spanning several packed groups, partial octets
   * (every tail half mod 8), symbols with no full segment, shards that end exactly at the buffer
   * end (the partial-octet reads near the end), and Walrus' own S = 302 in 16-symbol batches.
   */
  @Test
  void packedTailsAcrossGroupsAndBufferEnds() {
    CodingLoop vec = vector();
    SplittableRandom rnd = new SplittableRandom(17);
    int[] sizes = {2, 4, 14, 16, 18, 30, 46, 62, 66, 78, 94, 110, 126, 142, 302, 366, 446, 1000};
    int[][] codes = {{4, 6}, {6, 4}, {34, 66}};
    for (int t = 0; t < 3 * sizes.length; t++) {
      int s = sizes[t % sizes.length];
      int[] code = codes[t % codes.length];
      int symbols = t < sizes.length ? 16 : 1 + rnd.nextInt(Math.max(1, 12000 / s));
      int shardLen = symbols * s;
      ReedSolomon rs = ReedSolomon.create(code[0], code[1]);
      byte[] data = new byte[code[0] * shardLen];
      rnd.nextBytes(data);
      // a buffer of exactly the work shards, so the last shard's tail ends at the array's end
      byte[] ref = new byte[rs.workShards() * shardLen];
      System.arraycopy(data, 0, ref, 0, data.length);
      byte[] got = ref.clone();
      rs.encodeInPlace(ScalarCodingLoop.INSTANCE, ref, shardLen, s);
      rs.encodeInPlace(vec, got, shardLen, s);
      int out = code[1] * shardLen;
      String what = "RS(" + code[0] + "," + code[1] + ") S=" + s + " x" + symbols;
      assertArrayEquals(java.util.Arrays.copyOf(ref, out), java.util.Arrays.copyOf(got, out), what);
      // decoding with the same symbol size: lose the first originals, rebuild them from the
      // rest and the parities (a buffer of exactly the decoder's work shards)
      int lost = Math.min(code[0], code[1]);
      boolean[] present = new boolean[code[0] + code[1]];
      java.util.Arrays.fill(present, lost, present.length, true);
      DecodePlan plan = rs.planDecode(present);
      byte[] work = new byte[plan.workShards() * shardLen];
      for (int i = lost; i < present.length; i++) {
        int from = i < code[0] ? i * shardLen : (i - code[0]) * shardLen;
        System.arraycopy(i < code[0] ? data : ref, from, work, plan.position(i) * shardLen, shardLen);
      }
      plan.decodeInPlace(vec, work, shardLen, s);
      for (int i = 0; i < lost; i++) {
        assertArrayEquals(
            java.util.Arrays.copyOfRange(data, i * shardLen, (i + 1) * shardLen),
            java.util.Arrays.copyOfRange(work, plan.position(i) * shardLen, (plan.position(i) + 1) * shardLen),
            "decode " + what + " #" + i);
      }
    }
  }

  @Test
  void decodeEqualsScalarFromRandomSubsets() {
    CodingLoop vec = vector();
    SplittableRandom rnd = new SplittableRandom(12);
    int[][] codes = {{4, 6}, {34, 66}, {67, 33}, {334, 666}};
    for (int t = 0; t < 16; t++) {
      int[] code = codes[t % codes.length];
      int k = code[0];
      int r = code[1];
      int s = 2 * (8 + rnd.nextInt(120));
      ReedSolomon rs = ReedSolomon.create(k, r);
      byte[][] originals = new byte[k][s];
      for (byte[] o : originals) {
        rnd.nextBytes(o);
      }
      byte[][] recovery = rs.encode(ScalarCodingLoop.INSTANCE, originals);
      assertArrayEquals(recovery, rs.encode(vec, originals), "encode RS(" + k + "," + r + ") S=" + s);
      byte[][] codeword = new byte[k + r][];
      int[] order = ReedSolomonTest.shuffled(k + r, rnd);
      for (int q = 0; q < k; q++) {
        int i = order[q];
        codeword[i] = i < k ? originals[i] : recovery[i - k];
      }
      assertArrayEquals(originals, rs.decode(vec, codeword), "decode RS(" + k + "," + r + ") S=" + s);
    }
  }
}
