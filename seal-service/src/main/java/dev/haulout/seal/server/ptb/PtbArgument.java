package dev.haulout.seal.server.ptb;

/** A Move-call argument of a programmable transaction ({@code Argument} enum). */
public record PtbArgument(Kind kind, int index, int subIndex) {
  /** BCS variant order of Sui's {@code Argument}. */
  public enum Kind {
    GAS_COIN,
    INPUT,
    RESULT,
    NESTED_RESULT
  }
}
