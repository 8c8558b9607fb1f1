package dev.haulout.seal.crypto;

import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.bls.GtElement;
import dev.haulout.seal.crypto.bls.Scalar;
import dev.haulout.seal.crypto.dem.AesGcmDem;
import dev.haulout.seal.crypto.dem.HmacCtrDem;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.kdf.SealKdf;
import dev.haulout.seal.crypto.tss.Shamir;
import dev.haulout.seal.crypto.tss.Share;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Seal decryption, {@code seal_decrypt} (SPEC §6). Stateless and thread-safe. */
public final class SealDecryptor {
  private SealDecryptor() {}

  /**
   * Decrypts without the share-consistency check. The caller must have verified every usk
   * (e.g. with {@link BonehFranklin#verifyUserSecretKey}).
   *
   * @return the plaintext, or the DEM key for {@link Ciphertext.Plain} objects
   */
  public static byte[] decrypt(EncryptedObject object, List<UserSecretKey> userSecretKeys) {
    return decrypt(object, userSecretKeys, null);
  }

  /**
   * Decrypts; when {@code publicKeys} (one per distinct key server of the object) is non-null,
   * also verifies every usk against its server's public key and checks that all n shares lie on
   * one polynomial of degree &lt; t, so every t-subset of servers yields the same plaintext.
   */
  public static byte[] decrypt(
      EncryptedObject object, List<UserSecretKey> userSecretKeys, List<KeyServerPublicKey> publicKeys) {
    byte[] demKey = recoverDemKey(object, userSecretKeys, publicKeys);
    Ciphertext ct = object.ciphertext();
    if (ct instanceof Ciphertext.Aes256Gcm c) {
      return AesGcmDem.decrypt(demKey, c.blob(), c.aad());
    }
    if (ct instanceof Ciphertext.Hmac256Ctr c) {
      return HmacCtrDem.decrypt(demKey, c.blob(), c.aad(), c.mac());
    }
    return demKey;
  }

  /** Runs the KEM part only and returns {@code derive_key(DEM)}. */
  public static byte[] recoverDemKey(
      EncryptedObject object, List<UserSecretKey> userSecretKeys, List<KeyServerPublicKey> publicKeys) {
    byte[] fullId = object.fullId();
    G1Point gid = BonehFranklin.hashIdentity(fullId);
    G2Point nonce = object.nonce();
    Map<String, G2Point> mpks = publicKeys == null ? null : byObjectId(publicKeys);

    Map<String, GtElement> decapsulated = new HashMap<>();
    for (UserSecretKey usk : userSecretKeys) {
      String id = hex(usk.objectId());
      if (mpks != null) {
        G2Point mpk = mpks.get(id);
        if (mpk == null || !BonehFranklin.verifyUserSecretKey(usk.key(), fullId, mpk)) {
          throw new SealCryptoException(
              SealCryptoException.Code.INVALID_USER_KEY,
              "user secret key of key server 0x" + id + " does not verify");
        }
      }
      decapsulated.putIfAbsent(id, BonehFranklin.decapsulate(usk.key(), nonce));
    }

    List<ServiceEntry> services = object.services();
    List<Share> shares = new ArrayList<>();
    for (int i = 0; i < services.size(); i++) {
      ServiceEntry s = services.get(i);
      GtElement k = decapsulated.get(hex(s.objectId()));
      if (k != null) {
        byte[] pad = SealKdf.kdf(k, nonce, gid, s.objectId(), s.index());
        shares.add(new Share(s.index(), SealKdf.xor(object.encryptedShares().get(i), pad)));
      }
    }
    int t = object.threshold();
    if (shares.size() < t) {
      throw new SealCryptoException(
          SealCryptoException.Code.NOT_ENOUGH_SHARES,
          "have " + shares.size() + " of " + t + " required shares");
    }
    List<Share> basis = shares.subList(0, t);
    byte[] baseKey = Shamir.combine(basis);

    List<byte[]> objectIds = object.serviceObjectIds();
    byte[] randomnessKey =
        SealKdf.deriveKey(
            SealKdf.Purpose.ENCRYPTED_RANDOMNESS, baseKey, t, object.encryptedShares(), objectIds);
    Scalar rho;
    try {
      rho = Scalar.fromBytes(SealKdf.xor(object.encryptedRandomness(), randomnessKey));
    } catch (SealCryptoException e) {
      throw new SealCryptoException(
          SealCryptoException.Code.INVALID_NONCE, "recovered randomness is not a canonical scalar");
    }
    if (!G2Point.generatorTimes(rho).equals(nonce)) {
      throw new SealCryptoException(SealCryptoException.Code.INVALID_NONCE, "Invalid nonce");
    }
    if (mpks != null) {
      checkShareConsistency(object, gid.multiply(rho), gid, basis, mpks);
    }
    return SealKdf.deriveKey(SealKdf.Purpose.DEM, baseKey, t, object.encryptedShares(), objectIds);
  }

  private static void checkShareConsistency(
      EncryptedObject object, G1Point gidRho, G1Point gid, List<Share> basis, Map<String, G2Point> mpks) {
    List<ServiceEntry> services = object.services();
    Map<String, GtElement> keys = new HashMap<>();
    for (int i = 0; i < services.size(); i++) {
      ServiceEntry s = services.get(i);
      String id = hex(s.objectId());
      G2Point mpk = mpks.get(id);
      if (mpk == null) {
        throw new IllegalArgumentException("no public key for key server 0x" + id);
      }
      GtElement k = keys.computeIfAbsent(id, x -> GtElement.pair(gidRho, mpk));
      byte[] pad = SealKdf.kdf(k, object.nonce(), gid, s.objectId(), s.index());
      byte[] share = SealKdf.xor(object.encryptedShares().get(i), pad);
      if (!java.security.MessageDigest.isEqual(share, Shamir.evaluate(basis, s.index()))) {
        throw new SealCryptoException(
            SealCryptoException.Code.INCONSISTENT_SHARES,
            "share of position " + i + " (index " + s.index() + ") is inconsistent");
      }
    }
  }

  private static Map<String, G2Point> byObjectId(List<KeyServerPublicKey> keys) {
    Map<String, G2Point> m = new HashMap<>();
    for (KeyServerPublicKey k : keys) {
      m.put(hex(k.objectId()), k.publicKey());
    }
    return m;
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
