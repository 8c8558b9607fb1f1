package dev.haulout.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the official {@code tus-js-client} (pinned in {@code src/test/js/package-lock.json}) under
 * Node 20 through {@code src/test/js/tus-upload.mjs}; installed by {@link NodeInterop} on first use.
 */
final class TusJsClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TusJsClient() {}

  static Path dir() {
    Path p = Path.of("src/test/js").toAbsolutePath();
    if (!Files.isRegularFile(p.resolve("tus-upload.mjs"))) {
      throw new IllegalStateException("tus interop project not found at " + p);
    }
    return p;
  }

  /** {@code node tus-upload.mjs endpoint token file chunkSize extra…}; its JSON result. */
  static JsonNode upload(String endpoint, String token, Path file, long chunkSize, String... extra)
      throws IOException, InterruptedException {
    return JSON.readTree(run(command(endpoint, token, file, chunkSize, extra), 300));
  }

  /** Starts the same command without waiting; {@link #result} reads its JSON once it exits. */
  static Process start(String endpoint, String token, Path file, long chunkSize, Path stderr, String... extra)
      throws IOException, InterruptedException {
    return new ProcessBuilder(command(endpoint, token, file, chunkSize, extra)).directory(dir().toFile())
        .redirectError(stderr.toFile()).start();
  }

  static JsonNode result(Process p, int timeoutSeconds) throws IOException, InterruptedException {
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("tus-upload.mjs failed: " + new String(out, StandardCharsets.UTF_8));
    }
    return JSON.readTree(out);
  }

  private static List<String> command(String endpoint, String token, Path file, long chunkSize, String... extra)
      throws IOException, InterruptedException {
    NodeInterop.install();
    List<String> cmd = new ArrayList<>(List.of("node", "tus-upload.mjs", endpoint, token, file.toString(),
        Long.toString(chunkSize)));
    cmd.addAll(List.of(extra));
    return cmd;
  }

  private static String run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
    return NodeInterop.run(cmd, timeoutSeconds);
  }
}
