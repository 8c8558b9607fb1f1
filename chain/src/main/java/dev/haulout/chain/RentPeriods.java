package dev.haulout.chain;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rent periods as sellers type them: {@code 30d}, {@code 12h}, {@code 90m} or an ISO-8601 duration
 * ({@code P30D}, {@code PT12H}), from 1 minute to {@link #MAX_MS} (3650 days). The one parser the
 * marketplace's publish metadata and the CLI share.
 */
public final class RentPeriods {
  /** Longest rent period accepted: ten years. */
  public static final long MAX_MS = Duration.ofDays(3650).toMillis();
  private static final Pattern SHORT = Pattern.compile("([1-9][0-9]{0,5})([dhm])");

  private RentPeriods() {}

  /** Milliseconds of {@code text}; {@link IllegalArgumentException} when malformed or out of bounds. */
  public static long parseMillis(String text) {
    String t = text.strip();
    Matcher s = SHORT.matcher(t.toLowerCase(Locale.ROOT));
    long ms;
    if (s.matches()) {
      long n = Long.parseLong(s.group(1));
      ms = switch (s.group(2)) {
        case "d" -> Duration.ofDays(n).toMillis();
        case "h" -> Duration.ofHours(n).toMillis();
        default -> Duration.ofMinutes(n).toMillis();
      };
    } else {
      try {
        ms = Duration.parse(t.toUpperCase(Locale.ROOT)).toMillis();
      } catch (DateTimeParseException | ArithmeticException e) {
        throw new IllegalArgumentException("'" + (t.length() > 40 ? t.substring(0, 40) + "…" : t)
            + "' is not like 30d, 12h or P30D");
      }
    }
    if (ms < Duration.ofMinutes(1).toMillis() || ms > MAX_MS) {
      throw new IllegalArgumentException("a rent period must be between 1 minute and 3650 days");
    }
    return ms;
  }
}
