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
  public void fftButterfly(byte[] buf, int a, int b, int len, int symbolSize, int logM) {
    TableCodingLoop.INSTANCE.fftButterfly(buf, a, b, len, symbolSize, logM);
  }

  @Override
  public void ifftButterfly(byte[] buf, int a, int b, int len, int symbolSize, int logM) {
    TableCodingLoop.INSTANCE.ifftButterfly(buf, a, b, len, symbolSize, logM);
  }

  @Override
  public void xor(byte[] buf, int dst, int src, int len) {
    TableCodingLoop.INSTANCE.xor(buf, dst, src, len);
  }

  @Override
  public void mulInPlace(byte[] buf, int off, int len, int symbolSize, int logM) {
    TableCodingLoop.INSTANCE.mulInPlace(buf, off, len, symbolSize, logM);
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
