package dev.haulout.seal.server;

/** {@code MAJOR.MINOR.PATCH[-pre][+build]} as the key server compares client SDK versions. */
record SemVer(long major, long minor, long patch) implements Comparable<SemVer> {

  /** Parses a semantic version; throws IllegalArgumentException naming the bad text. */
  static SemVer parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("version is null");
    }
    String core = text.trim();
    int cut = indexOfAny(core, '-', '+');
    if (cut >= 0) {
      core = core.substring(0, cut);
    }
    String[] parts = core.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a semantic version: " + text);
    }
    try {
      return new SemVer(num(parts[0], text), num(parts[1], text), num(parts[2], text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a semantic version: " + text, e);
    }
  }

  private static long num(String s, String text) {
    if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("not a semantic version: " + text);
    }
    return Long.parseLong(s);
  }

  private static int indexOfAny(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == a || s.charAt(i) == b) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int compareTo(SemVer o) {
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    return c != 0 ? c : Long.compare(patch, o.patch);
  }
}
