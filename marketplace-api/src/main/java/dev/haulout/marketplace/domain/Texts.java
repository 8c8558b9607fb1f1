package dev.haulout.marketplace.domain;

/**
 * Text the catalog stores or searches must be well-formed Unicode without U+0000: PostgreSQL
 * {@code text} cannot hold the NUL character (it rejects the whole statement), and an unpaired
 * surrogate would be silently turned into '?' on the way to UTF-8.
 */
public final class Texts {
  private Texts() {}

  /** Returns {@code value} (null stays null); throws {@link IllegalArgumentException} naming the field and offset. */
  public static String requireStorable(String field, String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\u0000') {
        throw new IllegalArgumentException(field + " must not contain U+0000 (at index " + i + ")");
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(field + " has an unpaired UTF-16 surrogate (at index " + i + ")");
      }
    }
    return value;
  }

  /**
   * {@code value} made safe for a log line or a diagnostic column: control characters (U+0000 among
   * them) and unpaired surrogates become {@code \}{@code uXXXX}, and it is cut to {@code max} characters.
   */
  public static String printable(String value, int max) {
    if (value == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(Math.min(value.length(), max) + 16);
    for (int i = 0; i < value.length() && b.length() < max; i++) {
      char c = value.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
      if (pair) {
        b.append(c).append(value.charAt(++i));
      } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.length() >= max && value.length() > max ? b.substring(0, Math.max(0, max - 3)) + "..." : b.toString();
  }
}
