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
  STORAGE_TOO_SMALL(409),
  INVALID_BLOB_ID(400),
  EPOCH_OUT_OF_RANGE(409),
  BLOB_ALREADY_CERTIFIED(409),
  INVALID_CERTIFICATE(400),
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
