package dev.haulout.marketplace.domain;

/**
 * What a listing costs, in FROST (1 WAL = 10^9 FROST). A null buy price means the dataset cannot
 * be bought outright; a null rent price means it cannot be rented. {@code feeBps} is the
 * marketplace fee in basis points taken from each payment.
 */
public record PriceTerms(Long buyPriceFrost, Long rentPricePerPeriodFrost, Long rentPeriodMs, int feeBps) {
  public static final long FROST_PER_WAL = 1_000_000_000L;

  public PriceTerms {
    requireNonNegative("buyPriceFrost", buyPriceFrost);
    requireNonNegative("rentPricePerPeriodFrost", rentPricePerPeriodFrost);
    if (rentPricePerPeriodFrost != null && (rentPeriodMs == null || rentPeriodMs <= 0)) {
      throw new IllegalArgumentException("rentPeriodMs must be > 0 when a rent price is set: " + rentPeriodMs);
    }
    if (feeBps < 0 || feeBps > 10_000) {
      throw new IllegalArgumentException("feeBps must be 0..10000: " + feeBps);
    }
  }

  private static void requireNonNegative(String name, Long v) {
    if (v != null && v < 0) {
      throw new IllegalArgumentException(name + " must be >= 0: " + v);
    }
  }

  /** Formats FROST as WAL with up to 9 decimals and no trailing zeros, e.g. 1.5 or 0.000000001. */
  public static String formatWal(long frost) {
    long whole = frost / FROST_PER_WAL;
    long frac = frost % FROST_PER_WAL;
    if (frac == 0) {
      return Long.toString(whole);
    }
    String f = String.format("%09d", frac).replaceAll("0+$", "");
    return whole + "." + f;
  }
}
