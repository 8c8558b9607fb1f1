package dev.haulout.seal.server.ptb;

/** The bytes are not the BCS encoding of a Sui {@code ProgrammableTransaction}. */
public final class MalformedBcsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedBcsException(String message) {
    super(message);
  }
}
