package dev.haulout.seal.crypto.gf256;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The table-driven field against a shift-and-add reference, plus the field axioms. */
class Gf256Test {

  /** Reference multiplication: carry-less multiply with reduction by x^8+x^4+x^3+x+1. */
  static int slowMul(int a, int b) {
    int p = 0;
    for (int i = 0; i < 8; i++) {
      if ((b & 1) != 0) {
        p ^= a;
      }
      boolean carry = (a & 0x80) != 0;
      a = (a << 1) & 0xFF;
      if (carry) {
        a ^= 0x1B;
      }
      b >>= 1;
    }
    return p;
  }

  @Test
  void tableMultiplicationMatchesReferenceForAllPairs() {
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        assertEquals(slowMul(a, b), Gf256.mul(a, b), a + "*" + b);
      }
    }
  }

  @Test
  void everyNonZeroElementHasAnInverseAndDivisionUndoesMultiplication() {
    for (int a = 1; a < 256; a++) {
      assertEquals(1, Gf256.mul(a, Gf256.inverse(a)), "a=" + a);
      for (int b = 1; b < 256; b += 7) {
        assertEquals(a, Gf256.div(Gf256.mul(a, b), b));
      }
    }
    assertThrows(ArithmeticException.class, () -> Gf256.inverse(0));
  }

  @Test
  void multiplicationDistributesOverAddition() {
    for (int a = 0; a < 256; a += 3) {
      for (int b = 0; b < 256; b += 5) {
        for (int c = 0; c < 256; c += 11) {
          assertEquals(Gf256.add(Gf256.mul(a, b), Gf256.mul(a, c)), Gf256.mul(a, Gf256.add(b, c)));
          assertEquals(Gf256.mul(Gf256.mul(a, b), c), Gf256.mul(a, Gf256.mul(b, c)));
        }
      }
    }
  }
}
