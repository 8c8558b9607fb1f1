package dev.haulout.erasure.internal.vector;

import jdk.incubator.vector.LongVector;

/** Loaded reflectively by {@code VectorSupport}: whether the Vector API is worth using here. */
public final class VectorProbe {
  private VectorProbe() {}

  /**
   * True when 512-bit long vectors are native (AVX-512): the kernels are written for 8 lanes, and
   * narrower species were not compiled to SIMD code by C2 on JDK 17 in our measurements; and when
   * both vector kernels, run once on a small input, give the scalar code's bytes. The incubating
   * API is not stable across JDK releases: on a JDK where a method they call is missing, that run
   * throws a {@link LinkageError} and {@code VectorSupport} keeps the scalar code.
   */
  public static boolean usable() {
    return LongVector.SPECIES_PREFERRED.length() >= 8
        && dev.haulout.erasure.rs.VectorCodingLoop.agreesWithScalar()
        && Blake2bLanes.agreesWithScalar();
  }
}
