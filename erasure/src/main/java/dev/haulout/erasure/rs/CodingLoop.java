package dev.haulout.erasure.rs;

import dev.haulout.erasure.internal.VectorSupport;
import java.util.List;

/**
 * The word-wise inner loops of the additive FFT, acting on shards stored in one byte array.
 *
 * <p>A region is a run of whole symbols of {@code symbolSize} bytes; inside each symbol the bytes
 * pair into 16-bit words as SPEC §3.2 says: per 64-byte block byte {@code e} is the low and byte
 * {@code 32 + e} the high byte of one word, and in a tail of {@code t} bytes byte {@code e} pairs
 * with byte {@code t/2 + e}. Every implementation must give identical bytes; {@link
 * ScalarCodingLoop} is the reference and tests run over {@link #all()}.
 */
public interface CodingLoop {

  /** FFT butterfly on {@code len} bytes: {@code a ^= b * exp(logM)} (skipped for logM 65535), then {@code b ^= a}. */
  void fftButterfly(byte[] buf, int a, int b, int len, int symbolSize, int logM);

  /** IFFT butterfly on {@code len} bytes: {@code b ^= a}, then {@code a ^= b * exp(logM)} (skipped for logM 65535). */
  void ifftButterfly(byte[] buf, int a, int b, int len, int symbolSize, int logM);

  /** {@code buf[dst ..] ^= buf[src ..]} over {@code len} bytes. */
  void xor(byte[] buf, int dst, int src, int len);

  /** Multiplies every word of the region by {@code exp(logM)} ({@code logM == 65535} means by zero). */
  void mulInPlace(byte[] buf, int off, int len, int symbolSize, int logM);

  /** Short name used in test and benchmark labels. */
  String name();

  /**
   * The loop used when the caller does not choose one: the Vector-API loop when {@link
   * VectorSupport#enabled()}, else {@link BitslicedCodingLoop}.
   */
  static CodingLoop defaultLoop() {
    return VectorLoops.DEFAULT;
  }

  /**
   * The Vector-API loop (bit-sliced kernels on 512-, 256- or 128-bit vectors); only when {@link
   * VectorSupport#available()}.
   */
  static CodingLoop vectorLoop() {
    return VectorSupport.create(
        CodingLoop.class, "dev.haulout.erasure.rs.VectorCodingLoop", new Class<?>[0]);
  }

  /** Every implementation, reference first (the vector loop last, when {@link VectorSupport#enabled()}). */
  static List<CodingLoop> all() {
    return VectorLoops.ALL;
  }
}
