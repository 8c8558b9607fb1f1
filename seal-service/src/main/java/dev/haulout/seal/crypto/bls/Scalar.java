package dev.haulout.seal.crypto.bls;

import dev.haulout.seal.crypto.SealCryptoException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/** A canonical element of the BLS12-381 scalar field Fr, encoded as 32 bytes big-endian. */
public final class Scalar {
  /** The group order r. */
  public static final BigInteger ORDER =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  public static final int SIZE = 32;

  private final BigInteger value;

  private Scalar(BigInteger value) {
    this.value = value;
  }

  /** Parses 32 big-endian bytes; rejects other lengths and values &ge; r. */
  public static Scalar fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != SIZE) {
      throw new SealCryptoException(
          SealCryptoException.Code.INVALID_SCALAR,
          "scalar must be 32 bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    BigInteger v = new BigInteger(1, bytes);
    if (v.compareTo(ORDER) >= 0) {
      throw new SealCryptoException(SealCryptoException.Code.INVALID_SCALAR, "scalar is not < r");
    }
    return new Scalar(v);
  }

  /** Wraps {@code 0 <= v < r}. */
  public static Scalar of(BigInteger v) {
    if (v.signum() < 0 || v.compareTo(ORDER) >= 0) {
      throw new IllegalArgumentException("scalar out of range [0, r)");
    }
    return new Scalar(v);
  }

  public static Scalar of(long v) {
    return of(BigInteger.valueOf(v));
  }

  /** Interprets any byte string as a big-endian integer and reduces it mod r. */
  public static Scalar reduce(byte[] bigEndian) {
    return new Scalar(new BigInteger(1, bigEndian).mod(ORDER));
  }

  /** A uniformly random non-zero scalar (rejection sampling on 256-bit strings). */
  public static Scalar random(SecureRandom rng) {
    byte[] b = new byte[SIZE];
    while (true) {
      rng.nextBytes(b);
      BigInteger v = new BigInteger(1, b);
      if (v.signum() != 0 && v.compareTo(ORDER) < 0) {
        Arrays.fill(b, (byte) 0);
        return new Scalar(v);
      }
    }
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  public Scalar add(Scalar o) {
    return new Scalar(value.add(o.value).mod(ORDER));
  }

  public Scalar subtract(Scalar o) {
    return new Scalar(value.subtract(o.value).mod(ORDER));
  }

  public Scalar multiply(Scalar o) {
    return new Scalar(value.multiply(o.value).mod(ORDER));
  }

  public Scalar negate() {
    return new Scalar(value.negate().mod(ORDER));
  }

  /** Multiplicative inverse; throws for zero. */
  public Scalar inverse() {
    if (isZero()) {
      throw new ArithmeticException("zero has no inverse");
    }
    return new Scalar(value.modInverse(ORDER));
  }

  /** 32 bytes big-endian. */
  public byte[] toBytes() {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[SIZE];
    int n = Math.min(raw.length, SIZE);
    System.arraycopy(raw, raw.length - n, out, SIZE - n, n);
    return out;
  }

  public BigInteger toBigInteger() {
    return value;
  }

  supranational.blst.Scalar toBlst() {
    return new supranational.blst.Scalar().from_bendian(toBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scalar && ((Scalar) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Never prints the value: scalars are usually secrets. */
  @Override
  public String toString() {
    return "Scalar[redacted]";
  }
}
