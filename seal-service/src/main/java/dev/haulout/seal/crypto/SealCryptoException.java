package dev.haulout.seal.crypto;

/**
 * The one exception family of the Seal crypto core. {@link #code()} is a stable machine-readable
 * reason; the message is for humans and never contains key material.
 */
public class SealCryptoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Stable reasons for a failed crypto operation. */
  public enum Code {
    /** A group element failed to decode, is off the curve or outside the prime-order subgroup. */
    INVALID_POINT,
    /** A scalar is not 32 bytes or not canonical (must be &lt; r). */
    INVALID_SCALAR,
    /** An encoded object is malformed (BCS, lengths, indices, trailing bytes, version). */
    INVALID_OBJECT,
    /** A user secret key does not verify against the identity and the server's public key. */
    INVALID_USER_KEY,
    /** Fewer key shares than the threshold are available. */
    NOT_ENOUGH_SHARES,
    /** The recovered randomness does not reproduce the nonce: the object was tampered with. */
    INVALID_NONCE,
    /** Shares are not points of one polynomial of degree &lt; t (a lying server or encryptor). */
    INCONSISTENT_SHARES,
    /** A ciphertext, tag or MAC failed authentication. */
    AUTHENTICATION_FAILED,
    /** The ciphertext type cannot be decrypted by the requested operation. */
    UNSUPPORTED
  }

  private final Code code;

  public SealCryptoException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public SealCryptoException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }

  /** Crypto failures are deterministic; retrying the same input fails the same way. */
  public boolean isRetriable() {
    return false;
  }
}
