package dev.haulout.chain.crypto;

import java.util.Arrays;
import java.util.Base64;

/**
 * A Sui serialized Ed25519 signature: {@code flag(0x00) ‖ sig(64) ‖ pk(32)}, base64 in text.
 * Other schemes (secp256k1/r1, multisig, zkLogin, passkey) are rejected by {@link #parse}.
 */
public record SuiSignature(byte[] signature, Ed25519PublicKey publicKey) {
  public static final int SERIALIZED_LENGTH = 1 + 64 + 32;

  public SuiSignature {
    if (signature == null || signature.length != 64) {
      throw new IllegalArgumentException("Ed25519 signature must be 64 bytes");
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
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
    if (scheme != SignatureScheme.ED25519) {
      throw new IllegalArgumentException("unsupported signature scheme: " + scheme);
    }
    if (raw.length != SERIALIZED_LENGTH) {
      throw new IllegalArgumentException(
          "serialized Ed25519 signature must be 97 bytes, got " + raw.length);
    }
    return new SuiSignature(
        Arrays.copyOfRange(raw, 1, 65), Ed25519PublicKey.fromBytes(Arrays.copyOfRange(raw, 65, 97)));
  }

  public byte[] toBytes() {
    byte[] out = new byte[SERIALIZED_LENGTH];
    out[0] = SignatureScheme.ED25519.flag();
    System.arraycopy(signature, 0, out, 1, 64);
    System.arraycopy(publicKey.bytes(), 0, out, 65, 32);
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
