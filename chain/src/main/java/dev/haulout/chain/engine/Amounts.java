package dev.haulout.chain.engine;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerException;
import java.util.function.LongSupplier;

/** FROST amount checks and exact arithmetic shared by the rules; overflow is {@code AMOUNT_OVERFLOW}. */
final class Amounts {
  private Amounts() {}

  /** A strictly positive amount; u64 values above 2^63-1 arrive negative and overflow. */
  static long positive(long v) {
    if (v < 0) {
      throw new LedgerException(ErrorCode.AMOUNT_OVERFLOW, "amount exceeds 2^63-1 FROST");
    }
    if (v == 0) {
      throw new LedgerException(ErrorCode.INVALID_AMOUNT, "amount must be > 0");
    }
    return v;
  }

  /** An amount that may be 0; u64 values above 2^63-1 arrive negative and overflow. */
  static long nonNegative(long v) {
    if (v < 0) {
      throw new LedgerException(ErrorCode.AMOUNT_OVERFLOW, "amount exceeds 2^63-1 FROST");
    }
    return v;
  }

  static long addExact(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw new LedgerException(ErrorCode.AMOUNT_OVERFLOW, "amount overflow: " + a + " + " + b);
    }
  }

  static long mulExact(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new LedgerException(ErrorCode.AMOUNT_OVERFLOW, "amount overflow: " + a + " * " + b);
    }
  }

  /** Runs storage arithmetic: overflow is {@code AMOUNT_OVERFLOW}, a refused input {@code INVALID_ARGUMENT}. */
  static long storageArithmetic(LongSupplier f) {
    try {
      return f.getAsLong();
    } catch (ArithmeticException e) {
      throw new LedgerException(ErrorCode.AMOUNT_OVERFLOW, "amount overflow in storage price");
    } catch (IllegalArgumentException e) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
    }
  }
}
