package dev.haulout.marketplace.domain;

import dev.haulout.wire.SuiAddress;
import java.util.Locale;

/** Validation of Sui-style 32-byte addresses and object ids. */
public final class SuiAddresses {
  private SuiAddresses() {}

  /** Returns the canonical lower-case form, or throws naming the field and the bad value. */
  public static String requireAddress(String field, String value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    String v = value.toLowerCase(Locale.ROOT);
    if (!SuiAddress.isValid(v)) {
      throw new IllegalArgumentException(
          field + " is not a 0x-prefixed 32-byte hex address: '" + abbreviate(value) + "'");
    }
    return v;
  }

  public static boolean isAddress(String value) {
    return value != null && SuiAddress.isValid(value.toLowerCase(Locale.ROOT));
  }

  static String abbreviate(String s) {
    return Texts.printable(s, 80);
  }
}
