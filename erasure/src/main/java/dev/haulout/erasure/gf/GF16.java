package dev.haulout.erasure.gf;

/**
 * GF(2^16) with polynomial x^16+x^5+x^3+x^2+1 (0x1002D), elements written as coordinates in the
 * Cantor basis used by reed-solomon-simd (Walrus RS2, SPEC §3.1). Addition is XOR of words;
 * multiplication goes through log/exp tables built over Cantor words.
 *
 * <p>Tables are private; callers use the accessors. A log value of {@link #MODULUS} stands for
 * "log of zero", and a twiddle of {@code MODULUS} means "multiply by zero".
 */
public final class GF16 {
  /** Number of field elements. */
  public static final int ORDER = 65536;
  /** Multiplicative group order; also the encoding of "log 0". */
  public static final int MODULUS = 65535;

  private static final int POLYNOMIAL = 0x1002D;
  private static final int[] CANTOR_BASIS = {
    0x0001, 0xACCA, 0x3C0E, 0x163E, 0xC582, 0xED2E, 0x914C, 0x4012,
    0x6C98, 0x10D8, 0x6A72, 0xB900, 0xFDB8, 0xFB34, 0xFF38, 0x991E
  };

  private static final char[] LOG = new char[ORDER];
  private static final char[] EXP = new char[ORDER];
  private static final char[] SKEW = new char[MODULUS];

  static {
    buildLogExp();
    buildSkew();
  }

  private GF16() {}

  private static void buildLogExp() {
    int[] plog = new int[ORDER];
    int state = 1;
    for (int i = 0; i < MODULUS; i++) {
      plog[state] = i;
      state <<= 1;
      if (state >= ORDER) {
        state ^= POLYNOMIAL;
      }
    }
    plog[0] = MODULUS;
    int[] elem = new int[ORDER];
    for (int b = 0; b < 16; b++) {
      int width = 1 << b;
      for (int j = 0; j < width; j++) {
        elem[j + width] = elem[j] ^ CANTOR_BASIS[b];
      }
    }
    for (int w = 0; w < ORDER; w++) {
      LOG[w] = (char) plog[elem[w]];
    }
    for (int w = 0; w < ORDER; w++) {
      EXP[LOG[w]] = (char) w;
    }
    EXP[MODULUS] = EXP[0];
  }

  private static void buildSkew() {
    int[] temp = new int[15];
    for (int i = 1; i < 16; i++) {
      temp[i - 1] = 1 << i;
    }
    int[] skew = new int[MODULUS];
    for (int m = 0; m < 15; m++) {
      int step = 1 << (m + 1);
      skew[(1 << m) - 1] = 0;
      for (int i = m; i < 15; i++) {
        int s = 1 << (i + 1);
        for (int j = (1 << m) - 1; j < s; j += step) {
          skew[j + s] = skew[j] ^ temp[i];
        }
      }
      temp[m] = MODULUS - LOG[mul(temp[m], LOG[temp[m] ^ 1])];
      for (int i = m + 1; i < 15; i++) {
        temp[i] = mul(temp[i], addMod(LOG[temp[i] ^ 1], temp[m]));
      }
    }
    for (int i = 0; i < MODULUS; i++) {
      SKEW[i] = LOG[skew[i]];
    }
  }

  /** Adds two logarithms modulo 65535 (the table form used by reed-solomon-simd). */
  public static int addMod(int a, int b) {
    int sum = a + b;
    return (sum + (sum >>> 16)) & 0xFFFF;
  }

  /** Multiplies Cantor word {@code x} by the element whose logarithm is {@code logM}. */
  public static int mul(int x, int logM) {
    return x == 0 ? 0 : EXP[addMod(LOG[x], logM)];
  }

  /** Product of two Cantor words. */
  public static int multiply(int a, int b) {
    return (a == 0 || b == 0) ? 0 : EXP[addMod(LOG[a], LOG[b])];
  }

  /** Inverse of a non-zero Cantor word. */
  public static int inverse(int a) {
    if (a == 0) {
      throw new ArithmeticException("inverse of zero in GF(2^16)");
    }
    return EXP[(MODULUS - LOG[a]) % MODULUS];
  }

  /** Discrete log of word {@code w}; {@code log(0) == MODULUS}. */
  public static int log(int w) {
    return LOG[w];
  }

  /** Word whose log is {@code l} ({@code 0 <= l <= MODULUS}). */
  public static int exp(int l) {
    return EXP[l];
  }

  /** FFT twiddle (a log value, or {@code MODULUS} for zero) at {@code index < 65535}. */
  public static int skew(int index) {
    return SKEW[index];
  }
}
