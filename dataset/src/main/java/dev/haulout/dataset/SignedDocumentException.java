package dev.haulout.dataset;

/** A quote or receipt that does not verify; {@link #reason()} is stable, the message names what failed. */
public final class SignedDocumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public enum Reason {
    /** Not the documented shape, altered, or signed by another key. */
    INVALID,
    /** Well signed, but its validity has passed (quotes only). */
    EXPIRED
  }

  private final Reason reason;

  public SignedDocumentException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
