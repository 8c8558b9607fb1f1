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

/** Core packages import only the JDK, Bouncy Castle and other core packages (STYLE rule 1). */
class LayeringTest {
  private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
  private static final List<String> CORE = List.of("", "crypto", "model", "tx", "engine");
  private static final List<String> ALLOWED = List.of("java.", "org.bouncycastle.", "dev.haulout.chain.crypto.",
      "dev.haulout.chain.model.", "dev.haulout.chain.tx.", "dev.haulout.chain.engine.");

  @Test
  void corePackagesImportNoFrameworkOrAdapter() throws IOException {
    Path root = Path.of("src/main/java/dev/haulout/chain");
    List<String> bad = new ArrayList<>();
    for (String pkg : CORE) {
      Path dir = pkg.isEmpty() ? root : root.resolve(pkg);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = IMPORT.matcher(Files.readString(f));
          while (m.find()) {
            String imp = m.group(2);
            boolean topLevelType = imp.matches("dev\\.haulout\\.chain\\.[A-Z]\\w*(\\.\\w+)*");
            if (!topLevelType && ALLOWED.stream().noneMatch(imp::startsWith)) {
              bad.add(f.getFileName() + ": " + imp);
            }
          }
        }
      }
    }
    assertEquals(List.of(), bad);
  }
}
