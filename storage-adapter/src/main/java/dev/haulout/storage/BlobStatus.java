package dev.haulout.storage;

/**
 * What the network knows of a blob (Walrus {@code BlobStatus}, simplified): {@code nonexistent},
 * {@code invalid}, {@code permanent} or {@code deletable}, whether certified, and the storage end epoch.
 */
public record BlobStatus(String blobId, String kind, boolean certified, int endEpoch, Integer certifiedEpoch) {
  public static BlobStatus nonexistent(String blobId) {
    return new BlobStatus(blobId, "nonexistent", false, 0, null);
  }

  /** A blob ID invalidated on the ledger (inconsistently encoded; Walrus {@code BlobStatus::Invalid}). */
  public static BlobStatus invalid(String blobId) {
    return new BlobStatus(blobId, "invalid", false, 0, null);
  }

  public boolean isInvalid() {
    return "invalid".equals(kind);
  }

  public boolean exists() {
    return !"nonexistent".equals(kind);
  }
}
