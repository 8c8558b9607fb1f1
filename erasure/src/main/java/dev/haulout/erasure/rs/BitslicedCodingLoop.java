package dev.haulout.erasure.rs;

/**
 * Bulk encodes ({@link ReedSolomon#encodeInPlace}) run in bit-sliced form (see {@link
 * BitslicedEngine}) when the symbol size fills the bit-slice lanes well (symbols of at least 16
 * bytes, in practice); the per-butterfly byte operations (decoder, tiny symbols) are those of
 * {@link TableCodingLoop}. Byte-identical to {@link ScalarCodingLoop}; the default loop.
 */
public final class BitslicedCodingLoop implements BitslicedLoop {
  static final BitslicedCodingLoop INSTANCE = new BitslicedCodingLoop();

  private BitslicedCodingLoop() {}

  public static BitslicedCodingLoop instance() {
    return INSTANCE;
  }

  @Override
  public BitslicedEngine.Kernels kernels() {
    return BitslicedEngine.SCALAR;
  }

  @Override
  public String name() {
    return "bitsliced";
  }

  @Override
  public String toString() {
    return name();
  }
}
