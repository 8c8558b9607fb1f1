package dev.haulout.dataset;

/**
 * A quote or receipt that does not verify; {@link #reason()} is stable, {@link #check()} says which
 * check failed (so a verifier can report a signature failure apart from a malformed document), the
 * message names what failed.
 */
public final class SignedDocumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public enum Reason {
    /** Not the documented shape, altered, or signed by another key. */
    INVALID,
    /** Well signed, but its validity has passed (quotes only). */
    EXPIRED
  }

  /** The check that failed, in the order they run. */
  public enum Check {
    /** Not JSON, missing fields, not base64url, or a payload that is not the documented JSON. */
    FORMAT,
    /** The document names another public key than the one it is checked against. */
    SIGNER,
    /** The signature does not verify over the payload bytes: the payload or signature was altered. */
    SIGNATURE,
    /** Past its validity (quotes). */
    EXPIRY
  }

  private final Reason reason;
  private final Check check;

  public SignedDocumentException(Reason reason, String message) {
    this(reason, reason == Reason.EXPIRED ? Check.EXPIRY : Check.FORMAT, message);
  }

  public SignedDocumentException(Reason reason, Check check, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.check = check;
  }

  public Reason reason() {
    return reason;
  }

  public Check check() {
    return check;
  }
}
