package dev.haulout.storage;

import dev.haulout.chain.LedgerException;

/**
 * The storage module's one exception family (Walrus {@code NodeError} habits): a stable
 * {@link StorageErrorCode} and its wire string {@code code} (the Walrus-style reason, e.g.
 * {@code BLOB_NOT_REGISTERED}), the gRPC-style
 * {@code status} and HTTP status it travels with, and, where known, the node and shard involved.
 * Programmer errors are {@link IllegalArgumentException}s instead.
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final StorageErrorCode errorCode;
  private final String code;
  private final String status;
  private final int httpStatus;
  private final String nodeId;
  private final Integer shardIndex;

  public StorageException(String status, int httpStatus, StorageErrorCode code, String message) {
    this(status, httpStatus, code, message, null, null, null);
  }

  public StorageException(String status, int httpStatus, StorageErrorCode code, String message, String nodeId,
      Integer shardIndex, Throwable cause) {
    this(status, httpStatus, code, definedWire(code), message, nodeId, shardIndex, cause);
  }

  private StorageException(String status, int httpStatus, StorageErrorCode errorCode, String code, String message,
      String nodeId, Integer shardIndex, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.code = code;
    this.nodeId = nodeId;
    this.shardIndex = shardIndex;
  }

  private static String definedWire(StorageErrorCode code) {
    if (code.isFamily()) {
      throw new IllegalArgumentException(code + " carries a detail: use relayed(...) or ledger(...)");
    }
    return code.name();
  }

  /**
   * An error answered by a peer (a storage node, a publisher) with reason {@code wireCode}, kept as
   * received; {@link #errorCode()} is its constant, or a family ({@code HTTP_…}, {@code LEDGER_…},
   * {@link StorageErrorCode#UNRECOGNIZED}).
   */
  public static StorageException relayed(String status, int httpStatus, String wireCode, String message,
      String nodeId) {
    return new StorageException(status, httpStatus, StorageErrorCode.fromWire(wireCode), wireCode, message, nodeId,
        null, null);
  }

  /** The ledger refused: code {@code LEDGER_<its ErrorCode>}, the ledger's HTTP status unless given. */
  public static StorageException ledger(String status, int httpStatus, LedgerException e, String message,
      String nodeId) {
    return new StorageException(status, httpStatus, StorageErrorCode.LEDGER_REFUSAL,
        StorageErrorCode.LEDGER_PREFIX + e.code().name(), message, nodeId, null, e);
  }

  public static StorageException notFound(StorageErrorCode code, String message) {
    return new StorageException("NOT_FOUND", 404, code, message);
  }

  public static StorageException invalidArgument(StorageErrorCode code, String message) {
    return new StorageException("INVALID_ARGUMENT", 400, code, message);
  }

  public static StorageException permissionDenied(StorageErrorCode code, String message) {
    return new StorageException("PERMISSION_DENIED", 403, code, message);
  }

  public static StorageException failedPrecondition(StorageErrorCode code, String message) {
    return new StorageException("FAILED_PRECONDITION", 400, code, message);
  }

  public static StorageException unavailable(StorageErrorCode code, String message, Throwable cause) {
    return new StorageException("UNAVAILABLE", 503, code, message, null, null, cause);
  }

  /**
   * 410 {@code BLOB_INVALID} (status {@code FAILED_PRECONDITION}): the blob ID was invalidated
   * (inconsistently encoded); nodes, clients and the aggregator answer it the same way.
   */
  public static StorageException blobInvalid(String blobId, String detail) {
    return new StorageException("FAILED_PRECONDITION", 410, StorageErrorCode.BLOB_INVALID, "blob " + blobId
        + " is invalid (inconsistently encoded, invalidated on the ledger)" + (detail == null ? "" : ": " + detail),
        null, null, null);
  }

  public static StorageException internal(String message, Throwable cause) {
    return new StorageException("INTERNAL", 500, StorageErrorCode.INTERNAL_ERROR, message, null, null, cause);
  }

  /** The same error attributed to a node (its URL or pool id). */
  public StorageException atNode(String node) {
    return new StorageException(status, httpStatus, errorCode, code, "node " + node + ": " + getMessage(), node,
        shardIndex, this);
  }

  /** The same error answered with another HTTP status (this one is the cause). */
  public StorageException withHttpStatus(int newHttpStatus) {
    return new StorageException(status, newHttpStatus, errorCode, code, String.valueOf(getMessage()), nodeId,
        shardIndex, this);
  }

  /** The stable reason as a constant; branch on this, not on {@link #code()}. */
  public StorageErrorCode errorCode() {
    return errorCode;
  }

  /**
   * The reason's wire string, e.g. {@code BLOB_NOT_FOUND}, {@code SLIVER_INDEX_MISMATCH},
   * {@code LEDGER_INSUFFICIENT_BALANCE}: the constant's name, or the detailed string of a family.
   */
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
