package dev.haulout.seal.crypto.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the official {@code @mysten/seal} SDK through the module's own npm project in {@code
 * seal-service/interop} ({@code seal-sdk.mjs}). Installs it with {@code npm ci} on first use.
 */
final class SealSdk {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SealSdk() {}

  static Path interopDir() {
    Path p = Path.of(System.getProperty("haulout.seal.interop.dir", "interop")).toAbsolutePath();
    if (!Files.isRegularFile(p.resolve("seal-sdk.mjs"))) {
      throw new IllegalStateException("interop project not found at " + p);
    }
    return p;
  }

  static synchronized void ensureInstalled() throws IOException, InterruptedException {
    Path dir = interopDir();
    if (!Files.isDirectory(dir.resolve("node_modules/@mysten/seal"))) {
      run(dir, List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
    }
  }

  /** Runs {@code node seal-sdk.mjs op cases.json} and returns the parsed result array. */
  static JsonNode call(String op, List<Map<String, Object>> cases)
      throws IOException, InterruptedException {
    ensureInstalled();
    Path dir = interopDir();
    Path in = Files.createTempFile("seal-sdk-" + op, ".json");
    try {
      JSON.writeValue(in.toFile(), cases);
      String out = run(dir, List.of("node", "seal-sdk.mjs", op, in.toString()), 120);
      return JSON.readTree(out);
    } finally {
      Files.deleteIfExists(in);
    }
  }

  /** Runs {@code node script args…} in the interop project (installed first); returns its stdout. */
  static String node(String script, String... args) throws IOException, InterruptedException {
    ensureInstalled();
    List<String> cmd = new java.util.ArrayList<>(List.of("node", script));
    cmd.addAll(List.of(args));
    return run(interopDir(), cmd, 120);
  }

  private static String run(Path dir, List<String> cmd, int timeoutSeconds)
      throws IOException, InterruptedException {
    File err = Files.createTempFile("seal-sdk", ".err").toFile();
    try {
      Process p =
          new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(err).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(cmd + " timed out");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            cmd + " exited " + p.exitValue() + ": " + Files.readString(err.toPath()));
      }
      return new String(out, StandardCharsets.UTF_8);
    } finally {
      err.delete();
    }
  }
}
