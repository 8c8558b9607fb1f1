package dev.haulout.storage;

/**
 * The stable reason codes of {@link StorageException}: the {@code reason} of a node's or the
 * publisher's error body and the {@code [CODE]} the CLI prints. A constant's {@link #name()} is its
 * wire string. Three constants stand for families whose wire string carries a detail:
 * {@link #LEDGER_REFUSAL} ({@code LEDGER_<ledger ErrorCode>}), {@link #HTTP_STATUS}
 * ({@code HTTP_<status>}) and {@link #UNRECOGNIZED} (a reason a peer sent that this module does
 * not define, relayed as received); {@link StorageException#code()} holds that string.
 */
public enum StorageErrorCode {
  // blobs and their registration
  BLOB_NOT_FOUND,
  BLOB_INVALID,
  BLOB_NOT_REGISTERED,
  BLOB_OBJECT_NOT_FOUND,
  INVALID_BLOB_ID,
  INVALID_OBJECT_ID,
  NOT_FULLY_STORED,
  /** A publisher's answer names another blob ID than the client computed for the bytes it sent. */
  BLOB_ID_MISMATCH,
  /** A publisher's answer claims a certified blob the ledger does not show certified (or not as answered). */
  BLOB_NOT_CERTIFIED,
  // metadata
  INVALID_METADATA,
  METADATA_ID_MISMATCH,
  METADATA_NOT_FOUND,
  METADATA_NOT_STORED,
  METADATA_UNAVAILABLE,
  // slivers and symbols
  INVALID_SLIVER,
  INVALID_SLIVER_INDEX,
  INVALID_SLIVER_PAIR_INDEX,
  INVALID_SLIVER_TYPE,
  SLIVER_INDEX_MISMATCH,
  SLIVER_NOT_FOUND,
  SLIVER_UNRECOVERABLE,
  INVALID_SYMBOL_ID,
  SYMBOL_NOT_STORED,
  TOO_MANY_SYMBOLS,
  INVALID_RECOVERY_SYMBOLS,
  INVALID_DECODING_SYMBOLS,
  INVALID_INCONSISTENCY_PROOF,
  // the batch sliver route (PUT /v1/blobs/{id}/slivers)
  INVALID_SLIVER_BATCH,
  TOO_MANY_SLIVERS,
  DUPLICATE_SLIVER,
  // shards, committee and sync
  SHARD_NOT_ASSIGNED,
  SHARD_UNASSIGNED,
  SHARD_NOT_ASSIGNED_TO_REQUESTER,
  NOT_A_COMMITTEE_MEMBER,
  INVALID_SHARD,
  INVALID_EPOCH,
  INVALID_SYNC_SHARD_REQUEST,
  TOO_MANY_BLOBS,
  // signatures, confirmations and quorums
  INVALID_SIGNATURE,
  INVALID_CONFIRMATION,
  CONFIRMATION_MISMATCH,
  INVALID_ATTESTATION,
  ATTESTATION_MISMATCH,
  QUORUM_NOT_REACHED,
  INVALIDATION_QUORUM_NOT_REACHED,
  // quilts
  INVALID_QUILT,
  INVALID_QUILT_IDENTIFIER,
  INVALID_QUILT_METADATA,
  INVALID_QUILT_PATCH_ID,
  DUPLICATE_QUILT_IDENTIFIER,
  EMPTY_QUILT,
  NOT_A_QUILT,
  QUILT_PATCH_NOT_FOUND,
  QUILT_TOO_LARGE,
  TOO_MANY_QUILT_PATCHES,
  UNEXPECTED_FORM_FIELD,
  // HTTP requests and answers
  INVALID_PARAMETER,
  INVALID_QUERY_PARAMETER,
  INVALID_BYTE_RANGE,
  INVALID_CONTENT_LENGTH,
  INVALID_MULTIPART,
  UNSUPPORTED_MEDIA_TYPE,
  PAYLOAD_TOO_LARGE,
  NO_ROUTE,
  MALFORMED_REQUEST,
  UPLOAD_FAILED,
  READ_FAILED,
  INVALID_RESPONSE,
  UNEXPECTED_RESPONSE,
  // the process, the network and the ledger
  LISTEN_FAILED,
  NODE_UNREACHABLE,
  UNREACHABLE,
  INTERRUPTED,
  LEDGER_UNAVAILABLE,
  INTERNAL_ERROR,
  /** The ledger refused a transaction; wire {@code LEDGER_} + the ledger's {@code ErrorCode}. */
  LEDGER_REFUSAL,
  /** An HTTP error answer without a Walrus error reason; wire {@code HTTP_} + the status. */
  HTTP_STATUS,
  /** A reason a peer sent that is not one of these constants; relayed unchanged. */
  UNRECOGNIZED;

  /** Wire prefix of {@link #LEDGER_REFUSAL}. */
  public static final String LEDGER_PREFIX = "LEDGER_";
  /** Wire prefix of {@link #HTTP_STATUS}. */
  public static final String HTTP_PREFIX = "HTTP_";

  /** True for the three families whose wire string is not the constant's name. */
  public boolean isFamily() {
    return this == LEDGER_REFUSAL || this == HTTP_STATUS || this == UNRECOGNIZED;
  }

  /** The constant a wire string stands for: a defined reason, a ledger or HTTP family, else {@link #UNRECOGNIZED}. */
  public static StorageErrorCode fromWire(String wire) {
    if (wire != null) {
      for (StorageErrorCode c : values()) {
        if (!c.isFamily() && c.name().equals(wire)) {
          return c;
        }
      }
      if (wire.startsWith(LEDGER_PREFIX)) {
        return LEDGER_REFUSAL;
      }
      if (wire.startsWith(HTTP_PREFIX)) {
        return HTTP_STATUS;
      }
    }
    return UNRECOGNIZED;
  }
}
