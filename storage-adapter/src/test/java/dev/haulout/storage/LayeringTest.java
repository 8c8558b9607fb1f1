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
 * Vert.x stays in the HTTP adapter packages (node server, client, aggregator, embedded).
 */
class LayeringTest {
  static final Path ROOT = Path.of("src/main/java/dev/haulout/storage");
  static final Set<String> ADAPTERS = Set.of("node/server", "client", "aggregator", "embedded", "bench");
  static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);

  @Test
  void corePackagesImportNoFrameworkAndAdaptersAreTheOnlyVertxUsers() throws Exception {
    List<String> violations = new ArrayList<>();
    int vertxUsers = 0;
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = ROOT.relativize(f.getParent()).toString().replace('\\', '/');
        boolean adapter = ADAPTERS.contains(pkg);
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          String imp = m.group(2);
          boolean ok = imp.startsWith("java.") || imp.startsWith("dev.haulout.erasure.") || imp.startsWith("dev.haulout.chain.")
              || imp.startsWith("supranational.blst.") || imp.startsWith("dev.haulout.storage.")
              || adapter && (imp.startsWith("io.vertx.") || imp.startsWith("dev.haulout.http."));
          if (!ok) {
            violations.add(f + ": " + imp);
          }
          if (imp.startsWith("io.vertx.")) {
            vertxUsers++;
          }
          if (!adapter && imp.startsWith("dev.haulout.chain.server.")) {
            violations.add(f + ": core uses the ledger server " + imp);
          }
        }
      }
    }
    assertEquals(List.of(), violations);
    assertTrue(vertxUsers > 0, "the scan saw the adapters");
  }
}
