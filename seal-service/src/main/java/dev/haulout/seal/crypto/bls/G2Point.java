package dev.haulout.seal.crypto.bls;

import dev.haulout.seal.crypto.SealCryptoException;
import java.util.Arrays;
import java.util.HexFormat;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * An element of the BLS12-381 group G2 (96-byte ZCash compressed encoding). Immutable: blst's
 * in-place operations are always applied to a copy. Every instance built from bytes has passed
 * the on-curve and prime-order-subgroup checks.
 */
public final class G2Point {
  public static final int SIZE = 96;

  private final P2 point;

  private G2Point(P2 point) {
    this.point = point;
  }

  /** Decodes a compressed point; rejects bad lengths, bad encodings and points outside G2. */
  public static G2Point fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != SIZE) {
      throw new SealCryptoException(
          SealCryptoException.Code.INVALID_POINT,
          "G2 point must be 96 bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    P2 p;
    try {
      p = new P2(bytes);
    } catch (RuntimeException e) {
      throw new SealCryptoException(
          SealCryptoException.Code.INVALID_POINT, "invalid G2 encoding: " + e.getMessage(), e);
    }
    if (!p.in_group()) {
      throw new SealCryptoException(
          SealCryptoException.Code.INVALID_POINT, "G2 point is not in the prime-order subgroup");
    }
    return new G2Point(p);
  }

  public static G2Point generator() {
    return new G2Point(P2.generator());
  }

  /** {@code g2^s}. */
  public static G2Point generatorTimes(Scalar s) {
    return generator().multiply(s);
  }

  public G2Point multiply(Scalar s) {
    return new G2Point(point.dup().mult(s.toBlst()));
  }

  public G2Point add(G2Point o) {
    return new G2Point(point.dup().add(o.point));
  }

  public G2Point negate() {
    return new G2Point(point.dup().neg());
  }

  public G2Point subtract(G2Point o) {
    return add(o.negate());
  }

  public boolean isIdentity() {
    return point.is_inf();
  }

  public byte[] toBytes() {
    return point.compress();
  }

  P2_Affine affine() {
    return point.to_affine();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof G2Point && ((G2Point) o).point.is_equal(point);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "G2(" + HexFormat.of().formatHex(toBytes()) + ")";
  }
}
