package dev.haulout.cli.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PricesTest {
  @Test
  void walDecimalsBecomeExactFrost() {
    assertEquals(1_500_000_000L, Prices.frost("1.5"));
    assertEquals(1L, Prices.frost("0.000000001"));
    assertEquals(0L, Prices.frost("0"));
    assertEquals(2L * 1_000_000_000L, Prices.frost(" 2 "));
    assertEquals(123_456_789_012L, Prices.frost("123.456789012"));
    // 0.1 + 0.2 style binary rounding would give ...299999; the decimal path is exact
    assertEquals(300_000_000L, Prices.frost("0.3"));
    assertEquals(Long.MAX_VALUE, Prices.frost("9223372036.854775807"));
  }

  @Test
  void walThatIsNotAPlainFrostExactDecimalIsRefused() {
    for (String bad : new String[] {"1.0000000001", "-1", "1e3", "+1", "abc", "", ".5", "1.", "0x10", "1,5",
        "9223372036.854775808", "99999999999999"}) {
      CliError e = assertThrows(CliError.class, () -> Prices.frost(bad), bad);
      assertEquals("INVALID_PRICE", e.code(), bad);
    }
  }

  @Test
  void periodsInShortAndIsoForms() {
    long day = 86_400_000L;
    assertEquals(30 * day, Prices.periodMillis("30d"));
    assertEquals(30 * day, Prices.periodMillis("P30D"));
    assertEquals(30 * day, Prices.periodMillis("p30d"));
    assertEquals(12 * 3_600_000L, Prices.periodMillis("12h"));
    assertEquals(12 * 3_600_000L, Prices.periodMillis("PT12H"));
    assertEquals(90 * 60_000L, Prices.periodMillis("90m"));
    assertEquals(3650 * day, Prices.periodMillis("3650d"));
  }

  @Test
  void periodsOutOfBoundsOrMalformedAreRefused() {
    for (String bad : new String[] {"0d", "30s", "PT30S", "3651d", "abc", "30", "d", "-1d", "30 d", "P-1D", ""}) {
      CliError e = assertThrows(CliError.class, () -> Prices.periodMillis(bad), bad);
      assertEquals("INVALID_PERIOD", e.code(), bad);
    }
  }

  @Test
  void periodsAreShownInTheirShortestExactUnit() {
    assertEquals("30d", Prices.period(Prices.periodMillis("P30D")));
    assertEquals("12h", Prices.period(Prices.periodMillis("PT12H")));
    assertEquals("90m", Prices.period(Prices.periodMillis("90m")));
    assertEquals("36h", Prices.period(Prices.periodMillis("P1DT12H")));
    assertEquals("PT1M30S", Prices.period(90_000));
  }
}
