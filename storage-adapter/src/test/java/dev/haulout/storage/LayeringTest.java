package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.testsupport.JavaSourceNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core packages use only the JDK, the erasure and chain modules, jblst and other core packages;
 * Vert.x stays in the HTTP adapter packages (node server, client, aggregator, embedded). Imports and
 * fully qualified names in the code both count, as chain's {@link JavaSourceNames} reads them.
 */
class LayeringTest {
  static final Path ROOT = Path.of("src/main/java/dev/haulout/storage");
  static final Set<String> ADAPTERS = Set.of("node/server", "client", "aggregator", "embedded", "bench");

  @Test
  void corePackagesUseNoFrameworkAndAdaptersAreTheOnlyVertxUsers() throws Exception {
    List<String> violations = new ArrayList<>();
    int vertxUsers = 0;
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = ROOT.relativize(f.getParent()).toString().replace('\\', '/');
        String source = Files.readString(f);
        violations.addAll(violations(f.toString(), ADAPTERS.contains(pkg), source));
        vertxUsers += (int) JavaSourceNames.referencedNames(source).stream().filter(n -> n.startsWith("io.vertx.")).count();
      }
    }
    assertEquals(List.of(), violations);
    assertTrue(vertxUsers > 0, "the scan saw the adapters");
  }

  /** The rule itself: a fully qualified framework or ledger-server name in a core class is caught like an import. */
  @Test
  void checkerCatchesFullyQualifiedNamesNotOnlyImports() {
    String src = "package dev.haulout.storage.write;\nimport dev.haulout.erasure.BlobId;\n"
        + "class X {\n  Object a = io.vertx.core.Vertx.vertx();\n"
        + "  Object b = new dev.haulout.chain.server.LedgerServer();\n"
        + "  java.util.List<String> ok = java.util.List.of(\"io.vertx.core.Nope\");\n"
        + "  supranational.blst.P1 fine;\n  // com.fasterxml.jackson.databind.ObjectMapper in a comment\n}\n";
    assertEquals(List.of("X.java: io.vertx.core.Vertx", "X.java: core uses the ledger server dev.haulout.chain.server.LedgerServer"),
        violations("X.java", false, src));
    assertEquals(List.of(), violations("X.java", true, src.replace("dev.haulout.chain.server.LedgerServer", "Object")));
  }

  static List<String> violations(String file, boolean adapter, String source) {
    List<String> bad = new ArrayList<>();
    for (String name : JavaSourceNames.referencedNames(source)) {
      boolean ok = name.startsWith("java.") || name.startsWith("dev.haulout.erasure.") || name.startsWith("dev.haulout.chain.")
          || name.startsWith("supranational.blst.") || name.startsWith("dev.haulout.storage.")
          || adapter && name.startsWith("io.vertx.");
      if (!ok) {
        bad.add(file + ": " + name);
      } else if (!adapter && name.startsWith("dev.haulout.chain.server.")) {
        bad.add(file + ": core uses the ledger server " + name);
      }
    }
    return bad;
  }
}
