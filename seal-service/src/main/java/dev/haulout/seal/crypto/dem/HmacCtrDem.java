package dev.haulout.seal.crypto.dem;

import dev.haulout.seal.crypto.SealCryptoException;
import dev.haulout.seal.crypto.kdf.Sha3;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;

/**
 * Seal's HMAC-256-CTR DEM (the one Move can decrypt on-chain): keystream block i =
 * HMAC-SHA3-256(key, "HMAC-CTR-ENC" ‖ u64le(i)), MAC = HMAC-SHA3-256(key, "HMAC-CTR-MAC" ‖
 * u64le(|aad|) ‖ aad ‖ C).
 */
public final class HmacCtrDem {
  private HmacCtrDem() {}

  private static final byte[] ENC_TAG = "HMAC-CTR-ENC".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MAC_TAG = "HMAC-CTR-MAC".getBytes(StandardCharsets.US_ASCII);

  /** Ciphertext and MAC of one encryption. */
  public record Sealed(byte[] blob, byte[] mac) {}

  public static Sealed encrypt(byte[] key, byte[] plaintext, byte[] aad) {
    byte[] blob = xorKeystream(key, plaintext);
    return new Sealed(blob, mac(key, aad, blob));
  }

  /** Verifies the MAC (constant time) before decrypting. */
  public static byte[] decrypt(byte[] key, byte[] blob, byte[] aad, byte[] mac) {
    if (!MessageDigest.isEqual(mac(key, aad, blob), mac)) {
      throw new SealCryptoException(
          SealCryptoException.Code.AUTHENTICATION_FAILED, "HMAC-CTR MAC mismatch");
    }
    return xorKeystream(key, blob);
  }

  static byte[] mac(byte[] key, byte[] aad, byte[] blob) {
    byte[] a = aad == null ? new byte[0] : aad;
    Mac m = Sha3.hmac(key);
    m.update(MAC_TAG);
    m.update(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(a.length).array());
    m.update(a);
    m.update(blob);
    return m.doFinal();
  }

  private static byte[] xorKeystream(byte[] key, byte[] in) {
    Mac m = Sha3.hmac(key);
    byte[] out = new byte[in.length];
    ByteBuffer counter = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    for (long block = 0; block * 32 < in.length; block++) {
      m.update(ENC_TAG);
      m.update(counter.clear().putLong(block).array());
      byte[] ks = m.doFinal();
      int off = (int) (block * 32);
      int n = Math.min(32, in.length - off);
      for (int i = 0; i < n; i++) {
        out[off + i] = (byte) (in[off + i] ^ ks[i]);
      }
    }
    return out;
  }
}
