package dev.haulout.erasure.rs;

import dev.haulout.erasure.internal.VectorSupport;
import java.util.List;

/** Holder of the loops chosen once per JVM (see {@link CodingLoop#defaultLoop()}). */
final class VectorLoops {
  static final CodingLoop VECTOR = VectorSupport.enabled() ? CodingLoop.vectorLoop() : null;
  static final CodingLoop DEFAULT = VECTOR != null ? VECTOR : BitslicedCodingLoop.INSTANCE;
  static final List<CodingLoop> ALL =
      VECTOR != null
          ? List.of(ScalarCodingLoop.INSTANCE, TableCodingLoop.INSTANCE, BitslicedCodingLoop.INSTANCE, VECTOR)
          : List.of(ScalarCodingLoop.INSTANCE, TableCodingLoop.INSTANCE, BitslicedCodingLoop.INSTANCE);

  private VectorLoops() {}
}
