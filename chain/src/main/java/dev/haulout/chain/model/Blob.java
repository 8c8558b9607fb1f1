package dev.haulout.chain.model;

import dev.haulout.walrus.BlobId;
import dev.haulout.walrus.CertificationMessage;
import dev.haulout.wire.SuiAddress;

/**
 * Walrus {@code Blob}: {@code blobId} is the 32-byte blob ID (u256) as base64url without padding,
 * {@code size} the unencoded length, {@code certifiedEpoch} null until certified.
 */
public record Blob(
    String id,
    String owner,
    int registeredEpoch,
    String blobId,
    long size,
    int encodingType,
    Integer certifiedEpoch,
    StorageResource storage,
    boolean deletable) implements ChainObject {
  public Blob certified(int epoch) {
    return new Blob(id, owner, registeredEpoch, blobId, size, encodingType, epoch, storage, deletable);
  }

  /** The message storage nodes sign to certify this blob in {@code epoch} (Walrus {@code BLOB_CERT_MSG}). */
  public byte[] certificationMessage(int epoch) {
    return CertificationMessage.blobCertified(epoch, BlobId.fromBase64(blobId),
        deletable ? SuiAddress.parse(id).bytes() : null);
  }
}
