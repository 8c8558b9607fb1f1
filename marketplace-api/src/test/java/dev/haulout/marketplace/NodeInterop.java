package dev.haulout.marketplace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Node project of the interop tests ({@code src/test/js}: tus-js-client, @mysten/sui, pinned by
 * its package-lock.json). {@link #unavailable} says why it cannot run here (no Node 20+, or
 * {@code npm ci} failed, e.g. offline without a cache), so a test can skip with that reason.
 */
final class NodeInterop {
  static final Path DIR = Path.of("src/test/js").toAbsolutePath();
  private static final List<String> PACKAGES = List.of("tus-js-client", "@mysten/sui");
  private static Optional<String> unavailable;

  private NodeInterop() {}

  /** Empty when node and the packages are installed (running {@code npm ci} once if needed); else the reason. */
  static synchronized Optional<String> unavailable() {
    if (unavailable == null) {
      unavailable = check();
    }
    return unavailable;
  }

  /** Installs the packages or fails, for tests that must not skip. */
  static void install() {
    unavailable().ifPresent(reason -> {
      throw new IllegalStateException(reason);
    });
  }

  private static Optional<String> check() {
    try {
      String version = run(List.of("node", "--version"), 30).strip();
      int major = Integer.parseInt(version.replaceFirst("^v", "").split("\\.")[0]);
      if (major < 20) {
        return Optional.of("node " + version + " is older than 20");
      }
      if (PACKAGES.stream().allMatch(p -> Files.isDirectory(DIR.resolve("node_modules").resolve(p)))) {
        return Optional.empty();
      }
      run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("node/npm packages unavailable in " + DIR + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  /** Runs {@code cmd} in {@link #DIR}; its stdout, or an exception naming its stderr. */
  static String run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
    Path err = Files.createTempFile("node-interop", ".err");
    try {
      Process p = new ProcessBuilder(cmd).directory(DIR.toFile()).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", cmd) + " timed out");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + Files.readString(err));
      }
      return new String(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
