package dev.haulout.chain;

/** Stable error codes of the ledger; the HTTP API returns them as {@code {"error": CODE}}. */
public enum ErrorCode {
  MALFORMED_TRANSACTION(400),
  INVALID_SIGNATURE(401),
  TRANSACTION_EXPIRED(400),
  TX_ALREADY_EXECUTED(409),
  NONCE_ALREADY_USED(409),
  INSUFFICIENT_BALANCE(402),
  AMOUNT_OVERFLOW(400),
  INVALID_AMOUNT(400),
  OBJECT_NOT_FOUND(404),
  WRONG_OBJECT_TYPE(400),
  NOT_OWNER(403),
  LISTING_NOT_ACTIVE(409),
  NOT_FOR_SALE(409),
  PRICE_ABOVE_MAXIMUM(409),
  INVALID_ARGUMENT(400),
  /** A text field has a control character (U+0000 included) or an unpaired surrogate. */
  INVALID_TEXT(400),
  /** A text field or list is longer than its limit in {@code ListingLimits}. */
  FIELD_TOO_LONG(400),
  /** A tag does not match {@code ListingLimits.TAG_REGEX}, or there are too many tags. */
  INVALID_TAG(400),
  /** One of the transaction's events would exceed {@code ListingLimits.MAX_EVENT_BYTES}. */
  EVENT_TOO_LARGE(400),
  /** An HTTP request body over the server's limit (counted while reading, chunked or not). */
  BODY_TOO_LARGE(413),
  STORAGE_TOO_SMALL(409),
  INVALID_BLOB_ID(400),
  EPOCH_OUT_OF_RANGE(409),
  BLOB_ALREADY_CERTIFIED(409),
  INVALID_CERTIFICATE(400),
  BLOB_NOT_REGISTERED(404),
  BLOB_ALREADY_INVALIDATED(409),
  BLOB_INVALID(409),
  STAKE_ALREADY_WITHDRAWING(409),
  STAKE_NOT_WITHDRAWABLE(409),
  /** A key server URL that is not an absolute http/https URL with a host, or over 512 characters. */
  INVALID_URL(400),
  /** A key server public key that is not exactly 96 bytes of hex (a compressed G2 point). */
  INVALID_PUBLIC_KEY(400),
  /** A key server weight outside 1..255. */
  INVALID_WEIGHT(400),
  FAUCET_DISABLED(403),
  CONFLICT_RETRY_EXHAUSTED(503),
  NOT_FOUND(404),
  UNAVAILABLE(503),
  INTERNAL(500);

  private final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
