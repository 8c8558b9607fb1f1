package dev.haulout.erasure.rs;

import dev.haulout.erasure.gf.GF16;

/**
 * The Lin-Han-Chung additive FFT and its inverse over a work array of shards (SPEC §3.3). Shard
 * {@code q} occupies bytes {@code [q * shardLen, (q + 1) * shardLen)} of {@code work}.
 */
final class AdditiveFft {
  private AdditiveFft() {}

  static void fft(
      CodingLoop loop, byte[] work, int shardLen, int symbolSize, int pos, int size, int trunc, int delta) {
    for (int dist = size >>> 1; dist > 0; dist >>>= 1) {
      for (int r = 0; r < trunc; r += dist << 1) {
        int logM = GF16.skew(r + dist + delta - 1);
        int a = (pos + r) * shardLen;
        loop.fftButterfly(work, a, a + dist * shardLen, dist * shardLen, symbolSize, logM);
      }
    }
  }

  static void ifft(
      CodingLoop loop, byte[] work, int shardLen, int symbolSize, int pos, int size, int trunc, int delta) {
    for (int dist = 1; dist < size; dist <<= 1) {
      for (int r = 0; r < trunc; r += dist << 1) {
        int logM = GF16.skew(r + dist + delta - 1);
        int a = (pos + r) * shardLen;
        loop.ifftButterfly(work, a, a + dist * shardLen, dist * shardLen, symbolSize, logM);
      }
    }
  }

  /** Formal derivative in the novel polynomial basis, over {@code size} shards. */
  static void formalDerivative(CodingLoop loop, byte[] work, int shardLen, int size) {
    for (int i = 1; i < size; i++) {
      int width = Integer.lowestOneBit(i);
      loop.xor(work, (i - width) * shardLen, i * shardLen, width * shardLen);
    }
  }
}
