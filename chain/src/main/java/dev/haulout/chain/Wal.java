package dev.haulout.chain;

import java.math.BigDecimal;

/** WAL amounts: 1 WAL = 10^9 FROST; all ledger amounts are FROST in a signed 64-bit long ≥ 0. */
public final class Wal {
  public static final long FROST_PER_WAL = 1_000_000_000L;

  private Wal() {}

  /** Parses a decimal WAL amount ("1.5") to FROST; rejects more than 9 decimals or overflow. */
  public static long parseWal(String wal) {
    BigDecimal frost = new BigDecimal(wal).movePointRight(9);
    try {
      long v = frost.longValueExact();
      if (v < 0) {
        throw new IllegalArgumentException("negative amount: " + wal);
      }
      return v;
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("not a FROST-exact WAL amount: " + wal, e);
    }
  }

  public static String formatWal(long frost) {
    return BigDecimal.valueOf(frost).movePointLeft(9).stripTrailingZeros().toPlainString();
  }
}
