package dev.haulout.seal.crypto.tss;

import dev.haulout.seal.crypto.gf256.Gf256;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Byte-wise Shamir t-of-n secret sharing over GF(2^8) with share indices 1..n (Seal {@code
 * tss.rs}). Each byte j of the secret is the constant term of its own polynomial of degree t-1.
 */
public final class Shamir {
  private Shamir() {}

  /** Splits {@code secret} into {@code n} shares with indices 1..n, any {@code t} of which recover it. */
  public static List<Share> split(byte[] secret, int t, int n, SecureRandom rng) {
    return split(
        secret,
        t,
        n,
        j -> {
          byte[] c = new byte[t - 1];
          rng.nextBytes(c);
          return c;
        });
  }

  /**
   * Deterministic split: {@code coefficients.apply(j)} returns the t-1 coefficients c_1..c_{t-1} of
   * byte j's polynomial (used to reproduce conformance vectors).
   */
  public static List<Share> split(byte[] secret, int t, int n, IntFunction<byte[]> coefficients) {
    if (t < 1 || t > n || n > 255) {
      throw new IllegalArgumentException("need 1 <= t <= n <= 255, got t=" + t + ", n=" + n);
    }
    byte[][] values = new byte[n][secret.length];
    for (int j = 0; j < secret.length; j++) {
      byte[] c = coefficients.apply(j);
      if (c.length < t - 1) {
        throw new IllegalArgumentException("need " + (t - 1) + " coefficients, got " + c.length);
      }
      for (int i = 0; i < n; i++) {
        int x = i + 1;
        // Horner: p(x) = s + x(c1 + x(c2 + ...))
        int acc = 0;
        for (int k = t - 2; k >= 0; k--) {
          acc = Gf256.add(Gf256.mul(acc, x), c[k]);
        }
        values[i][j] = (byte) Gf256.add(Gf256.mul(acc, x), secret[j]);
      }
    }
    List<Share> shares = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      shares.add(new Share(i + 1, values[i]));
    }
    return shares;
  }

  /** Recovers the secret (the polynomials at 0) from shares with distinct indices. */
  public static byte[] combine(List<Share> shares) {
    return evaluate(shares, 0);
  }

  /**
   * Evaluates at {@code x} the unique polynomials of degree &lt; {@code shares.size()} through the
   * given shares (Lagrange interpolation). Used for recovery ({@code x = 0}) and share-consistency
   * checks.
   */
  public static byte[] evaluate(List<Share> shares, int x) {
    if (shares.isEmpty()) {
      throw new IllegalArgumentException("no shares");
    }
    int len = shares.get(0).value().length;
    int[] xs = new int[shares.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = shares.get(i).index();
      for (int k = 0; k < i; k++) {
        if (xs[k] == xs[i]) {
          throw new IllegalArgumentException("duplicate share index " + xs[i]);
        }
      }
    }
    byte[] out = new byte[len];
    for (int i = 0; i < xs.length; i++) {
      // l_i(x) = prod_{k != i} (x - x_k) / (x_i - x_k); subtraction is XOR.
      int num = 1;
      int den = 1;
      for (int k = 0; k < xs.length; k++) {
        if (k != i) {
          num = Gf256.mul(num, x ^ xs[k]);
          den = Gf256.mul(den, xs[i] ^ xs[k]);
        }
      }
      int li = Gf256.div(num, den);
      byte[] v = shares.get(i).value();
      if (v.length != len) {
        throw new IllegalArgumentException("shares have different lengths");
      }
      for (int j = 0; j < len; j++) {
        out[j] ^= (byte) Gf256.mul(v[j], li);
      }
    }
    return out;
  }
}
