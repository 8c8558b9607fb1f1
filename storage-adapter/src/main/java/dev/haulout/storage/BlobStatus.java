package dev.haulout.storage;

/**
 * What the network knows of a blob (Walrus {@code BlobStatus}, simplified): {@code nonexistent},
 * {@code permanent} or {@code deletable}, whether certified, and the storage end epoch.
 */
public record BlobStatus(String blobId, String kind, boolean certified, int endEpoch, Integer certifiedEpoch) {
  public static BlobStatus nonexistent(String blobId) {
    return new BlobStatus(blobId, "nonexistent", false, 0, null);
  }

  public boolean exists() {
    return !"nonexistent".equals(kind);
  }
}
