package dev.haulout.seal.crypto.kdf;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA3-256 and HMAC-SHA3-256 from the JDK providers. */
public final class Sha3 {
  private Sha3() {}

  public static MessageDigest sha3() {
    try {
      return MessageDigest.getInstance("SHA3-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA3-256 unavailable", e);
    }
  }

  /** SHA3-256 of the concatenation of {@code parts}. */
  public static byte[] hash(byte[]... parts) {
    MessageDigest md = sha3();
    for (byte[] p : parts) {
      md.update(p);
    }
    return md.digest();
  }

  /** A fresh HMAC-SHA3-256 instance keyed with {@code key}. */
  public static Mac hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA3-256");
      mac.init(new SecretKeySpec(key, "HmacSHA3-256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA3-256 unavailable", e);
    }
  }

  /** RFC 5869 HKDF with HMAC-SHA3-256; {@code salt} null or empty means 32 zero bytes. */
  public static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info, int length) {
    if (length <= 0 || length > 255 * 32) {
      throw new IllegalArgumentException("HKDF length out of range: " + length);
    }
    byte[] prk = hmac(salt == null || salt.length == 0 ? new byte[32] : salt).doFinal(ikm);
    Mac mac = hmac(prk);
    byte[] out = new byte[length];
    byte[] t = new byte[0];
    int off = 0;
    for (int i = 1; off < length; i++) {
      mac.update(t);
      mac.update(info);
      mac.update((byte) i);
      t = mac.doFinal();
      int n = Math.min(t.length, length - off);
      System.arraycopy(t, 0, out, off, n);
      off += n;
    }
    return out;
  }
}
