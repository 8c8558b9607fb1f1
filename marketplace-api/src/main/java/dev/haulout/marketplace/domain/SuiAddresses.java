package dev.haulout.marketplace.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of Sui-style 32-byte addresses and object ids. */
public final class SuiAddresses {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{64}");

  private SuiAddresses() {}

  /** Returns the canonical lower-case form, or throws naming the field and the bad value. */
  public static String requireAddress(String field, String value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    String v = value.toLowerCase(Locale.ROOT);
    if (!ADDRESS.matcher(v).matches()) {
      throw new IllegalArgumentException(
          field + " is not a 0x-prefixed 32-byte hex address: '" + abbreviate(value) + "'");
    }
    return v;
  }

  public static boolean isAddress(String value) {
    return value != null && ADDRESS.matcher(value.toLowerCase(Locale.ROOT)).matches();
  }

  static String abbreviate(String s) {
    return Texts.printable(s, 80);
  }
}
