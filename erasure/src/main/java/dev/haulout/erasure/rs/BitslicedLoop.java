package dev.haulout.erasure.rs;

/**
 * A loop whose bulk encodes and decodes run in bit-sliced form ({@link BitslicedEngine}) with its
 * kernels: the scalar ones ({@link BitslicedCodingLoop}) or the Vector-API ones ({@code
 * VectorCodingLoop}, loaded only when {@code jdk.incubator.vector} is present).
 */
interface BitslicedLoop extends CodingLoop {
  BitslicedEngine.Kernels kernels();
}
