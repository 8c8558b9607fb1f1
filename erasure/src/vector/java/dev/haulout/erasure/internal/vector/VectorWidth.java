package dev.haulout.erasure.internal.vector;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector width of this JVM, chosen once at class initialisation so that every kernel's
 * {@code static final} species is a constant C2 folds: the widest shape the hardware runs
 * natively ({@link LongVector#SPECIES_PREFERRED}: 512 bits on AVX-512, 256 on AVX2, 128 on
 * SSE/NEON), or a narrower one forced with {@code -Dhaulout.erasure.vector.bits=512|256|128} (to
 * test or measure every width on one machine). Only widths the hardware has are used: forcing a
 * wider one than native leaves the vector paths off (the Vector API would run it as plain Java,
 * correct but many times slower), and vectors under {@link #DEFAULT_MIN_BITS} are not used.
 * Not API.
 */
public final class VectorWidth {
  /** System property forcing a width in bits. */
  public static final String BITS_PROPERTY = "haulout.erasure.vector.bits";

  /**
   * Narrowest width used. Every width measured so far is faster than the
   * scalar code (README, "Vector paths": on an AVX2 machine, forced to 128 bits, the 2-lane
   * BLAKE2b was 1.6-1.7x and the RS kernels 1.9x the scalar ones, `KernelDuel`), so any native
   * width from 128 bits up is used; narrower vectors (64 bits) are not.
   */
  public static final int DEFAULT_MIN_BITS = 128;

  /** Native width in bits (the preferred shape). */
  public static final int NATIVE_BITS = LongVector.SPECIES_PREFERRED.vectorBitSize();

  private static final int REQUESTED = requested();

  /** The width the kernels are compiled for: the forced one, else the native one. */
  public static final int BITS = REQUESTED > 0 ? REQUESTED : NATIVE_BITS;

  /** Why the vector paths are off at this width, or null when the width is usable. */
  public static final String REFUSAL = refusal();

  private static final VectorShape SHAPE = VectorShape.forBitSize(BITS);
  public static final VectorSpecies<Long> LONGS = VectorSpecies.of(long.class, SHAPE);
  public static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, SHAPE);
  public static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class, SHAPE);

  private VectorWidth() {}

  private static int requested() {
    String v = System.getProperty(BITS_PROPERTY);
    if (v == null || v.isBlank()) {
      return 0;
    }
    switch (v.trim()) {
      case "512":
        return 512;
      case "256":
        return 256;
      case "128":
        return 128;
      default:
        return -1; // refused below
    }
  }

  private static String refusal() {
    if (REQUESTED < 0) {
      return BITS_PROPERTY + "=" + System.getProperty(BITS_PROPERTY) + " is not 512, 256 or 128";
    }
    if (BITS > NATIVE_BITS) {
      return BITS + "-bit vectors requested, the hardware has " + NATIVE_BITS + "-bit ones";
    }
    if (BITS < DEFAULT_MIN_BITS) {
      return "the hardware's vectors are " + NATIVE_BITS + " bits, the kernels want at least " + DEFAULT_MIN_BITS;
    }
    return null;
  }
}
