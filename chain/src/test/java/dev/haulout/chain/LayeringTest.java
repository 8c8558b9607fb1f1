package dev.haulout.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core packages use only the JDK, Bouncy Castle and other core packages (STYLE rule 1): in import
 * lines and in fully qualified names in the code (comments and string literals are ignored). The
 * public API packages (top-level types, {@code crypto}, {@code model}, {@code tx}) do not use the
 * engine either: it is internal to the ledger's adapters, so other modules never need it.
 */
class LayeringTest {
  private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
  /** A qualified name: lower-case package segments under a known root, then a type. */
  private static final Pattern QUALIFIED = Pattern.compile(
      "(?<![\\w.])((?:java|javax|jakarta|jdk|sun|com|org|io|net|dev|tech|supranational)(?:\\.[a-z_][\\w]*)+\\.[A-Z]\\w*)");
  private static final List<String> CORE = List.of("", "crypto", "model", "tx", "engine");
  private static final List<String> ALLOWED = List.of("java.", "org.bouncycastle.", "dev.haulout.wire.",
      "dev.haulout.walrus.", "dev.haulout.chain.crypto.",
      "dev.haulout.chain.model.", "dev.haulout.chain.tx.", "dev.haulout.chain.engine.");
  private static final List<String> API = List.of("", "crypto", "model", "tx");
  private static final List<String> API_ALLOWED = List.of("java.", "org.bouncycastle.", "dev.haulout.chain.crypto.",
      "dev.haulout.chain.model.", "dev.haulout.chain.tx.");

  @Test
  void corePackagesUseNoFrameworkOrAdapter() throws IOException {
    assertEquals(List.of(), scan(CORE, ALLOWED));
  }

  @Test
  void apiPackagesDoNotUseTheEngine() throws IOException {
    assertEquals(List.of(), scan(API, API_ALLOWED));
  }

  private static List<String> scan(List<String> packages, List<String> allowed) throws IOException {
    Path root = Path.of("src/main/java/dev/haulout/chain");
    List<String> bad = new ArrayList<>();
    for (String pkg : packages) {
      Path dir = pkg.isEmpty() ? root : root.resolve(pkg);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          bad.addAll(violations(f.getFileName().toString(), Files.readString(f), allowed));
        }
      }
    }
    return bad;
  }

  /** The checker itself: an import and a fully qualified use are both caught; comments and strings are not code. */
  @Test
  void checkerCatchesFullyQualifiedNamesNotOnlyImports() {
    String src = "package dev.haulout.chain.engine;\nimport io.vertx.core.Vertx;\n"
        + "class X {\n  Object a = new dev.haulout.chain.adapter.pg.PgLedger();\n"
        + "  Object b = com.fasterxml.jackson.databind.ObjectMapper.class;\n"
        + "  java.util.List<String> ok = java.util.List.of(\"io.vertx.core.Nope\");\n"
        + "  dev.haulout.chain.model.Listing fine;\n  dev.haulout.chain.ErrorCode top;\n"
        + "  // org.postgresql.Driver in a comment\n  /* io.netty.Foo */\n}\n";
    assertEquals(List.of("X.java: io.vertx.core.Vertx", "X.java: dev.haulout.chain.adapter.pg.PgLedger",
        "X.java: com.fasterxml.jackson.databind.ObjectMapper"), violations("X.java", src, ALLOWED));
    String api = "package dev.haulout.chain.model;\nimport dev.haulout.chain.engine.Effects;\n"
        + "class Y {\n  long q = dev.haulout.chain.engine.StoragePricing.encodedBlobLength(1, 4);\n}\n";
    assertEquals(List.of("Y.java: dev.haulout.chain.engine.Effects", "Y.java: dev.haulout.chain.engine.StoragePricing"),
        violations("Y.java", api, API_ALLOWED));
  }

  static List<String> violations(String file, String source, List<String> allowed) {
    List<String> bad = new ArrayList<>();
    Matcher m = IMPORT.matcher(source);
    while (m.find()) {
      check(file, m.group(2), allowed, bad);
    }
    String code = stripCommentsAndStrings(source).replaceAll("(?m)^\\s*(import|package)\\s[^;]*;", "");
    Matcher q = QUALIFIED.matcher(code);
    while (q.find()) {
      check(file, q.group(1), allowed, bad);
    }
    return bad;
  }

  private static void check(String file, String name, List<String> allowed, List<String> bad) {
    boolean topLevelType = name.matches("dev\\.haulout\\.chain\\.[A-Z]\\w*(\\.\\w+)*");
    if (!topLevelType && allowed.stream().noneMatch(name::startsWith)) {
      bad.add(file + ": " + name);
    }
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
