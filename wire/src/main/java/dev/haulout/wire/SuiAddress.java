package dev.haulout.wire;

import java.util.Arrays;

/**
 * A 32-byte Sui address (also the shape of a Sui object ID). Canonical text form is {@code 0x} plus
 * 64 lower-case hex digits; for an account it is {@code BLAKE2b-256(flag ‖ public key)}.
 */
public final class SuiAddress implements Comparable<SuiAddress> {
  public static final int LENGTH = 32;
  /** The zero address {@code 0x00…00}. */
  public static final SuiAddress ZERO = new SuiAddress(new byte[LENGTH]);

  private final byte[] bytes;

  private SuiAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps exactly 32 bytes. */
  public static SuiAddress fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "address must be 32 bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    return new SuiAddress(bytes.clone());
  }

  /** Address of an Ed25519 public key: {@code BLAKE2b-256(0x00 ‖ pk)}. */
  public static SuiAddress fromEd25519PublicKey(byte[] publicKey) {
    return fromPublicKey(0x00, publicKey);
  }

  /**
   * Address of a public key of any single-key scheme: {@code BLAKE2b-256(flag ‖ pk)}, where
   * {@code flag} is the scheme's signature flag (0x00 Ed25519, 0x01 Secp256k1, 0x02 Secp256r1).
   */
  public static SuiAddress fromPublicKey(int flag, byte[] publicKey) {
    if (flag < 0 || flag > 0xFF) {
      throw new IllegalArgumentException("signature flag out of range: " + flag);
    }
    return new SuiAddress(Blake2b256.hash(new byte[] {(byte) flag}, publicKey));
  }

  /**
   * Parses {@code 0x} followed by 1..64 hex digits (either case); shorter forms are left-padded
   * with zeros as Sui does ({@code 0x2} is {@code 0x00…02}).
   */
  public static SuiAddress parse(String text) {
    if (text == null || !(text.startsWith("0x") || text.startsWith("0X"))) {
      throw new IllegalArgumentException("address must start with 0x: " + text);
    }
    String h = text.substring(2);
    if (h.isEmpty() || h.length() > 64) {
      throw new IllegalArgumentException("address must have 1..64 hex digits: " + text);
    }
    for (int i = 0; i < h.length(); i++) {
      if (!isHexDigit(h.charAt(i))) {
        throw new IllegalArgumentException("address is not hex: " + text);
      }
    }
    String padded = "0".repeat(64 - h.length()) + h;
    return new SuiAddress(Hex.decode(padded));
  }

  /** True if {@code text} is exactly {@code 0x} + 64 hex digits. */
  public static boolean isValid(String text) {
    if (text == null || text.length() != 66 || !text.startsWith("0x")) {
      return false;
    }
    for (int i = 2; i < 66; i++) {
      if (!isHexDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** ASCII hex only ({@link Character#digit} would also take other scripts' digits). */
  private static boolean isHexDigit(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "0x" + Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SuiAddress a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(SuiAddress o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }
}
