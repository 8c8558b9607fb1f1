package dev.haulout.chain.crypto;

import dev.haulout.wire.SuiAddress;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** A 32-byte Ed25519 public key. */
public final class Ed25519PublicKey implements SuiPublicKey {
  public static final int LENGTH = 32;
  private final byte[] bytes;

  private Ed25519PublicKey(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Ed25519PublicKey fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "Ed25519 public key must be 32 bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    return new Ed25519PublicKey(bytes.clone());
  }

  /** Parses base64 of either the raw 32 bytes or Sui's {@code flag ‖ pk} (33 bytes, flag 0). */
  public static Ed25519PublicKey fromBase64(String b64) {
    byte[] raw = Base64.getDecoder().decode(b64);
    if (raw.length == LENGTH + 1) {
      if (raw[0] != SignatureScheme.ED25519.flag()) {
        throw new IllegalArgumentException("not an Ed25519 Sui public key, flag " + raw[0]);
      }
      return new Ed25519PublicKey(Arrays.copyOfRange(raw, 1, raw.length));
    }
    return fromBytes(raw);
  }

  @Override
  public SignatureScheme scheme() {
    return SignatureScheme.ED25519;
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Base64 of the raw 32 bytes. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Sui's {@code toSuiPublicKey()}: base64 of {@code 0x00 ‖ pk}. */
  public String toSuiPublicKey() {
    byte[] out = new byte[LENGTH + 1];
    System.arraycopy(bytes, 0, out, 1, LENGTH);
    return Base64.getEncoder().encodeToString(out);
  }

  @Override
  public SuiAddress toSuiAddress() {
    return SuiAddress.fromEd25519PublicKey(bytes);
  }

  /** Raw Ed25519 verification of a 64-byte signature over {@code message} (no intent, no hashing). */
  @Override
  public boolean verify(byte[] message, byte[] signature) {
    if (signature == null || signature.length != Ed25519.SIGNATURE_SIZE) {
      return false;
    }
    try {
      return Ed25519.verify(signature, 0, bytes, 0, message, 0, message.length);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PublicKey k && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Ed25519PublicKey[" + toBase64() + "]";
  }
}
