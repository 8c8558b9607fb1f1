package dev.haulout.seal.crypto.tss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ShamirTest {
  private static final SecureRandom RNG = new SecureRandom();

  @ParameterizedTest(name = "{0}-of-{1}")
  @CsvSource({"1, 1", "1, 4", "2, 3", "3, 5", "5, 5", "4, 7"})
  void everySubsetOfThresholdSizeRecoversTheSecretAndEvaluatesEveryShare(int t, int n) {
    byte[] secret = new byte[32];
    RNG.nextBytes(secret);
    List<Share> shares = Shamir.split(secret, t, n, RNG);
    for (int mask = 0; mask < (1 << n); mask++) {
      if (Integer.bitCount(mask) != t) {
        continue;
      }
      List<Share> subset = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << i)) != 0) {
          subset.add(shares.get(i));
        }
      }
      assertArrayEquals(secret, Shamir.combine(subset));
      for (Share s : shares) {
        assertArrayEquals(s.value(), Shamir.evaluate(subset, s.index()));
      }
    }
  }

  @Test
  void rejectsBadParametersAndDuplicateIndices() {
    assertThrows(IllegalArgumentException.class, () -> Shamir.split(new byte[32], 0, 3, RNG));
    assertThrows(IllegalArgumentException.class, () -> Shamir.split(new byte[32], 4, 3, RNG));
    assertThrows(IllegalArgumentException.class, () -> Shamir.split(new byte[32], 2, 256, RNG));
    Share a = new Share(1, new byte[32]);
    assertThrows(IllegalArgumentException.class, () -> Shamir.combine(List.of(a, a)));
    assertThrows(IllegalArgumentException.class, () -> new Share(0, new byte[32]));
  }
}
