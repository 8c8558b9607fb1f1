package dev.haulout.seal.crypto.kdf;

import dev.haulout.seal.crypto.SealConstants;
import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.bls.GtElement;
import java.security.MessageDigest;
import java.util.List;

/** Seal's key derivations: the per-server pad (SPEC §3.4) and {@code derive_key} (§3.5). */
public final class SealKdf {
  private SealKdf() {}

  /** Purpose byte of {@code derive_key}. */
  public enum Purpose {
    ENCRYPTED_RANDOMNESS(0),
    DEM(1);

    private final int tag;

    Purpose(int tag) {
      this.tag = tag;
    }
  }

  /**
   * {@code H3(DST_KDF ‖ GT_bytes(K) ‖ G2_bytes(U) ‖ G1_bytes(gid) ‖ object_id ‖ u8(index))}: the
   * 32-byte pad of one service position.
   */
  public static byte[] kdf(GtElement k, G2Point nonce, G1Point gid, byte[] objectId, int index) {
    MessageDigest md = Sha3.sha3();
    md.update(SealConstants.DST_KDF);
    md.update(k.toBytes());
    md.update(nonce.toBytes());
    md.update(gid.toBytes());
    md.update(objectId);
    md.update((byte) index);
    return md.digest();
  }

  /**
   * {@code H3(DST_DERIVE_KEY ‖ base_key ‖ u8(purpose) ‖ u8(t) ‖ enc_share_1..n ‖ object_id_1..n)}.
   */
  public static byte[] deriveKey(
      Purpose purpose,
      byte[] baseKey,
      int threshold,
      List<byte[]> encryptedShares,
      List<byte[]> objectIds) {
    MessageDigest md = Sha3.sha3();
    md.update(SealConstants.DST_DERIVE_KEY);
    md.update(baseKey);
    md.update((byte) purpose.tag);
    md.update((byte) threshold);
    for (byte[] s : encryptedShares) {
      md.update(s);
    }
    for (byte[] id : objectIds) {
      md.update(id);
    }
    return md.digest();
  }

  public static byte[] xor(byte[] a, byte[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("xor of " + a.length + " and " + b.length + " bytes");
    }
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }
}
