package dev.haulout.seal.server;

import java.util.Objects;

/**
 * A key-server request failed with a stable {@link KeyServerErrorCode}. The message is safe to
 * return to the caller (it never contains key material); it becomes the {@code message} of the
 * {@code {error, message}} JSON body.
 */
public class KeyServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final KeyServerErrorCode code;

  public KeyServerException(KeyServerErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public KeyServerException(KeyServerErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public KeyServerErrorCode code() {
    return code;
  }

  public int httpStatus() {
    return code.httpStatus();
  }

  /** True when the same request may succeed later (server failure, stale node, rate limit). */
  public boolean isRetriable() {
    return code == KeyServerErrorCode.Failure || code == KeyServerErrorCode.TooManyRequests;
  }
}
