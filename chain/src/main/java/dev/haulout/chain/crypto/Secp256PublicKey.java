package dev.haulout.chain.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A secp256k1 (Sui flag 0x01) or secp256r1 (flag 0x02) public key in its 33-byte compressed form.
 * Sui signs {@code SHA-256(message)} with ECDSA and accepts only signatures {@code r ‖ s} (32 bytes
 * each, big-endian) whose {@code s} is in the lower half of the group order, so a signature cannot be
 * mauled into a second valid one.
 */
public final class Secp256PublicKey implements SuiPublicKey {
  public static final int LENGTH = 33;

  private final SignatureScheme scheme;
  private final byte[] bytes;
  private final ECPoint point;

  private Secp256PublicKey(SignatureScheme scheme, byte[] bytes, ECPoint point) {
    this.scheme = scheme;
    this.bytes = bytes;
    this.point = point;
  }

  /** Domain parameters of the curve of {@code scheme} (SECP256K1 or SECP256R1). */
  static ECDomainParameters domain(SignatureScheme scheme) {
    X9ECParameters p = switch (scheme) {
      case SECP256K1 -> CustomNamedCurves.getByName("secp256k1");
      case SECP256R1 -> CustomNamedCurves.getByName("secp256r1");
      default -> throw new IllegalArgumentException("not an ECDSA scheme: " + scheme);
    };
    return new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH());
  }

  /** Parses a compressed point; throws IllegalArgumentException for anything that is not one on the curve. */
  public static Secp256PublicKey fromBytes(SignatureScheme scheme, byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH || (bytes[0] != 2 && bytes[0] != 3)) {
      throw new IllegalArgumentException(scheme + " public key must be 33 bytes, compressed (02/03 prefix)");
    }
    ECPoint q;
    try {
      q = domain(scheme).getCurve().decodePoint(bytes).normalize();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(scheme + " public key is not a point on the curve", e);
    }
    if (q.isInfinity() || !q.isValid()) {
      throw new IllegalArgumentException(scheme + " public key is not a valid point");
    }
    return new Secp256PublicKey(scheme, bytes.clone(), q);
  }

  static Secp256PublicKey of(SignatureScheme scheme, ECPoint q) {
    return new Secp256PublicKey(scheme, q.getEncoded(true), q.normalize());
  }

  @Override
  public SignatureScheme scheme() {
    return scheme;
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean verify(byte[] message, byte[] signature) {
    if (signature == null || signature.length != 64) {
      return false;
    }
    ECDomainParameters d = domain(scheme);
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    if (r.signum() == 0 || s.signum() == 0 || r.compareTo(d.getN()) >= 0 || s.compareTo(d.getN().shiftRight(1)) > 0) {
      return false;
    }
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(point, d));
    try {
      return verifier.verifySignature(sha256(message), r, s);
    } catch (RuntimeException e) {
      return false;
    }
  }

  static byte[] sha256(byte[] message) {
    SHA256Digest sha = new SHA256Digest();
    sha.update(message, 0, message.length);
    byte[] out = new byte[32];
    sha.doFinal(out, 0);
    return out;
  }

  /** Sui's {@code toSuiPublicKey()}: base64 of {@code flag ‖ compressed point}. */
  public String toSuiPublicKey() {
    byte[] out = new byte[LENGTH + 1];
    out[0] = scheme.flag();
    System.arraycopy(bytes, 0, out, 1, LENGTH);
    return Base64.getEncoder().encodeToString(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secp256PublicKey k && scheme == k.scheme && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * scheme.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return scheme + "PublicKey[" + Base64.getEncoder().encodeToString(bytes) + "]";
  }
}
