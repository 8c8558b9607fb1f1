package dev.haulout.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PriceTermsTest {
  @Test
  void formatsFrostAsWalWithoutTrailingZeros() {
    assertEquals("0", PriceTerms.formatWal(0));
    assertEquals("1", PriceTerms.formatWal(1_000_000_000L));
    assertEquals("1.5", PriceTerms.formatWal(1_500_000_000L));
    assertEquals("0.000000001", PriceTerms.formatWal(1));
    assertEquals("9223372036.854775807", PriceTerms.formatWal(Long.MAX_VALUE));
  }

  @Test
  void rejectsNegativePricesAndBadFees() {
    assertThrows(IllegalArgumentException.class, () -> new PriceTerms(-1L, null, null, 0));
    assertThrows(IllegalArgumentException.class, () -> new PriceTerms(null, 5L, null, 0));
    assertThrows(IllegalArgumentException.class, () -> new PriceTerms(null, null, null, 10_001));
  }

  @Test
  void tagsAreNormalizedAndValidated() {
    assertEquals(List.of("climate", "time-series"), Tags.normalize(List.of("Climate", " time-series", "climate")));
    var e = assertThrows(IllegalArgumentException.class, () -> Tags.normalize(List.of("no spaces")));
    assertEquals("tag must match [a-z0-9][a-z0-9-]{0,31}: 'no spaces'", e.getMessage());
  }
}
