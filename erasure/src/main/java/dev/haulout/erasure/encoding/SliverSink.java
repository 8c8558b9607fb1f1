package dev.haulout.erasure.encoding;

import dev.haulout.erasure.SliverData;

/**
 * Receives slivers as the encoder produces them, in no particular order, possibly from several
 * threads at once (implementations must be thread-safe when parallelism is above one). The sliver
 * is handed over: the encoder keeps no reference to it.
 */
@FunctionalInterface
public interface SliverSink {
  void accept(SliverData sliver);
}
