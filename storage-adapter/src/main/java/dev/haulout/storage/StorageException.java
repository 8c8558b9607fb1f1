package dev.haulout.storage;

/**
 * The storage module's one exception family (Walrus {@code NodeError} habits): a stable
 * {@code code} (the Walrus-style reason, e.g. {@code BLOB_NOT_REGISTERED}), the gRPC-style
 * {@code status} and HTTP status it travels with, and, where known, the node and shard involved.
 * Programmer errors are {@link IllegalArgumentException}s instead.
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final String status;
  private final int httpStatus;
  private final String nodeId;
  private final Integer shardIndex;

  public StorageException(String status, int httpStatus, String code, String message) {
    this(status, httpStatus, code, message, null, null, null);
  }

  public StorageException(String status, int httpStatus, String code, String message, String nodeId,
      Integer shardIndex, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.httpStatus = httpStatus;
    this.code = code;
    this.nodeId = nodeId;
    this.shardIndex = shardIndex;
  }

  public static StorageException notFound(String code, String message) {
    return new StorageException("NOT_FOUND", 404, code, message);
  }

  public static StorageException invalidArgument(String code, String message) {
    return new StorageException("INVALID_ARGUMENT", 400, code, message);
  }

  public static StorageException permissionDenied(String code, String message) {
    return new StorageException("PERMISSION_DENIED", 403, code, message);
  }

  public static StorageException failedPrecondition(String code, String message) {
    return new StorageException("FAILED_PRECONDITION", 400, code, message);
  }

  public static StorageException unavailable(String code, String message, Throwable cause) {
    return new StorageException("UNAVAILABLE", 503, code, message, null, null, cause);
  }

  /**
   * 410 {@code BLOB_INVALID} (status {@code FAILED_PRECONDITION}): the blob ID was invalidated
   * (inconsistently encoded); nodes, clients and the aggregator answer it the same way.
   */
  public static StorageException blobInvalid(String blobId, String detail) {
    return new StorageException("FAILED_PRECONDITION", 410, "BLOB_INVALID", "blob " + blobId
        + " is invalid (inconsistently encoded, invalidated on the ledger)" + (detail == null ? "" : ": " + detail),
        null, null, null);
  }

  public static StorageException internal(String message, Throwable cause) {
    return new StorageException("INTERNAL", 500, "INTERNAL_ERROR", message, null, null, cause);
  }

  /** The same error attributed to a node (its URL or pool id). */
  public StorageException atNode(String node) {
    return new StorageException(status, httpStatus, code, "node " + node + ": " + getMessage(), node, shardIndex, this);
  }

  /** Stable reason code, e.g. {@code BLOB_NOT_FOUND}, {@code SLIVER_INDEX_MISMATCH}. */
  public String code() {
    return code;
  }

  /** gRPC-style status name carried in the error JSON, e.g. {@code NOT_FOUND}. */
  public String status() {
    return status;
  }

  /** HTTP status, or 0 when no HTTP answer was received (I/O failure, timeout). */
  public int httpStatus() {
    return httpStatus;
  }

  /** The node involved, or null. */
  public String nodeId() {
    return nodeId;
  }

  /** The shard involved, or null. */
  public Integer shardIndex() {
    return shardIndex;
  }

  /** Worth retrying: no answer, 5xx, 429 or {@code UNAVAILABLE}. */
  public boolean isRetriable() {
    return httpStatus == 0 || httpStatus >= 500 || httpStatus == 429 || "UNAVAILABLE".equals(status);
  }

  public boolean isNotFound() {
    return httpStatus == 404;
  }
}
