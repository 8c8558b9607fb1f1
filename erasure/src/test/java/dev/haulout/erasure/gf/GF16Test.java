package dev.haulout.erasure.gf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GF16Test {
  private final SplittableRandom rnd = new SplittableRandom(7);

  private int any() {
    return rnd.nextInt(GF16.ORDER);
  }

  @Test
  void logAndExpAreInverseOnEveryNonZeroWord() {
    for (int w = 1; w < GF16.ORDER; w++) {
      assertEquals(w, GF16.exp(GF16.log(w)));
    }
    assertEquals(GF16.MODULUS, GF16.log(0));
    assertEquals(GF16.exp(0), GF16.exp(GF16.MODULUS));
  }

  @Test
  void oneIsTheCantorWordOne() {
    assertEquals(1, GF16.exp(0));
  }

  @Test
  void multiplicationIsCommutativeAssociativeAndDistributesOverXor() {
    for (int i = 0; i < 200_000; i++) {
      int a = any();
      int b = any();
      int c = any();
      assertEquals(GF16.multiply(a, b), GF16.multiply(b, a));
      assertEquals(GF16.multiply(GF16.multiply(a, b), c), GF16.multiply(a, GF16.multiply(b, c)));
      assertEquals(GF16.multiply(a, b ^ c), GF16.multiply(a, b) ^ GF16.multiply(a, c));
      assertEquals(0, GF16.multiply(a, 0));
      assertEquals(a, GF16.multiply(a, 1));
    }
  }

  @Test
  void everyNonZeroWordHasAnInverse() {
    for (int a = 1; a < GF16.ORDER; a++) {
      assertEquals(1, GF16.multiply(a, GF16.inverse(a)));
    }
    assertThrows(ArithmeticException.class, () -> GF16.inverse(0));
  }

  @Test
  void mulByLogMatchesMultiply() {
    for (int i = 0; i < 100_000; i++) {
      int a = any();
      int b = 1 + rnd.nextInt(GF16.MODULUS);
      assertEquals(GF16.multiply(a, b), GF16.mul(a, GF16.log(b)));
    }
  }

  @Test
  void addModWrapsLikeTheTables() {
    assertEquals(65535, GF16.addMod(65534, 1));
    assertEquals(1, GF16.addMod(65535, 1));
    assertEquals(5, GF16.addMod(65535, 5));
    assertEquals(65534, GF16.addMod(65534, 0));
  }
}
