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
 * Core packages use only the JDK, the wire, walrus-types, erasure and chain modules, jblst and other
 * core packages; Vert.x stays in the HTTP adapter packages (node server, client, aggregator,
 * embedded), with the shared http-kit ({@code dev.haulout.http}). Of chain, storage sees only the public API — the {@code Ledger} port and its value
 * types (top-level types, {@code crypto}, {@code model}, {@code tx}) and the BLS certificate check
 * ({@code adapter.bls}); the composition roots that start a ledger ({@code embedded},
 * {@code bench}) may also use its server, client and PostgreSQL options. Never its engine. Imports
 * and fully qualified names in the code both count, as chain's {@link JavaSourceNames} reads them.
 */
class LayeringTest {
  static final Path ROOT = Path.of("src/main/java/dev/haulout/storage");
  static final Set<String> ADAPTERS = Set.of("node/server", "client", "aggregator", "embedded", "bench");
  static final Set<String> COMPOSITION_ROOTS = Set.of("embedded", "bench");
  static final List<String> ALLOWED = List.of("java.", "dev.haulout.wire.", "dev.haulout.walrus.",
      "dev.haulout.erasure.", "dev.haulout.chain.", "supranational.blst.", "dev.haulout.storage.");
  static final List<String> CHAIN_API = List.of("dev.haulout.chain.crypto.", "dev.haulout.chain.model.",
      "dev.haulout.chain.tx.", "dev.haulout.chain.adapter.bls.");
  static final List<String> CHAIN_WIRING = List.of("dev.haulout.chain.server.", "dev.haulout.chain.client.",
      "dev.haulout.chain.adapter.pg.");

  @Test
  void corePackagesUseNoFrameworkAndAdaptersAreTheOnlyVertxUsers() throws Exception {
    List<String> violations = new ArrayList<>();
    int vertxUsers = 0;
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = ROOT.relativize(f.getParent()).toString().replace('\\', '/');
        String source = Files.readString(f);
        violations.addAll(violations(f.toString(), pkg, source));
        vertxUsers += (int) JavaSourceNames.referencedNames(source).stream().filter(n -> n.startsWith("io.vertx.")).count();
      }
    }
    assertEquals(List.of(), violations);
    assertTrue(vertxUsers > 0, "the scan saw the adapters");
  }

  /**
   * The checker itself: a framework name in a core class is caught in an import and as a fully
   * qualified name; chain's engine is refused everywhere, its server outside the composition roots;
   * comments and strings are not code.
   */
  @Test
  void checkerRefusesFrameworksAndChainInternalsInImportsAndQualifiedNames() {
    String src = "package dev.haulout.storage.write;\nimport dev.haulout.chain.engine.Quorum;\n"
        + "import dev.haulout.chain.Ledger;\nimport dev.haulout.chain.model.Blob;\n"
        + "class X {\n  long a = dev.haulout.chain.engine.TransactionExecutor.MINTED.length();\n"
        + "  Object b = dev.haulout.chain.server.LedgerServer.class;\n  dev.haulout.chain.ChainEvent fine;\n"
        + "  Object c = io.vertx.core.Vertx.vertx();\n"
        + "  java.util.List<String> ok = java.util.List.of(\"io.vertx.core.Nope\");\n"
        + "  supranational.blst.P1 fine2;\n"
        + "  // dev.haulout.chain.engine.Quorum and com.fasterxml.jackson.databind.ObjectMapper in a comment\n}\n";
    assertEquals(List.of("X.java: dev.haulout.chain.engine.Quorum",
        "X.java: dev.haulout.chain.engine.TransactionExecutor",
        "X.java: dev.haulout.chain.server.LedgerServer",
        "X.java: io.vertx.core.Vertx"), violations("X.java", "write", src));
    String root = "package dev.haulout.storage.embedded;\nimport dev.haulout.chain.server.LedgerServer;\n"
        + "import dev.haulout.chain.engine.Effects;\nclass Y {\n  Object v = io.vertx.core.Vertx.vertx();\n}\n";
    assertEquals(List.of("X.java: dev.haulout.chain.engine.Effects"), violations("X.java", "embedded", root));
  }

  static List<String> violations(String file, String pkg, String source) {
    List<String> bad = new ArrayList<>();
    boolean adapter = ADAPTERS.contains(pkg);
    for (String name : JavaSourceNames.referencedNames(source)) {
      boolean ok = ALLOWED.stream().anyMatch(name::startsWith)
          || adapter && (name.startsWith("io.vertx.") || name.startsWith("dev.haulout.http."));
      if (ok && name.startsWith("dev.haulout.chain.")) {
        boolean topLevel = name.matches("dev\\.haulout\\.chain\\.[A-Z]\\w*(\\.\\w+)*");
        ok = topLevel || CHAIN_API.stream().anyMatch(name::startsWith)
            || COMPOSITION_ROOTS.contains(pkg) && CHAIN_WIRING.stream().anyMatch(name::startsWith);
      }
      if (!ok) {
        bad.add(file + ": " + name);
      }
    }
    return bad;
  }
}
