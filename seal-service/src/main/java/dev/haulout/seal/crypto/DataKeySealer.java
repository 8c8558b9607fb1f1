package dev.haulout.seal.crypto;

import java.security.SecureRandom;
import java.util.List;

/**
 * Seals an arbitrary 32-byte data key for t-of-n key servers under one identity: a standard Seal
 * {@link EncryptedObject} with the AES-256-GCM DEM whose plaintext is the data key, so any Seal
 * client (including the TypeScript SDK) can unseal it.
 */
public final class DataKeySealer {
  private DataKeySealer() {}

  public static final int DATA_KEY_SIZE = 32;

  /** A fresh random data key. */
  public static byte[] newDataKey(SecureRandom rng) {
    byte[] k = new byte[DATA_KEY_SIZE];
    rng.nextBytes(k);
    return k;
  }

  public static EncryptedObject seal(
      byte[] dataKey,
      byte[] packageId,
      byte[] innerId,
      List<KeyServerPublicKey> servers,
      int threshold,
      SecureRandom rng) {
    requireKey(dataKey);
    return SealEncryptor.encrypt(
            packageId, innerId, servers, threshold, DemType.AES_256_GCM, dataKey, null, rng)
        .object();
  }

  /**
   * Recovers the data key. With non-null {@code publicKeys} the usks are verified and the share
   * consistency is checked (see {@link SealDecryptor#decrypt(EncryptedObject, List, List)}).
   */
  public static byte[] unseal(
      EncryptedObject sealedKey, List<UserSecretKey> usks, List<KeyServerPublicKey> publicKeys) {
    if (!(sealedKey.ciphertext() instanceof Ciphertext.Aes256Gcm)) {
      throw new SealCryptoException(
          SealCryptoException.Code.UNSUPPORTED, "sealed data keys use the AES-256-GCM DEM");
    }
    byte[] key = SealDecryptor.decrypt(sealedKey, usks, publicKeys);
    if (key.length != DATA_KEY_SIZE) {
      throw new SealCryptoException(
          SealCryptoException.Code.INVALID_OBJECT, "sealed data key is " + key.length + " bytes");
    }
    return key;
  }

  static void requireKey(byte[] dataKey) {
    if (dataKey == null || dataKey.length != DATA_KEY_SIZE) {
      throw new IllegalArgumentException("data key must be 32 bytes");
    }
  }
}
