package dev.haulout.wire;

import java.util.HexFormat;

/** Lower-case hex with an optional {@code 0x} prefix on input. */
public final class Hex {
  private static final HexFormat HEX = HexFormat.of();

  private Hex() {}

  public static String encode(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** Decodes hex, accepting an optional {@code 0x} prefix; throws IllegalArgumentException naming the input. */
  public static byte[] decode(String hex) {
    String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (h.length() % 2 != 0) {
      throw new IllegalArgumentException("odd-length hex: " + hex);
    }
    try {
      return HEX.parseHex(h);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not hex: " + hex, e);
    }
  }
}
