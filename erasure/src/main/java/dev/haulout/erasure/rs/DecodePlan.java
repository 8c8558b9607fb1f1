package dev.haulout.erasure.rs;

import dev.haulout.erasure.gf.GF16;
import java.util.Arrays;

/**
 * Erasure decoding for one pattern of present symbols, reusable over many batches of word
 * positions. The codeword is seen as the evaluations, over a domain of {@code N} Cantor words, of
 * one polynomial; with the error locator {@code Λ = Π (x - e)} over the unknown positions, the
 * erased values are {@code (ΛP)'(e) / Λ'(e)} (Forney-style, via IFFT, formal derivative, FFT in
 * the novel basis). Any correct erasure decoder gives the same bytes (SPEC §3.6).
 */
public final class DecodePlan {
  private final ReedSolomon code;
  private final int domain;
  private final boolean[] known;
  private final int[] errorLog;
  private final int[] missingOriginals;
  /** One past the last position holding a non-zero input (IFFT inputs beyond are zero). */
  private final int inputEnd;
  /** One past the last position whose output is needed (FFT outputs beyond are not). */
  private final int outputEnd;

  private DecodePlan(ReedSolomon code, int domain, boolean[] known, int[] errorLog, int[] missing) {
    this.code = code;
    this.domain = domain;
    this.known = known;
    this.errorLog = errorLog;
    this.missingOriginals = missing;
    int in = 0;
    for (int pos = 0; pos < domain; pos++) {
      if (known[pos] && !code.isKnownZero(pos)) {
        in = pos + 1;
      }
    }
    int out = 0;
    for (int i : missing) {
      out = Math.max(out, code.position(i) + 1);
    }
    this.inputEnd = in;
    this.outputEnd = out;
  }

  static DecodePlan create(ReedSolomon code, boolean[] present) {
    int k = code.originalCount();
    int total = k + code.recoveryCount();
    if (present.length != total) {
      throw new IllegalArgumentException("present has " + present.length + " entries, expected " + total);
    }
    int count = 0;
    for (boolean p : present) {
      count += p ? 1 : 0;
    }
    if (count < k) {
      throw new IllegalArgumentException("need " + k + " symbols to decode, got " + count);
    }
    int n = code.decodeDomain();
    boolean[] known = new boolean[n];
    for (int pos = 0; pos < n; pos++) {
      known[pos] = code.isKnownZero(pos);
    }
    for (int i = 0; i < total; i++) {
      if (present[i]) {
        known[code.position(i)] = true;
      }
    }
    int[] erased = new int[n];
    int ne = 0;
    for (int pos = 0; pos < n; pos++) {
      if (!known[pos]) {
        erased[ne++] = pos;
      }
    }
    int[] errorLog = new int[n];
    for (int pos = 0; pos < n; pos++) {
      long sum = 0;
      for (int q = 0; q < ne; q++) {
        int e = erased[q];
        if (e != pos) {
          sum += GF16.log(pos ^ e);
        }
      }
      errorLog[pos] = (int) (sum % GF16.MODULUS);
    }
    int[] missing = new int[k];
    int nm = 0;
    for (int i = 0; i < k; i++) {
      if (!present[i]) {
        missing[nm++] = i;
      }
    }
    return new DecodePlan(code, n, known, errorLog, Arrays.copyOf(missing, nm));
  }

  /** Shards the work array must hold. */
  public int workShards() {
    return domain;
  }

  /** Work-array shard where codeword symbol {@code index} goes in, and where a rebuilt original comes out. */
  public int position(int index) {
    return code.position(index);
  }

  /** Indices of the originals this plan rebuilds. */
  public int[] missingOriginals() {
    return missingOriginals.clone();
  }

  /**
   * Decodes in place: present symbols must sit at their {@link #position} shards. Afterwards each
   * missing original sits at its position; every other shard (present ones included) is scratch.
   */
  public void decodeInPlace(CodingLoop loop, byte[] work, int shardLen, int symbolSize) {
    ReedSolomon.checkShardLen(shardLen, symbolSize);
    if (missingOriginals.length > 0) {
      if (loop instanceof BitslicedLoop && BitslicedEngine.worthwhile(symbolSize)) {
        boolean[] zero = new boolean[domain];
        for (int pos = 0; pos < domain; pos++) {
          zero[pos] = code.isKnownZero(pos);
        }
        int[] positions = new int[missingOriginals.length];
        for (int q = 0; q < positions.length; q++) {
          positions[q] = code.position(missingOriginals[q]);
        }
        BitslicedEngine.decode(domain, known, zero, errorLog, positions, inputEnd, outputEnd, work, shardLen, symbolSize,
            ((BitslicedLoop) loop).kernels());
        return;
      }
    }
    for (int pos = 0; pos < domain; pos++) {
      int off = pos * shardLen;
      if (known[pos] && !code.isKnownZero(pos)) {
        loop.mulInPlace(work, off, shardLen, symbolSize, errorLog[pos]);
      } else {
        Arrays.fill(work, off, off + shardLen, (byte) 0);
      }
    }
    if (missingOriginals.length == 0) {
      return;
    }
    // Truncated transforms: inputs past inputEnd are zero, outputs past outputEnd are not needed.
    AdditiveFft.ifft(loop, work, shardLen, symbolSize, 0, domain, inputEnd, 0);
    AdditiveFft.formalDerivative(loop, work, shardLen, domain);
    AdditiveFft.fft(loop, work, shardLen, symbolSize, 0, domain, outputEnd, 0);
    for (int i : missingOriginals) {
      int pos = code.position(i);
      loop.mulInPlace(
          work, pos * shardLen, shardLen, symbolSize, (GF16.MODULUS - errorLog[pos]) % GF16.MODULUS);
    }
  }
}
