package dev.haulout.erasure.internal.vector;

/** Loaded reflectively by {@code VectorSupport}: whether the Vector API is worth using here. */
public final class VectorProbe {
  private static final String STATUS = status();

  private VectorProbe() {}

  /**
   * Null when the vector paths can run, else why not: the width {@link VectorWidth} chose is
   * refused (wider than the hardware's, or 128 bits without being forced), or one of the two
   * kernels, run once on a small input, does not give the scalar code's bytes. The incubating API
   * is not stable across JDK releases: on a JDK where a method they call is missing, that run
   * throws a {@link LinkageError}, reported here, and {@code VectorSupport} keeps the scalar code.
   */
  public static String refusal() {
    return STATUS;
  }

  /** The width the kernels use, in bits (meaningful when {@link #refusal()} is null). */
  public static int bits() {
    return VectorWidth.BITS;
  }

  private static String status() {
    if (VectorWidth.REFUSAL != null) {
      return VectorWidth.REFUSAL;
    }
    try {
      if (!dev.haulout.erasure.rs.VectorCodingLoop.agreesWithScalar()) {
        return "the " + VectorWidth.BITS + "-bit Reed-Solomon kernels differ from the scalar code";
      }
      if (!Blake2bLanes.agreesWithScalar()) {
        return "the " + VectorWidth.BITS + "-bit BLAKE2b differs from the scalar code";
      }
    } catch (LinkageError e) {
      return "this JDK's jdk.incubator.vector lacks what the kernels call: " + e;
    }
    return null;
  }
}
