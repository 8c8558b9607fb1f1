package dev.haulout.seal.envelope;

import dev.haulout.seal.crypto.DataKeySealer;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.UserSecretKey;
import java.util.List;

/**
 * Supplies the 32-byte data key of an envelope once its header is known — typically by unsealing
 * {@link EnvelopeHeader#sealedKeyObject()} with user secret keys fetched from key servers.
 */
@FunctionalInterface
public interface DataKeyResolver {
  byte[] dataKey(EnvelopeHeader header);

  /** A key already known to the caller (e.g. the encryptor's backup). */
  static DataKeyResolver of(byte[] dataKey) {
    byte[] k = dataKey.clone();
    return header -> k.clone();
  }

  /**
   * Unseals the header's Seal object with these usks; non-null {@code publicKeys} enable usk
   * verification and the share-consistency check.
   */
  static DataKeyResolver fromUserSecretKeys(
      List<UserSecretKey> usks, List<KeyServerPublicKey> publicKeys) {
    return header -> DataKeySealer.unseal(header.sealedKeyObject(), usks, publicKeys);
  }
}
