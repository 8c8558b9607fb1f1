package dev.haulout.chain;

/** The ledger's one exception family: a stable {@link ErrorCode} plus a human message. */
public class LedgerException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  public LedgerException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public LedgerException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public int httpStatus() {
    return code.httpStatus();
  }

  /** True for transient failures (database unavailable, lock contention) worth retrying. */
  public boolean isRetriable() {
    return code == ErrorCode.UNAVAILABLE || code == ErrorCode.CONFLICT_RETRY_EXHAUSTED;
  }

  @Override
  public String toString() {
    return "LedgerException[" + code + "]: " + getMessage();
  }
}
