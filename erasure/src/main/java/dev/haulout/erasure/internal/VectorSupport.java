package dev.haulout.erasure.internal;

import java.lang.reflect.Constructor;

/**
 * Whether the SIMD paths ({@code jdk.incubator.vector}) are used. They are when the JVM was
 * started with {@code --add-modules jdk.incubator.vector} (the module is in the boot layer), the
 * system property {@code haulout.erasure.vector} is not {@code false}, and the vector classes load
 * and report a useful vector width. The classes that import {@code jdk.incubator.vector} live in
 * a separate source root and are only ever loaded reflectively from here, so without the module
 * nothing refers to them and the scalar code runs. Not API.
 */
public final class VectorSupport {
  /** System property that turns the vector paths off when set to {@code false}. */
  public static final String PROPERTY = "haulout.erasure.vector";

  private static final String MODULE = "jdk.incubator.vector";
  private static final String PROBE = "dev.haulout.erasure.internal.vector.VectorProbe";
  private static final boolean ENABLED = detect();

  private VectorSupport() {}

  /** Whether vector implementations are in use in this JVM. */
  public static boolean enabled() {
    return ENABLED;
  }

  /** Whether the vector classes could be used here, ignoring the system property. */
  public static boolean available() {
    return ModuleLayer.boot().findModule(MODULE).isPresent() && probe();
  }

  private static boolean detect() {
    if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim())) {
      return false;
    }
    return available();
  }

  private static boolean probe() {
    try {
      return (Boolean) Class.forName(PROBE).getMethod("usable").invoke(null);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return false;
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
