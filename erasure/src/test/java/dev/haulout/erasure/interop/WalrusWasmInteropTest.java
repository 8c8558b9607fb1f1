package dev.haulout.erasure.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.erasure.Axis;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.erasure.encoding.EncodedBlob;
import dev.haulout.erasure.encoding.EncoderOptions;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.erasure.testing.TestData;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks this implementation against the official Walrus wasm encoder ({@code @mysten/walrus-wasm}
 * from npm, pinned by {@code erasure/interop/package-lock.json}) on freshly generated random
 * blobs: n in {4, 7, 10, 13, 100, 301, 1000}, symbol sizes with many different tails (S mod 64).
 * Installs the package with {@code npm ci} when {@code interop/node_modules} is missing. Skipped
 * (not failed) only when {@code node} is not on the PATH or {@code -Dinterop.skip=true}. The random
 * seed is printed at the start and is part of every assertion message; {@code -Dinterop.seed=N}
 * replays the same blobs.
 */
class WalrusWasmInteropTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int[] SHARDS = {4, 7, 10, 13, 100, 301, 1000};

  @TempDir Path tmp;

  private static Path interopDir() {
    return Path.of(System.getProperty("basedir", ".")).resolve("interop").toAbsolutePath();
  }

  private static int run(Path dir, File stdout, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.redirectErrorStream(stdout == null);
    pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.to(stdout));
    if (stdout != null) {
      pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    }
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + String.join(" ", cmd));
    }
    return p.exitValue();
  }

  /** {@code -Dinterop.seed=N} replays a run; otherwise a fresh seed each run. */
  static long seed() {
    String fixed = System.getProperty("interop.seed");
    if (fixed == null || fixed.isBlank()) {
      return new java.security.SecureRandom().nextLong();
    }
    try {
      return Long.parseLong(fixed.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-Dinterop.seed must be a decimal long, got '" + fixed + "'", e);
    }
  }

  private static boolean onPath(String exe) {
    try {
      return new ProcessBuilder(exe, "--version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** The interop project, installed with {@code npm ci} if needed; skips the test without node. */
  private static Path installedInteropDir() throws IOException, InterruptedException {
    Assumptions.assumeFalse(Boolean.getBoolean("interop.skip"), "interop.skip set");
    Assumptions.assumeTrue(onPath("node"), "node is not on the PATH");
    Path dir = interopDir();
    if (!Files.isDirectory(dir.resolve("node_modules/@mysten/walrus-wasm"))) {
      assertEquals(0, run(dir, null, "npm", "ci", "--no-audit", "--no-fund"), "npm ci in " + dir);
    }
    return dir;
  }

  /**
   * The static vectors the other tests hold the Java code to are exactly what the official wasm
   * produces: {@code gen-vectors.mjs --check} regenerates them and compares byte for byte (exit 1 on
   * any difference). blob-ids.json (≈ 1.5 min of wasm at n = 1000) is checked by the same command
   * by hand, see the README.
   */
  @Test
  void committedVectorFilesAreWhatTheWasmProduces() throws Exception {
    Path dir = installedInteropDir();
    Path vectors = dir.getParent().resolve("src/test/resources/vectors");
    for (String name : List.of("small-encodings", "rs-vectors")) {
      Path log = tmp.resolve(name + ".check.txt");
      Process p =
          new ProcessBuilder("node", "gen-vectors.mjs", "--check", vectors.toString(), name)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("gen-vectors.mjs --check " + name + " timed out");
      }
      assertEquals(0, p.exitValue(), name + ".json is not what @mysten/walrus-wasm produces: " + Files.readString(log));
    }
  }

  @Test
  void javaMatchesTheOfficialWasmOnRandomBlobs() throws Exception {
    Path dir = installedInteropDir();
    long seed = seed();
    // printed so that a failure can be replayed: -Dinterop.seed=<this value>
    System.out.println("WalrusWasmInteropTest seed: " + seed + " (rerun with -Dinterop.seed=" + seed + ")");
    SplittableRandom rnd = new SplittableRandom(seed);
    ArrayNode cases = JSON.createArrayNode();
    List<byte[]> blobs = new ArrayList<>();
    for (int n : SHARDS) {
      EncodingConfig cfg = EncodingConfig.forShards(n);
      long cells = (long) cfg.primarySourceSymbols() * cfg.secondarySourceSymbols();
      int perN = n >= 301 ? 2 : 4;
      long byteBudget = n == 1000 ? 700_000 : 2_000_000;
      int maxS = (int) Math.max(2, Math.min(EncodingConfig.MAX_SYMBOL_SIZE, byteBudget / cells));
      for (int c = 0; c < perN; c++) {
        int s = 2 + 2 * rnd.nextInt(maxS / 2);
        long lo = cells * (s - 2) + 1;
        long length = c == 0 ? rnd.nextInt(3) : lo + rnd.nextLong(cells * 2);
        byte[] blob = new byte[(int) length];
        rnd.nextBytes(blob);
        Path f = tmp.resolve("case-" + cases.size() + ".bin");
        Files.write(f, blob);
        boolean full = n <= 301 || c == 0;
        int sz = cfg.symbolSize(length);
        ObjectNode o = cases.addObject();
        o.put("n", n).put("file", f.toString()).put("full", full);
        o.put("primaryBcsLength", bcsLength(cfg.sliverLength(Axis.PRIMARY, sz)));
        o.put("secondaryBcsLength", bcsLength(cfg.sliverLength(Axis.SECONDARY, sz)));
        blobs.add(blob);
      }
    }
    Path casesFile = tmp.resolve("cases.json");
    JSON.writeValue(casesFile.toFile(), cases);
    File out = tmp.resolve("results.json").toFile();
    assertEquals(0, run(dir, out, "node", "walrus-oracle.mjs", casesFile.toString()), "node walrus-oracle.mjs");
    JsonNode results = JSON.readTree(out);
    assertEquals(cases.size(), results.size());
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      JsonNode r = results.get(i);
      byte[] blob = blobs.get(i);
      int n = c.get("n").asInt();
      String label = "seed=" + seed + " n=" + n + " length=" + blob.length;
      assertFalse(r.has("error"), label + ": " + r.path("error").asText());
      EncodingConfig cfg = EncodingConfig.forShards(n);
      BlobEncoder enc = BlobEncoder.create(cfg, EncoderOptions.defaults().withParallelism(2));
      if (!c.get("full").asBoolean()) {
        VerifiedBlobMetadata m = enc.computeMetadata(blob);
        assertEquals(r.get("blobIdHex").asText(), m.blobId().toHex(), label);
        assertEquals(r.get("rootHex").asText(), TestData.hex(m.rootHash()), label);
        continue;
      }
      EncodedBlob e = enc.encode(blob);
      assertEquals(r.get("blobIdHex").asText(), e.blobId().toHex(), label);
      assertEquals(r.get("rootHex").asText(), TestData.hex(e.metadata().rootHash()), label);
      for (int p = 0; p < n; p++) {
        assertEquals(r.get("primaryBcsSha256").get(p).asText(), TestData.hex(TestData.sha256(e.pairPrimary(p).toBcs())), label + " pair " + p + " primary");
        assertEquals(r.get("secondaryBcsSha256").get(p).asText(), TestData.hex(TestData.sha256(e.pairSecondary(p).toBcs())), label + " pair " + p + " secondary");
        assertEquals(r.get("pairPrimaryHashHex").get(p).asText(), TestData.hex(e.metadata().sliverHash(Axis.PRIMARY, p)), label);
        assertEquals(r.get("pairSecondaryHashHex").get(p).asText(), TestData.hex(e.metadata().sliverHash(Axis.SECONDARY, n - 1 - p)), label);
      }
    }
    assertTrue(cases.size() >= SHARDS.length);
  }

  private static int bcsLength(int len) {
    int uleb = 1;
    for (long v = len; v >= 128; v >>>= 7) {
      uleb++;
    }
    return uleb + len + 4;
  }
}
