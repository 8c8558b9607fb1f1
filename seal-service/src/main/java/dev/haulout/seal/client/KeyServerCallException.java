package dev.haulout.seal.client;

import dev.haulout.wire.SuiAddress;

/**
 * One key server's request failed: its Seal error code ({@code NoAccess}, ..., a
 * {@code KeyServerErrorCode} name as the server sent it, or {@code HTTP<status>} for an error
 * without a body) or a client-side {@link ClientCode} ({@code Timeout}, {@code Unreachable},
 * {@code InvalidResponse}, {@code InvalidKey}, {@code InvalidKeyServerVersion}).
 */
public final class KeyServerCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the client itself gave up on a server's answer; the constant's name is the code string. */
  public enum ClientCode {
    /** No answer within the request timeout (retriable). */
    Timeout,
    /** The connection failed (retriable). */
    Unreachable,
    /** The answer is not the Seal JSON the client expects. */
    InvalidResponse,
    /** A returned key does not verify against the server's public key. */
    InvalidKey,
    /** The server's {@code X-KeyServer-Version} is missing or older than the client supports. */
    InvalidKeyServerVersion
  }

  /** Wire prefix of an error answer without a Seal error body: {@code HTTP} + the status. */
  public static final String HTTP_PREFIX = "HTTP";

  private final transient SuiAddress keyServer;
  private final String code;
  private final boolean retriable;

  public KeyServerCallException(SuiAddress keyServer, String code, String message, boolean retriable) {
    super(keyServer + ": " + code + (message.isEmpty() ? "" : ": " + message));
    this.keyServer = keyServer;
    this.code = code;
    this.retriable = retriable;
  }

  public KeyServerCallException(SuiAddress keyServer, ClientCode code, String message, boolean retriable) {
    this(keyServer, code.name(), message, retriable);
  }

  public SuiAddress keyServer() {
    return keyServer;
  }

  /** The code string: a {@link ClientCode} name, the server's Seal error code, or {@code HTTP<status>}. */
  public String code() {
    return code;
  }

  public boolean isRetriable() {
    return retriable;
  }
}
