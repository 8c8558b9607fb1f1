package dev.haulout.http;

/**
 * A request Vert.x Web refused before any route handler ran: a path segment that is not valid
 * percent-encoding (400), an HTTP/1.1 request without a Host header (400), a path that does not
 * start with {@code /} (404). Each server's {@link ErrorReply} maps it to its own error shape.
 */
public final class HttpFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public HttpFailure(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP status the framework chose. */
  public int status() {
    return status;
  }
}
