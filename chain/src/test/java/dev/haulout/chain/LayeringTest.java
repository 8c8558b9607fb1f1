package dev.haulout.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.haulout.chain.testsupport.JavaSourceNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core packages use only the JDK, Bouncy Castle and other core packages (STYLE rule 1): in import
 * lines and in fully qualified names in the code (comments and string literals are ignored), as
 * {@link JavaSourceNames} reads them. The public API packages (top-level types, {@code crypto},
 * {@code model}, {@code tx}) do not use the engine either: it is internal to the ledger's adapters,
 * so other modules never need it.
 */
class LayeringTest {
  private static final List<String> CORE = List.of("", "crypto", "model", "tx", "engine");
  private static final List<String> ALLOWED = List.of("java.", "org.bouncycastle.", "dev.haulout.wire.",
      "dev.haulout.walrus.", "dev.haulout.chain.crypto.",
      "dev.haulout.chain.model.", "dev.haulout.chain.tx.", "dev.haulout.chain.engine.");
  private static final List<String> API = List.of("", "crypto", "model", "tx");
  private static final List<String> API_ALLOWED = List.of("java.", "org.bouncycastle.", "dev.haulout.wire.",
      "dev.haulout.walrus.", "dev.haulout.chain.crypto.",
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
        + "class Y {\n  long q = dev.haulout.chain.engine.Quorum.isQuorum(1, 4) ? 1 : 0;\n}\n";
    assertEquals(List.of("Y.java: dev.haulout.chain.engine.Effects", "Y.java: dev.haulout.chain.engine.Quorum"),
        violations("Y.java", api, API_ALLOWED));
  }

  static List<String> violations(String file, String source, List<String> allowed) {
    List<String> bad = new ArrayList<>();
    for (String name : JavaSourceNames.referencedNames(source)) {
      boolean topLevelType = name.matches("dev\\.haulout\\.chain\\.[A-Z]\\w*(\\.\\w+)*");
      if (!topLevelType && allowed.stream().noneMatch(name::startsWith)) {
        bad.add(file + ": " + name);
      }
    }
    return bad;
  }
}
