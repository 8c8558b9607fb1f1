package dev.haulout.marketplace.domain;

/** Every error the catalog reports to a client: a stable code plus a message safe to show. */
public class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  public CatalogException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public CatalogException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  /** True when the same request may succeed later (the store was briefly unavailable). */
  public boolean isRetriable() {
    return code == ErrorCode.UNAVAILABLE;
  }
}
