package dev.haulout.chain.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs chain/interop/sui-oracle.mjs (installing it with {@code npm ci} on first use). */
public final class NodeOracle {
  private static final Path DIR = Path.of("interop").toAbsolutePath();

  private NodeOracle() {}

  public static synchronized void ensureInstalled() throws IOException, InterruptedException {
    if (Files.isDirectory(DIR.resolve("node_modules/@mysten/sui"))) {
      return;
    }
    Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
        .directory(DIR.toFile()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("npm ci failed in " + DIR + ":\n" + log);
    }
  }

  public static JsonNode call(JsonNode requests) throws IOException, InterruptedException {
    ensureInstalled();
    Process p = new ProcessBuilder("node", "sui-oracle.mjs").directory(DIR.toFile()).start();
    try (OutputStream os = p.getOutputStream()) {
      os.write(requests.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("sui-oracle.mjs failed: " + err);
    }
    return new ObjectMapper().readTree(out);
  }
}
