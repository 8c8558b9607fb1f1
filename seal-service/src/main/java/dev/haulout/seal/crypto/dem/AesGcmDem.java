package dev.haulout.seal.crypto.dem;

import dev.haulout.seal.crypto.SealCryptoException;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seal's AES-256-GCM DEM: fixed 16-byte IV, 128-bit tag appended ({@code blob = C ‖ T}). The
 * fixed IV is safe only because every Seal DEM key is used for exactly one message.
 */
public final class AesGcmDem {
  private AesGcmDem() {}

  /** {@code 8a3799fdc62e79dba0805907d69c94dc}. */
  private static final byte[] IV = {
    (byte) 138, 55, (byte) 153, (byte) 253, (byte) 198, 46, 121, (byte) 219,
    (byte) 160, (byte) 128, 89, 7, (byte) 214, (byte) 156, (byte) 148, (byte) 220
  };

  public static final int TAG_SIZE = 16;

  public static byte[] encrypt(byte[] key, byte[] plaintext, byte[] aad) {
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, key);
      if (aad != null && aad.length > 0) {
        c.updateAAD(aad);
      }
      return c.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /** Decrypts and authenticates; any modification raises {@code AUTHENTICATION_FAILED}. */
  public static byte[] decrypt(byte[] key, byte[] blob, byte[] aad) {
    if (blob.length < TAG_SIZE) {
      throw new SealCryptoException(
          SealCryptoException.Code.AUTHENTICATION_FAILED, "AES-GCM blob shorter than its tag");
    }
    try {
      Cipher c = cipher(Cipher.DECRYPT_MODE, key);
      if (aad != null && aad.length > 0) {
        c.updateAAD(aad);
      }
      return c.doFinal(blob);
    } catch (AEADBadTagException e) {
      throw new SealCryptoException(
          SealCryptoException.Code.AUTHENTICATION_FAILED, "AES-GCM tag mismatch", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }

  private static Cipher cipher(int mode, byte[] key) throws GeneralSecurityException {
    if (key.length != 32) {
      throw new IllegalArgumentException("AES-256 key must be 32 bytes, got " + key.length);
    }
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_SIZE * 8, IV));
    return c;
  }
}
