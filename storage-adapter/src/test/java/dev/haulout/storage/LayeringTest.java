package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core packages import only the JDK, the erasure and chain modules, jblst and other core packages;
 * Vert.x stays in the HTTP adapter packages (node server, client, aggregator, embedded). Of chain,
 * storage sees only the public API — the {@code Ledger} port and its value types (top-level
 * types, {@code crypto}, {@code model}, {@code tx}) and the BLS certificate check
 * ({@code adapter.bls}); the composition roots that start a ledger ({@code embedded},
 * {@code bench}) may also use its server, client and PostgreSQL options. Never its engine.
 */
class LayeringTest {
  static final Path ROOT = Path.of("src/main/java/dev/haulout/storage");
  static final Set<String> ADAPTERS = Set.of("node/server", "client", "aggregator", "embedded", "bench");
  static final Set<String> COMPOSITION_ROOTS = Set.of("embedded", "bench");
  static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
  /** A chain name used in code: an import or a fully qualified type (comments are removed first). */
  static final Pattern CHAIN_NAME = Pattern.compile("(?<![\\w.])(dev\\.haulout\\.chain\\.[\\w.]*[A-Z]\\w*)");
  static final List<String> CHAIN_API = List.of("dev.haulout.chain.crypto.", "dev.haulout.chain.model.",
      "dev.haulout.chain.tx.", "dev.haulout.chain.adapter.bls.");
  static final List<String> CHAIN_WIRING = List.of("dev.haulout.chain.server.", "dev.haulout.chain.client.",
      "dev.haulout.chain.adapter.pg.");

  @Test
  void corePackagesImportNoFrameworkAndAdaptersAreTheOnlyVertxUsers() throws Exception {
    List<String> violations = new ArrayList<>();
    int vertxUsers = 0;
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = ROOT.relativize(f.getParent()).toString().replace('\\', '/');
        String source = Files.readString(f);
        violations.addAll(violations(f.toString(), pkg, source));
        vertxUsers += (int) IMPORT.matcher(source).results().filter(m -> m.group(2).startsWith("io.vertx.")).count();
      }
    }
    assertEquals(List.of(), violations);
    assertTrue(vertxUsers > 0, "the scan saw the adapters");
  }

  /** The checker itself: chain's engine is refused everywhere, its server outside the composition roots. */
  @Test
  void checkerRefusesChainInternalsInImportsAndQualifiedNames() {
    String src = "package dev.haulout.storage.write;\nimport dev.haulout.chain.engine.StoragePricing;\n"
        + "import dev.haulout.chain.Ledger;\nimport dev.haulout.chain.model.Blob;\n"
        + "class X {\n  long a = dev.haulout.chain.engine.TransactionExecutor.MINTED.length();\n"
        + "  Object b = dev.haulout.chain.server.LedgerServer.class;\n  dev.haulout.chain.ChainEvent fine;\n"
        + "  // dev.haulout.chain.engine.Quorum in a comment\n}\n";
    assertEquals(List.of("X.java: dev.haulout.chain.engine.StoragePricing",
        "X.java: dev.haulout.chain.engine.TransactionExecutor.MINTED",
        "X.java: dev.haulout.chain.server.LedgerServer"), violations("X.java", "write", src));
    String root = "package dev.haulout.storage.embedded;\nimport dev.haulout.chain.server.LedgerServer;\n"
        + "import dev.haulout.chain.engine.Effects;\n";
    assertEquals(List.of("X.java: dev.haulout.chain.engine.Effects"), violations("X.java", "embedded", root));
  }

  static List<String> violations(String file, String pkg, String source) {
    List<String> bad = new ArrayList<>();
    boolean adapter = ADAPTERS.contains(pkg);
    Matcher m = IMPORT.matcher(source);
    while (m.find()) {
      String imp = m.group(2);
      boolean ok = imp.startsWith("java.") || imp.startsWith("dev.haulout.wire.") || imp.startsWith("dev.haulout.walrus.")
          || imp.startsWith("dev.haulout.erasure.") || imp.startsWith("dev.haulout.chain.")
          || imp.startsWith("supranational.blst.") || imp.startsWith("dev.haulout.storage.")
          || adapter && imp.startsWith("io.vertx.");
      if (!ok) {
        bad.add(file + ": " + imp);
      }
    }
    String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", "");
    Matcher c = CHAIN_NAME.matcher(code);
    while (c.find()) {
      String name = c.group(1);
      boolean topLevel = name.matches("dev\\.haulout\\.chain\\.[A-Z]\\w*(\\.\\w+)*");
      boolean ok = topLevel || CHAIN_API.stream().anyMatch(name::startsWith)
          || COMPOSITION_ROOTS.contains(pkg) && CHAIN_WIRING.stream().anyMatch(name::startsWith);
      if (!ok) {
        bad.add(file + ": " + name);
      }
    }
    return bad;
  }
}
