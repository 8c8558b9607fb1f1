package dev.haulout.erasure.rs;

/**
 * A loop whose bulk encodes and decodes run in bit-sliced form ({@link BitslicedEngine}) with its
 * kernels: the scalar ones ({@link BitslicedCodingLoop}) or the Vector-API ones ({@code
 * VectorCodingLoop}, loaded only when {@code jdk.incubator.vector} is present).
 */
interface BitslicedLoop extends CodingLoop {
  BitslicedEngine.Kernels kernels();

  // the per-butterfly byte operations (decoder, tiny symbols) are the table loop's

  @Override
  default void fftButterfly(byte[] buf, int a, int b, int len, int symbolSize, int logM) {
    TableCodingLoop.INSTANCE.fftButterfly(buf, a, b, len, symbolSize, logM);
  }

  @Override
  default void ifftButterfly(byte[] buf, int a, int b, int len, int symbolSize, int logM) {
    TableCodingLoop.INSTANCE.ifftButterfly(buf, a, b, len, symbolSize, logM);
  }

  @Override
  default void xor(byte[] buf, int dst, int src, int len) {
    TableCodingLoop.INSTANCE.xor(buf, dst, src, len);
  }

  @Override
  default void mulInPlace(byte[] buf, int off, int len, int symbolSize, int logM) {
    TableCodingLoop.INSTANCE.mulInPlace(buf, off, len, symbolSize, logM);
  }
}
