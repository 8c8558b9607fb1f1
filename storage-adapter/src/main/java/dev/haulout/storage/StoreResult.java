package dev.haulout.storage;

/**
 * Outcome of {@link BlobStore#store}: the blob ID (base64url), the ledger's Blob object and the
 * Storage object inside it (null when unknown, e.g. from a publisher's {@code alreadyCertified}),
 * its size and storage end epoch, the WAL cost in FROST (0 when it was already certified) and
 * whether this call created it.
 */
public record StoreResult(
    String blobId,
    String blobObjectId,
    String storageObjectId,
    long size,
    long encodedLength,
    int registeredEpoch,
    int certifiedEpoch,
    int endEpoch,
    long costFrost,
    boolean newlyCreated) {}
