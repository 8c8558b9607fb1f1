package dev.haulout.storage;

/**
 * A write was aborted: nodes holding more than f shards failed, so no quorum of confirmations
 * ({@code 3w >= 2n + 1}) could be collected and nothing was certified.
 */
public final class QuorumNotReachedException extends StorageException {
  private static final long serialVersionUID = 1L;
  private final long confirmedShards;
  private final long failedShards;
  private final int nShards;

  public QuorumNotReachedException(String blobId, long confirmedShards, long failedShards, int nShards, Throwable cause) {
    super("UNAVAILABLE", 503, StorageErrorCode.QUORUM_NOT_REACHED, "blob " + blobId + ": confirmations from " + confirmedShards
        + " of " + nShards + " shards (quorum needs 3w >= " + (2L * nShards + 1) + "); nodes holding "
        + failedShards + " shards failed (more than f = " + (nShards - 1) / 3 + "); nothing was certified",
        null, null, cause);
    this.confirmedShards = confirmedShards;
    this.failedShards = failedShards;
    this.nShards = nShards;
  }

  public long confirmedShards() {
    return confirmedShards;
  }

  public long failedShards() {
    return failedShards;
  }

  public int nShards() {
    return nShards;
  }

  /** Not retriable as such: the caller decides whether to try again later. */
  @Override
  public boolean isRetriable() {
    return false;
  }
}
