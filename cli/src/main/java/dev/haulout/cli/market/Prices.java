package dev.haulout.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haulout.chain.RentPeriods;
import dev.haulout.chain.Wal;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * WAL amounts and rent periods as a seller types them. WAL is a plain decimal with at most 9
 * fraction digits, converted to FROST exactly (1 WAL = 10^9 FROST, {@link Wal}); periods are
 * {@code 30d}, {@code 12h}, {@code 90m} or ISO-8601 ({@code P30D}, {@code PT12H}), parsed by chain's
 * {@link RentPeriods} as the marketplace's publish metadata is (docs/commerce.md "Publish").
 */
public final class Prices {
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,11}(\\.[0-9]{1,9})?");

  private Prices() {}

  /** FROST of a WAL decimal such as {@code 1.5} or {@code 0.000000001}; refuses anything else. */
  public static long frost(String wal) {
    String w = wal.strip();
    if (!DECIMAL.matcher(w).matches()) {
      throw new CliError("INVALID_PRICE", "'" + Texts.clip(w, 40)
          + "' is not a WAL amount (a decimal ≥ 0 with at most 9 fraction digits, e.g. 2.5)");
    }
    try {
      return Wal.parseWal(w);
    } catch (IllegalArgumentException e) {
      throw new CliError("INVALID_PRICE", "'" + w + "' is too large a WAL amount");
    }
  }

  /** Milliseconds of a rent period: {@code 30d}, {@code 12h}, {@code 90m}, {@code P30D}, {@code PT12H} ({@link RentPeriods}). */
  public static long periodMillis(String text) {
    try {
      return RentPeriods.parseMillis(text);
    } catch (IllegalArgumentException e) {
      throw new CliError("INVALID_PERIOD", "rent period " + e.getMessage());
    }
  }

  /** "buy 2.5 WAL · rent 0.1 WAL / 30d", "free", or "not for sale". */
  static String describe(JsonNode price) {
    if (price.path("free").asBoolean(false)) {
      return "free";
    }
    StringBuilder b = new StringBuilder();
    if (price.hasNonNull("buyPriceFrost")) {
      b.append("buy ").append(Wal.formatWal(price.get("buyPriceFrost").asLong())).append(" WAL");
    }
    if (price.hasNonNull("rentPricePerPeriodFrost")) {
      if (b.length() > 0) {
        b.append(" · ");
      }
      b.append("rent ").append(Wal.formatWal(price.get("rentPricePerPeriodFrost").asLong())).append(" WAL / ")
          .append(period(price.path("rentPeriodMs").asLong()));
    }
    return b.length() == 0 ? "not for sale" : b.toString();
  }

  /** A period in the shortest exact unit: {@code 30d}, {@code 12h}, {@code 90m}, else ISO-8601. */
  static String period(long ms) {
    Duration d = Duration.ofMillis(ms);
    if (ms > 0 && ms % 86_400_000L == 0) {
      return d.toDays() + "d";
    }
    if (ms > 0 && ms % 3_600_000L == 0) {
      return d.toHours() + "h";
    }
    if (ms > 0 && ms % 60_000L == 0) {
      return d.toMinutes() + "m";
    }
    return d.toString();
  }
}
