package dev.haulout.erasure.encoding;

import dev.haulout.erasure.rs.CodingLoop;

/**
 * Tuning knobs of the encoder and decoder; none changes a single output byte. Immutable; {@code
 * withXxx} returns a copy.
 */
public final class EncoderOptions {
  /** Threads used by default: one, so results and timings are predictable. */
  public static final int DEFAULT_PARALLELISM = 1;

  private static final EncoderOptions DEFAULTS =
      new EncoderOptions(DEFAULT_PARALLELISM, CodingLoop.defaultLoop());

  private final int parallelism;
  private final CodingLoop loop;

  private EncoderOptions(int parallelism, CodingLoop loop) {
    this.parallelism = parallelism;
    this.loop = loop;
  }

  public static EncoderOptions defaults() {
    return DEFAULTS;
  }

  /** Threads for the row, column and hashing phases (at least 1). */
  public EncoderOptions withParallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + threads);
    }
    return new EncoderOptions(threads, loop);
  }

  /** The GF inner loop (e.g. the scalar reference, to cross-check). */
  public EncoderOptions withCodingLoop(CodingLoop codingLoop) {
    if (codingLoop == null) {
      throw new IllegalArgumentException("coding loop must not be null");
    }
    return new EncoderOptions(parallelism, codingLoop);
  }

  public int parallelism() {
    return parallelism;
  }

  public CodingLoop codingLoop() {
    return loop;
  }

  @Override
  public String toString() {
    return "EncoderOptions[parallelism=" + parallelism + ", loop=" + loop.name() + "]";
  }
}
