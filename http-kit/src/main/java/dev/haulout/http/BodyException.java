package dev.haulout.http;

/** A request body {@link Bodies#read} refused or could not read: too large (declared or counted), a malformed Content-Length, a failed connection. */
public final class BodyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the body was refused. */
  public enum Reason {
    /** Content-Length declared more than the limit, or more bytes than the limit arrived (chunked included). */
    TOO_LARGE,
    /** Content-Length is not a decimal number. */
    BAD_CONTENT_LENGTH,
    /** The connection failed while the body was being read (the cause says how). */
    READ_FAILED
  }

  private final Reason reason;
  private final long limit;
  private final boolean closesConnection;

  BodyException(Reason reason, long limit, boolean closesConnection, String message, Throwable cause) {
    super(message, cause, false, false);
    this.reason = reason;
    this.limit = limit;
    this.closesConnection = closesConnection;
  }

  public Reason reason() {
    return reason;
  }

  /** The limit in bytes of the route that refused the body. */
  public long limit() {
    return limit;
  }

  /** True when the server stopped reading and closes the connection after answering ({@link Bodies.Overflow#CLOSE}). */
  public boolean closesConnection() {
    return closesConnection;
  }
}
