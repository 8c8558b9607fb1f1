package dev.haulout.chain.crypto;

import dev.haulout.wire.SuiAddress;
import java.util.Arrays;
import java.util.Base64;

/**
 * A Sui serialized single-key signature: {@code flag ‖ sig(64) ‖ pk}, base64 in text. Ed25519
 * (flag 0x00, 32-byte key), secp256k1 (0x01) and secp256r1 (0x02, both with a 33-byte compressed
 * key) are accepted; multisig, zkLogin and passkey are rejected by {@link #parse}.
 */
public record SuiSignature(byte[] signature, SuiPublicKey publicKey) {
  public static final int SIGNATURE_LENGTH = 64;
  /** Length of a serialized Ed25519 signature; secp256k1/r1 ones are one byte longer. */
  public static final int SERIALIZED_LENGTH = 1 + SIGNATURE_LENGTH + Ed25519PublicKey.LENGTH;

  public SuiSignature {
    if (signature == null || signature.length != SIGNATURE_LENGTH) {
      throw new IllegalArgumentException("signature must be 64 bytes");
    }
    if (publicKey == null) {
      throw new IllegalArgumentException("missing public key");
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  public SignatureScheme scheme() {
    return publicKey.scheme();
  }

  /** Parses base64 serialized signature; throws IllegalArgumentException for any other shape. */
  public static SuiSignature parse(String base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("signature is not base64", e);
    }
    return fromBytes(raw);
  }

  public static SuiSignature fromBytes(byte[] raw) {
    if (raw.length == 0) {
      throw new IllegalArgumentException("empty signature");
    }
    SignatureScheme scheme = SignatureScheme.fromFlag(raw[0]);
    int keyLength = switch (scheme) {
      case ED25519 -> Ed25519PublicKey.LENGTH;
      case SECP256K1, SECP256R1 -> Secp256PublicKey.LENGTH;
      default -> throw new IllegalArgumentException("unsupported signature scheme: " + scheme);
    };
    int expected = 1 + SIGNATURE_LENGTH + keyLength;
    if (raw.length != expected) {
      throw new IllegalArgumentException(
          "serialized " + scheme + " signature must be " + expected + " bytes, got " + raw.length);
    }
    byte[] sig = Arrays.copyOfRange(raw, 1, 1 + SIGNATURE_LENGTH);
    byte[] pk = Arrays.copyOfRange(raw, 1 + SIGNATURE_LENGTH, raw.length);
    SuiPublicKey key = scheme == SignatureScheme.ED25519
        ? Ed25519PublicKey.fromBytes(pk)
        : Secp256PublicKey.fromBytes(scheme, pk);
    return new SuiSignature(sig, key);
  }

  public byte[] toBytes() {
    byte[] pk = publicKey.bytes();
    byte[] out = new byte[1 + SIGNATURE_LENGTH + pk.length];
    out[0] = publicKey.scheme().flag();
    System.arraycopy(signature, 0, out, 1, SIGNATURE_LENGTH);
    System.arraycopy(pk, 0, out, 1 + SIGNATURE_LENGTH, pk.length);
    return out;
  }

  /** Base64 text form, as Sui SDKs and the CLI print it. */
  public String serialize() {
    return Base64.getEncoder().encodeToString(toBytes());
  }

  public SuiAddress signer() {
    return publicKey.toSuiAddress();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SuiSignature s
        && Arrays.equals(signature, s.signature)
        && publicKey.equals(s.publicKey);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(signature) + publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "SuiSignature[" + serialize() + "]";
  }
}
