package dev.haulout.chain.model;

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
}
