package dev.haulout.seal.crypto.bls;

import java.util.Arrays;
import supranational.blst.PT;

/**
 * An element of the pairing target group GT (Fp12). {@link #toBytes()} is the 576-byte encoding
 * Seal hashes: blst {@code to_bendian}, i.e. the Fp2 coefficients of w^0..w^5 (real part first),
 * each Fp 48 bytes big-endian.
 */
public final class GtElement {
  public static final int SIZE = 576;

  private final PT value;

  private GtElement(PT value) {
    this.value = value;
  }

  /** The optimal-ate pairing e(p, q) with full final exponentiation. */
  public static GtElement pair(G1Point p, G2Point q) {
    return new GtElement(new PT(p.affine(), q.affine()).final_exp());
  }

  /** {@code e(a, b) == e(c, d)}, computed with two Miller loops and one final exponentiation. */
  public static boolean pairingsEqual(G1Point a, G2Point b, G1Point c, G2Point d) {
    PT left = new PT(a.affine(), b.affine());
    PT right = new PT(c.affine(), d.affine());
    return PT.finalverify(left, right);
  }

  public GtElement multiply(GtElement o) {
    return new GtElement(value.dup().mul(o.value));
  }

  public byte[] toBytes() {
    return value.to_bendian();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GtElement && ((GtElement) o).value.is_equal(value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }
}
