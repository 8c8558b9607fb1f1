package dev.haulout.seal.crypto.bls;

import dev.haulout.seal.crypto.SealConstants;
import dev.haulout.seal.crypto.SealCryptoException;
import java.util.Arrays;
import java.util.HexFormat;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * An element of the BLS12-381 group G1 (48-byte ZCash compressed encoding). Immutable: blst's
 * in-place operations are always applied to a copy. Every instance built from bytes has passed
 * the on-curve and prime-order-subgroup checks.
 */
public final class G1Point {
  public static final int SIZE = 48;

  private final P1 point;

  private G1Point(P1 point) {
    this.point = point;
  }

  /** Decodes a compressed point; rejects bad lengths, bad encodings and points outside G1. */
  public static G1Point fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != SIZE) {
      throw new SealCryptoException(
          SealCryptoException.Code.INVALID_POINT,
          "G1 point must be 48 bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    P1 p;
    try {
      p = new P1(bytes);
    } catch (RuntimeException e) {
      throw new SealCryptoException(
          SealCryptoException.Code.INVALID_POINT, "invalid G1 encoding: " + e.getMessage(), e);
    }
    if (!p.in_group()) {
      throw new SealCryptoException(
          SealCryptoException.Code.INVALID_POINT, "G1 point is not in the prime-order subgroup");
    }
    return new G1Point(p);
  }

  public static G1Point generator() {
    return new G1Point(P1.generator());
  }

  /** RFC 9380 hash_to_curve with the IETF G1 DST ({@link SealConstants#HASH_TO_G1_DST}). */
  public static G1Point hashToCurve(byte[] message) {
    return new G1Point(new P1().hash_to(message, SealConstants.HASH_TO_G1_DST));
  }

  /** {@code g1^s}. */
  public static G1Point generatorTimes(Scalar s) {
    return generator().multiply(s);
  }

  public G1Point multiply(Scalar s) {
    return new G1Point(point.dup().mult(s.toBlst()));
  }

  public G1Point add(G1Point o) {
    return new G1Point(point.dup().add(o.point));
  }

  public G1Point negate() {
    return new G1Point(point.dup().neg());
  }

  public G1Point subtract(G1Point o) {
    return add(o.negate());
  }

  public boolean isIdentity() {
    return point.is_inf();
  }

  public byte[] toBytes() {
    return point.compress();
  }

  P1_Affine affine() {
    return point.to_affine();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof G1Point && ((G1Point) o).point.is_equal(point);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "G1(" + HexFormat.of().formatHex(toBytes()) + ")";
  }
}
