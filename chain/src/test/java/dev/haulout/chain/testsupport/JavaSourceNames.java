package dev.haulout.chain.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The qualified names a Java source file refers to, for the modules' layering tests (STYLE rule 1):
 * every import and every fully qualified name in the code, so a core class cannot reach a framework
 * by spelling the name out instead of importing it. Comments, string, text-block and char literals
 * are not code and are ignored. Shared through chain's test jar (storage-adapter's layering test
 * uses it too); each module's test decides which names are allowed where.
 */
public final class JavaSourceNames {
  private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
  /** A qualified name: lower-case package segments under a known root, then a type. */
  private static final Pattern QUALIFIED = Pattern.compile(
      "(?<![\\w.])((?:java|javax|jakarta|jdk|sun|com|org|io|net|dev|tech|supranational)(?:\\.[a-z_][\\w]*)+\\.[A-Z]\\w*)");

  private JavaSourceNames() {}

  /** Imported names first (in file order), then the fully qualified names used in the code. */
  public static List<String> referencedNames(String source) {
    List<String> names = new ArrayList<>();
    Matcher m = IMPORT.matcher(source);
    while (m.find()) {
      names.add(m.group(2));
    }
    String code = stripCommentsAndStrings(source).replaceAll("(?m)^\\s*(import|package)\\s[^;]*;", "");
    Matcher q = QUALIFIED.matcher(code);
    while (q.find()) {
      names.add(q.group(1));
    }
    return names;
  }

  /** Blanks out comments, string, text-block and char literals (keeping line structure). */
  static String stripCommentsAndStrings(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 2;
        out.append(' ');
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        i = end < 0 ? s.length() : end + 3;
        out.append("\"\"");
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < s.length() && s.charAt(i) != c) {
          i += s.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        out.append(c).append(c);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
