package dev.haulout.erasure.rs;

import java.util.Arrays;

/**
 * The systematic 1-D code RS(k, r) over GF(2^16) used by Walrus RS2 (reed-solomon-simd 3.1.0,
 * SPEC §3): codeword symbol {@code i < k} is original {@code i}, symbol {@code k + j} is recovery
 * symbol {@code j}. Parity bytes are reproduced exactly, with both the high-rate and the low-rate
 * encoder and the rate rule of §3.4. Instances are immutable and thread-safe.
 */
public final class ReedSolomon {
  private final int k;
  private final int r;
  private final Rate rate;
  private final int chunk;
  private final int workShards;

  private ReedSolomon(int k, int r) {
    this.k = k;
    this.r = r;
    this.rate = Rate.choose(k, r);
    this.chunk = rate == Rate.HIGH ? Rate.nextPow2(r) : Rate.nextPow2(k);
    this.workShards =
        rate == Rate.HIGH ? ceilDiv(k, chunk) * chunk : Math.max(1, ceilDiv(r, chunk)) * chunk;
  }

  /**
   * The code with {@code originalCount} source and {@code recoveryCount} parity symbols.
   *
   * @throws IllegalArgumentException if a count is zero or negative, or the pair is beyond what
   *     GF(2^16) supports ({@code min(kp, rp) + max(k, r) > 65536} with kp, rp the next powers of two)
   */
  public static ReedSolomon create(int originalCount, int recoveryCount) {
    if (originalCount <= 0) {
      throw new IllegalArgumentException("originalCount must be positive: " + originalCount);
    }
    if (recoveryCount <= 0) {
      throw new IllegalArgumentException("recoveryCount must be positive: " + recoveryCount);
    }
    long kp = Rate.nextPow2(originalCount);
    long rp = Rate.nextPow2(recoveryCount);
    if (Math.min(kp, rp) + Math.max(originalCount, recoveryCount) > 65536) {
      throw new IllegalArgumentException(
          "unsupported code: originalCount " + originalCount + " + recoveryCount " + recoveryCount);
    }
    return new ReedSolomon(originalCount, recoveryCount);
  }

  public int originalCount() {
    return k;
  }

  public int recoveryCount() {
    return r;
  }

  public Rate rate() {
    return rate;
  }

  /** Number of shards the work array of {@link #encodeInPlace} must hold. */
  public int workShards() {
    return workShards;
  }

  int chunk() {
    return chunk;
  }

  /**
   * Encodes in place. On entry shards {@code 0..k-1} of {@code work} hold the originals (shard
   * {@code q} = bytes {@code [q*shardLen, (q+1)*shardLen)}, a whole number of symbols); on return
   * shard {@code j < r} holds recovery symbol {@code j}. Shards {@code k..workShards()-1} are
   * scratch. Several symbols may share one shard: the code acts on each word position alone.
   */
  public void encodeInPlace(CodingLoop loop, byte[] work, int shardLen, int symbolSize) {
    checkShardLen(shardLen, symbolSize);
    if ((long) workShards * shardLen > work.length) {
      throw new IllegalArgumentException(
          "work array too small: " + work.length + " bytes, need " + (long) workShards * shardLen);
    }
    if (loop instanceof BitslicedLoop && BitslicedEngine.worthwhile(symbolSize)) {
      BitslicedEngine.encode(this, work, shardLen, symbolSize, ((BitslicedLoop) loop).kernels());
      return;
    }
    if (rate == Rate.HIGH) {
      Arrays.fill(work, k * shardLen, workShards * shardLen, (byte) 0);
      for (int start = 0; start < k; start += chunk) {
        int count = Math.min(chunk, k - start);
        AdditiveFft.ifft(loop, work, shardLen, symbolSize, start, chunk, count, start + chunk);
        if (start > 0) {
          loop.xor(work, 0, start * shardLen, chunk * shardLen);
        }
      }
      AdditiveFft.fft(loop, work, shardLen, symbolSize, 0, chunk, r, 0);
    } else {
      Arrays.fill(work, k * shardLen, chunk * shardLen, (byte) 0);
      AdditiveFft.ifft(loop, work, shardLen, symbolSize, 0, chunk, k, 0);
      int chunks = ceilDiv(r, chunk);
      for (int c = 1; c < chunks; c++) {
        System.arraycopy(work, 0, work, c * chunk * shardLen, chunk * shardLen);
      }
      for (int c = 0; c < chunks; c++) {
        int start = c * chunk;
        AdditiveFft.fft(
            loop, work, shardLen, symbolSize, start, chunk, Math.min(chunk, r - start), start + chunk);
      }
    }
  }

  /** Encodes {@code k} originals of equal even size with the default loop. */
  public byte[][] encode(byte[][] originals) {
    return encode(CodingLoop.defaultLoop(), originals);
  }

  /** Encodes {@code k} originals of equal even size; returns the {@code r} recovery symbols. */
  public byte[][] encode(CodingLoop loop, byte[][] originals) {
    if (originals.length != k) {
      throw new IllegalArgumentException("wrong number of originals: " + originals.length + ", expected " + k);
    }
    int s = originals[0].length;
    byte[] work = new byte[workShards * s];
    for (int i = 0; i < k; i++) {
      if (originals[i].length != s) {
        throw new IllegalArgumentException(
            "original " + i + " has " + originals[i].length + " bytes, expected " + s);
      }
      System.arraycopy(originals[i], 0, work, i * s, s);
    }
    encodeInPlace(loop, work, s, s);
    byte[][] out = new byte[r][];
    for (int j = 0; j < r; j++) {
      out[j] = Arrays.copyOfRange(work, j * s, (j + 1) * s);
    }
    return out;
  }

  /**
   * A decoding plan for the given set of present codeword symbols (indices {@code < k + r}).
   *
   * @throws IllegalArgumentException if fewer than {@code k} symbols are present
   */
  public DecodePlan planDecode(boolean[] present) {
    return DecodePlan.create(this, present);
  }

  /**
   * Rebuilds the {@code k} originals from codeword symbols (index {@code i < k}: original, {@code
   * k + j}: recovery {@code j}; {@code null} = missing). Present originals are returned as given.
   */
  public byte[][] decode(byte[][] codeword) {
    return decode(CodingLoop.defaultLoop(), codeword);
  }

  /** As {@link #decode(byte[][])} with an explicit loop. */
  public byte[][] decode(CodingLoop loop, byte[][] codeword) {
    if (codeword.length != k + r) {
      throw new IllegalArgumentException(
          "codeword has " + codeword.length + " slots, expected " + (k + r));
    }
    boolean[] present = new boolean[k + r];
    int s = -1;
    for (int i = 0; i < codeword.length; i++) {
      if (codeword[i] != null) {
        present[i] = true;
        if (s < 0) {
          s = codeword[i].length;
        } else if (codeword[i].length != s) {
          throw new IllegalArgumentException(
              "symbol " + i + " has " + codeword[i].length + " bytes, expected " + s);
        }
      }
    }
    DecodePlan plan = planDecode(present);
    byte[][] out = new byte[k][];
    if (plan.missingOriginals().length == 0) {
      System.arraycopy(codeword, 0, out, 0, k);
      return out;
    }
    byte[] work = new byte[plan.workShards() * s];
    for (int i = 0; i < codeword.length; i++) {
      if (present[i]) {
        System.arraycopy(codeword[i], 0, work, plan.position(i) * s, s);
      }
    }
    plan.decodeInPlace(loop, work, s, s);
    for (int i = 0; i < k; i++) {
      out[i] =
          present[i] ? codeword[i] : Arrays.copyOfRange(work, plan.position(i) * s, (plan.position(i) + 1) * s);
    }
    return out;
  }

  /** Position of codeword symbol {@code index} in the decoder's evaluation domain. */
  int position(int index) {
    if (rate == Rate.HIGH) {
      return index < k ? chunk + index : index - k;
    }
    return index < k ? index : chunk + (index - k);
  }

  /** Size (a power of two) of the decoder's evaluation domain. */
  int decodeDomain() {
    return Rate.nextPow2(rate == Rate.HIGH ? chunk + k : chunk + r);
  }

  /** Whether a domain position not holding a codeword symbol is a known zero (else unknown). */
  boolean isKnownZero(int position) {
    if (rate == Rate.HIGH) {
      return position >= chunk + k;
    }
    return position >= k && position < chunk;
  }

  static void checkShardLen(int shardLen, int symbolSize) {
    if (symbolSize <= 0 || (symbolSize & 1) != 0) {
      throw new IllegalArgumentException("symbol size must be positive and even: " + symbolSize);
    }
    if (shardLen <= 0 || shardLen % symbolSize != 0) {
      throw new IllegalArgumentException(
          "shard length " + shardLen + " is not a positive multiple of symbol size " + symbolSize);
    }
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  @Override
  public String toString() {
    return "RS(" + k + "," + r + "," + rate + ")";
  }
}
