package dev.haulout.erasure.internal;

import java.lang.reflect.Constructor;

/**
 * Whether the SIMD paths ({@code jdk.incubator.vector}) are used, and at which width. They are
 * when the JVM was started with {@code --add-modules jdk.incubator.vector} (the module is in the
 * boot layer), the system property {@code haulout.erasure.vector} is not {@code false}, and the
 * vector classes load, accept the width (the hardware's widest native vectors, 512 or 256 bits,
 * or a narrower one forced with {@code haulout.erasure.vector.bits}) and agree with the scalar
 * code. The classes that import {@code jdk.incubator.vector} live in a separate source root and
 * are only ever loaded reflectively from here, so without the module nothing refers to them and
 * the scalar code runs. Not API.
 */
public final class VectorSupport {
  /** System property that turns the vector paths off when set to {@code false}. */
  public static final String PROPERTY = "haulout.erasure.vector";
  /** System property forcing the vector width: {@code 512}, {@code 256} or {@code 128}. */
  public static final String BITS_PROPERTY = "haulout.erasure.vector.bits";

  private static final String MODULE = "jdk.incubator.vector";
  private static final String PROBE = "dev.haulout.erasure.internal.vector.VectorProbe";
  private static final boolean OFF = "false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim());
  /** Switched off by the property: the probe (a small run of both kernels) is not even run. */
  private static final boolean ENABLED = !OFF && Probe.REFUSAL == null;

  /** The probe's answer, computed on first use. */
  private static final class Probe {
    /** Null when the vector classes can be used here (ignoring {@link #PROPERTY}), else why not. */
    static final String REFUSAL = probe();
  }

  private VectorSupport() {}

  /** Whether vector implementations are in use in this JVM. */
  public static boolean enabled() {
    return ENABLED;
  }

  /** Whether the vector classes could be used here, ignoring the system property. */
  public static boolean available() {
    return Probe.REFUSAL == null;
  }

  /** The vector width in bits when {@link #available()}, else 0. */
  public static int bits() {
    if (Probe.REFUSAL != null) {
      return 0;
    }
    try {
      return (Integer) Class.forName(PROBE).getMethod("bits").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("vector probe", e);
    }
  }

  /** One line for logs and tests: which paths run, and why. */
  public static String describe() {
    if (ENABLED) {
      return "vector paths, " + bits() + "-bit";
    }
    return "scalar paths (" + (OFF ? PROPERTY + "=false" : Probe.REFUSAL) + ")";
  }

  /** Why the vector classes cannot be used here, or null when they can. */
  public static String refusal() {
    return Probe.REFUSAL;
  }

  private static String probe() {
    if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
      return MODULE + " is not in the boot layer (no --add-modules " + MODULE + ")";
    }
    try {
      return (String) Class.forName(PROBE).getMethod("refusal").invoke(null);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return "vector classes unusable: " + e;
    }
  }

  /**
   * A new instance of the vector class {@code className} through its constructor taking {@code
   * types}; for callers that already checked {@link #available()}.
   */
  public static <T> T create(Class<T> type, String className, Class<?>[] types, Object... args) {
    try {
      Constructor<?> c = Class.forName(className).getDeclaredConstructor(types);
      return type.cast(c.newInstance(args));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + className, e);
    }
  }
}
