package dev.haulout.marketplace.adapter.wallet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption key of managed wallets: AES-256-GCM with a fresh 12-byte nonce per seal and
 * the caller's associated data. {@link #id()} (16 hex chars of SHA-256 over the key) is stored next
 * to each ciphertext so a wrong KEK is reported as such, not as a corrupt row. {@link #toString()}
 * never shows the key.
 */
public final class KeyEncryptionKey {
  public static final int LENGTH = 32;
  static final int NONCE = 12;
  static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String id;

  private KeyEncryptionKey(byte[] raw) {
    if (raw.length != LENGTH) {
      throw new IllegalArgumentException("the wallet key-encryption key must be 32 bytes, got " + raw.length);
    }
    this.key = new SecretKeySpec(raw, "AES");
    try {
      this.id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** From base64 of 32 bytes (config {@code haulout.wallet.kek}); the message never echoes the value. */
  public static KeyEncryptionKey fromBase64(String b64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(b64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("haulout.wallet.kek is not base64");
    }
    try {
      return new KeyEncryptionKey(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * The key in {@code file} (base64, one line), creating it with mode 600 when missing: written to a
   * temporary file and moved into place atomically, so concurrent starts agree on one key.
   */
  public static KeyEncryptionKey loadOrCreate(Path file) throws IOException {
    byte[] raw = SecretFile.loadOrCreate(file, LENGTH);
    try {
      return new KeyEncryptionKey(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  public String id() {
    return id;
  }

  /** {@code nonce(12) ‖ ciphertext ‖ tag(16)} of {@code plaintext}, bound to {@code aad}. */
  public byte[] seal(byte[] plaintext, byte[] aad) {
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(aad);
      byte[] ct = c.doFinal(plaintext);
      byte[] out = new byte[NONCE + ct.length];
      System.arraycopy(nonce, 0, out, 0, NONCE);
      System.arraycopy(ct, 0, out, NONCE, ct.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** The plaintext of {@link #seal}'s output; fails when it was altered or {@code aad} differs. */
  public byte[] open(byte[] sealed, byte[] aad) {
    if (sealed.length < NONCE + TAG_BITS / 8) {
      throw new IllegalArgumentException("sealed wallet key too short");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
      c.updateAAD(aad);
      return c.doFinal(sealed, NONCE, sealed.length - NONCE);
    } catch (AEADBadTagException e) {
      throw new IllegalArgumentException("sealed wallet key failed authentication");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "KeyEncryptionKey[id=" + id + "]";
  }
}
