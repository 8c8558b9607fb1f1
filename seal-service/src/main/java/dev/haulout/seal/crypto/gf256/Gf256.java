package dev.haulout.seal.crypto.gf256;

/**
 * Arithmetic in GF(2^8) with the AES reduction polynomial x^8+x^4+x^3+x+1 (0x11B), the field of
 * Seal's Shamir sharing. Addition is XOR; multiplication uses log/exp tables over the generator 3.
 */
public final class Gf256 {
  private Gf256() {}

  private static final int[] EXP = new int[510];
  private static final int[] LOG = new int[256];

  static {
    int x = 1;
    for (int i = 0; i < 255; i++) {
      EXP[i] = x;
      LOG[x] = i;
      // x *= 3, i.e. x ^ (x * 2) with reduction by 0x11B
      int x2 = x << 1;
      if ((x2 & 0x100) != 0) {
        x2 ^= 0x11B;
      }
      x ^= x2;
    }
    for (int i = 255; i < EXP.length; i++) {
      EXP[i] = EXP[i - 255];
    }
  }

  public static int add(int a, int b) {
    return (a ^ b) & 0xFF;
  }

  public static int mul(int a, int b) {
    a &= 0xFF;
    b &= 0xFF;
    if (a == 0 || b == 0) {
      return 0;
    }
    return EXP[LOG[a] + LOG[b]];
  }

  /** a / b; throws for b = 0. */
  public static int div(int a, int b) {
    return mul(a, inverse(b));
  }

  public static int inverse(int a) {
    a &= 0xFF;
    if (a == 0) {
      throw new ArithmeticException("0 has no inverse in GF(256)");
    }
    return EXP[255 - LOG[a]];
  }
}
