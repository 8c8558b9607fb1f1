package dev.haulout.erasure.rs;

/** Which of reed-solomon-simd's two encoders a code (k, r) uses; they give different parities. */
public enum Rate {
  /** Chunks of {@code next_pow2(r)} originals, FFT once at offset 0. */
  HIGH,
  /** One IFFT over {@code next_pow2(k)} originals, FFT per chunk of recovery symbols. */
  LOW;

  /** The rule of SPEC §3.4. */
  static Rate choose(int k, int r) {
    int kp = nextPow2(k);
    int rp = nextPow2(r);
    if (kp != rp) {
      return kp > rp ? HIGH : LOW;
    }
    return k <= r ? HIGH : LOW;
  }

  static int nextPow2(int x) {
    return x <= 1 ? 1 : Integer.highestOneBit(x - 1) << 1;
  }
}
