package dev.haulout.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RentPeriodsTest {
  static final long DAY = 86_400_000L;

  @Test
  void shortAndIsoFormsAgree() {
    assertEquals(30 * DAY, RentPeriods.parseMillis("30d"));
    assertEquals(30 * DAY, RentPeriods.parseMillis("P30D"));
    assertEquals(12 * 3_600_000L, RentPeriods.parseMillis("12H"));
    assertEquals(12 * 3_600_000L, RentPeriods.parseMillis("pt12h"));
    assertEquals(90 * 60_000L, RentPeriods.parseMillis(" 90m "));
    assertEquals(RentPeriods.MAX_MS, RentPeriods.parseMillis("3650d"));
    assertEquals(60_000L, RentPeriods.parseMillis("PT1M"));
  }

  @Test
  void malformedOrOutOfBoundsIsRefused() {
    for (String bad : new String[] {"0d", "PT59S", "3651d", "30", "30 d", "-1d", "P-1D", "1w", "", "P"}) {
      assertThrows(IllegalArgumentException.class, () -> RentPeriods.parseMillis(bad), bad);
    }
  }
}
