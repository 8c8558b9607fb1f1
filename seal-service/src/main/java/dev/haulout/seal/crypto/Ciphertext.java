package dev.haulout.seal.crypto;

/**
 * The DEM part of an {@link EncryptedObject} (BCS enum {@code Ciphertext}). A {@code null} aad is
 * BCS {@code None}; {@code None} and {@code Some([])} decrypt identically.
 */
public sealed interface Ciphertext {

  /** Variant 0: AES-256-GCM, {@code blob = C ‖ tag}. */
  record Aes256Gcm(byte[] blob, byte[] aad) implements Ciphertext {}

  /** Variant 1: HMAC-SHA3-256-CTR with a separate 32-byte MAC. */
  record Hmac256Ctr(byte[] blob, byte[] aad, byte[] mac) implements Ciphertext {
    public Hmac256Ctr {
      if (mac.length != 32) {
        throw new IllegalArgumentException("HMAC-CTR mac must be 32 bytes, got " + mac.length);
      }
    }
  }

  /** Variant 2: no payload; decryption yields the DEM key itself (Seal as a KMS). */
  record Plain() implements Ciphertext {}
}
