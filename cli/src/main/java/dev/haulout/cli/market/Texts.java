package dev.haulout.cli.market;

/** Display helpers for the terminal. */
final class Texts {
  private Texts() {}

  /** {@code s} cut to {@code n} characters with an ellipsis; control characters shown as '?'. */
  static String clip(String s, int n) {
    String clean = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return clean.length() <= n ? clean : clean.substring(0, n - 1) + "…";
  }
}
