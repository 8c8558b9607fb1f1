package dev.haulout.seal.client;

import dev.haulout.wire.SuiAddress;

/**
 * One key server's request failed: its Seal error code ({@code NoAccess}, ...) or a client-side
 * code ({@code Timeout}, {@code Unreachable}, {@code InvalidResponse}, {@code InvalidKey}).
 */
public final class KeyServerCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient SuiAddress keyServer;
  private final String code;
  private final boolean retriable;

  public KeyServerCallException(SuiAddress keyServer, String code, String message, boolean retriable) {
    super(keyServer + ": " + code + (message.isEmpty() ? "" : ": " + message));
    this.keyServer = keyServer;
    this.code = code;
    this.retriable = retriable;
  }

  public SuiAddress keyServer() {
    return keyServer;
  }

  public String code() {
    return code;
  }

  public boolean isRetriable() {
    return retriable;
  }
}
