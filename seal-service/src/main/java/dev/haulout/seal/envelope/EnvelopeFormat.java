package dev.haulout.seal.envelope;

import dev.haulout.seal.crypto.SealCryptoException;
import dev.haulout.seal.crypto.kdf.Sha3;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The chunk cipher of the envelope: AES-256-GCM under a per-envelope chunk key, 12-byte nonce
 * {@code u8(final) ‖ 000000 ‖ u64be(index)}, AAD = header hash. One instance per thread.
 */
final class EnvelopeFormat {
  static final int TAG_SIZE = 16;
  private static final byte[] CHUNK_KEY_INFO =
      "haulout-envelope-v1/chunk-key".getBytes(StandardCharsets.US_ASCII);

  private final SecretKey key;
  private final byte[] aad;
  private final Cipher cipher;
  private final byte[] nonce = new byte[12];

  EnvelopeFormat(byte[] dataKey, EnvelopeHeader header) {
    if (dataKey.length != 32) {
      throw new IllegalArgumentException("data key must be 32 bytes");
    }
    this.key = new SecretKeySpec(Sha3.hkdf(dataKey, header.salt(), CHUNK_KEY_INFO, 32), "AES");
    this.aad = header.hash();
    try {
      this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }

  private GCMParameterSpec nonce(long index, boolean last) {
    nonce[0] = (byte) (last ? 1 : 0);
    for (int i = 0; i < 8; i++) {
      nonce[4 + i] = (byte) (index >>> (56 - 8 * i));
    }
    return new GCMParameterSpec(TAG_SIZE * 8, nonce);
  }

  /** Encrypts {@code len} bytes of {@code in} into {@code out} (len + 16 bytes); returns the count. */
  int seal(long index, boolean last, byte[] in, int len, byte[] out) {
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, nonce(index, last));
      cipher.updateAAD(aad);
      return cipher.doFinal(in, 0, len, out, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM chunk encryption failed", e);
    }
  }

  /** Decrypts and authenticates chunk {@code index}; returns the plaintext length. */
  int open(long index, boolean last, byte[] in, int len, byte[] out) {
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, nonce(index, last));
      cipher.updateAAD(aad);
      return cipher.doFinal(in, 0, len, out, 0);
    } catch (AEADBadTagException e) {
      throw new SealCryptoException(
          SealCryptoException.Code.AUTHENTICATION_FAILED,
          "envelope chunk " + index + " failed authentication (tampered, truncated or reordered)",
          e);
    } catch (ShortBufferException e) {
      throw new IllegalStateException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM chunk decryption failed", e);
    }
  }
}
