package dev.haulout.cli.market;

/**
 * A failure the CLI reports as one line on stderr: the stable code (the server's, or one of the
 * CLI's own: {@code NOT_LOGGED_IN}, {@code UNREACHABLE}, {@code LOGIN_FAILED}, …) and a message.
 */
public final class CliError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  public CliError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return code + ": " + getMessage();
  }
}
