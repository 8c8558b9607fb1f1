package dev.haulout.seal.crypto;

import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.bls.GtElement;
import dev.haulout.seal.crypto.bls.Scalar;
import dev.haulout.seal.crypto.dem.AesGcmDem;
import dev.haulout.seal.crypto.dem.HmacCtrDem;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.ibe.ObjectIds;
import dev.haulout.seal.crypto.kdf.SealKdf;
import dev.haulout.seal.crypto.tss.Shamir;
import dev.haulout.seal.crypto.tss.Share;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Seal encryption, {@code seal_encrypt} (SPEC §3). Stateless and thread-safe. */
public final class SealEncryptor {
  private SealEncryptor() {}

  /**
   * The result of an encryption. {@code demKey} decrypts the object on its own: it is returned
   * for backup / KMS use ({@link DemType#PLAIN}) and must be handled as a secret.
   */
  public record Result(EncryptedObject object, byte[] demKey) {
    @Override
    public String toString() {
      return "SealEncryptor.Result[redacted]";
    }
  }

  /**
   * Encrypts {@code plaintext} to identity {@code packageId ‖ innerId} for the given key servers
   * (repeat a server for weight &gt; 1), any {@code threshold} of whose shares decrypt.
   *
   * @param aad additional authenticated data, or null for none
   */
  public static Result encrypt(
      byte[] packageId,
      byte[] innerId,
      List<KeyServerPublicKey> servers,
      int threshold,
      DemType dem,
      byte[] plaintext,
      byte[] aad,
      SecureRandom rng) {
    return encrypt(
        packageId, innerId, servers, threshold, dem, plaintext, aad, EncryptionRandomness.secure(rng));
  }

  /** As above with injected randomness (conformance tests). */
  public static Result encrypt(
      byte[] packageId,
      byte[] innerId,
      List<KeyServerPublicKey> servers,
      int threshold,
      DemType dem,
      byte[] plaintext,
      byte[] aad,
      EncryptionRandomness randomness) {
    ObjectIds.require(packageId, "package id");
    int n = servers.size();
    if (threshold < 1 || threshold > n || n > 255) {
      throw new IllegalArgumentException(
          "need 1 <= threshold <= servers <= 255, got threshold=" + threshold + ", servers=" + n);
    }
    if (dem != DemType.PLAIN && plaintext == null) {
      throw new IllegalArgumentException("plaintext is required for " + dem);
    }
    if (dem == DemType.PLAIN && plaintext != null && plaintext.length > 0) {
      throw new IllegalArgumentException("PLAIN carries no payload; pass an empty plaintext");
    }
    byte[] baseKey = randomness.baseKey();
    if (baseKey.length != SealConstants.KEY_SIZE) {
      throw new IllegalArgumentException("base key must be 32 bytes");
    }
    List<Share> shares =
        Shamir.split(baseKey, threshold, n, j -> randomness.coefficients(j, threshold - 1));

    Scalar rho = randomness.rho();
    if (rho.isZero()) {
      throw new IllegalArgumentException("rho must be non-zero");
    }
    G2Point nonce = G2Point.generatorTimes(rho);
    byte[] fullId = ObjectIds.fullId(packageId, innerId);
    G1Point gid = BonehFranklin.hashIdentity(fullId);
    G1Point gidRho = gid.multiply(rho);

    List<ServiceEntry> entries = new ArrayList<>(n);
    List<byte[]> encryptedShares = new ArrayList<>(n);
    List<byte[]> objectIds = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      KeyServerPublicKey server = servers.get(i);
      Share share = shares.get(i);
      GtElement k = GtElement.pair(gidRho, server.publicKey());
      byte[] pad = SealKdf.kdf(k, nonce, gid, server.objectId(), share.index());
      entries.add(new ServiceEntry(server.objectId(), share.index()));
      encryptedShares.add(SealKdf.xor(share.value(), pad));
      objectIds.add(server.objectId());
    }
    byte[] randomnessKey =
        SealKdf.deriveKey(
            SealKdf.Purpose.ENCRYPTED_RANDOMNESS, baseKey, threshold, encryptedShares, objectIds);
    byte[] encryptedRandomness = SealKdf.xor(rho.toBytes(), randomnessKey);
    byte[] demKey =
        SealKdf.deriveKey(SealKdf.Purpose.DEM, baseKey, threshold, encryptedShares, objectIds);

    Ciphertext ciphertext =
        switch (dem) {
          case AES_256_GCM -> new Ciphertext.Aes256Gcm(
              AesGcmDem.encrypt(demKey, plaintext, aad), aad);
          case HMAC_256_CTR -> {
            HmacCtrDem.Sealed s = HmacCtrDem.encrypt(demKey, plaintext, aad);
            yield new Ciphertext.Hmac256Ctr(s.blob(), aad, s.mac());
          }
          case PLAIN -> new Ciphertext.Plain();
        };
    EncryptedObject object =
        new EncryptedObject(
            packageId,
            innerId.clone(),
            entries,
            threshold,
            nonce,
            encryptedShares,
            encryptedRandomness,
            ciphertext);
    return new Result(object, demKey);
  }
}
