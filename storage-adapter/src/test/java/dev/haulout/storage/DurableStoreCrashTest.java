package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.storage.node.DurableStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group-committed batch ({@link DurableStore#writeAll}) that was acknowledged survives
 * {@code kill -9} of the writing process: a child JVM writes batches, prints "ack N" after each
 * {@code writeAll} returns, and is killed with SIGKILL while it keeps writing; every acknowledged
 * batch must then be on disk, intact, with no temporary file among the stored names. (Power loss
 * cannot be simulated here; that part rests on the fsync of every file and of the directory
 * before {@code writeAll} returns.)
 */
class DurableStoreCrashTest {
  static final int FILES_PER_BATCH = 64;

  @TempDir
  Path dir;

  /** The child process: writes batch after batch until killed. Args: store directory. */
  public static void main(String[] args) throws Exception {
    DurableStore s = DurableStore.open(Path.of(args[0]));
    for (int batch = 0; ; batch++) {
      s.writeAll("blob" + batch, files(batch));
      System.out.println("ack " + batch);
      System.out.flush();
    }
  }

  static Map<String, byte[]> files(int batch) {
    Random r = new Random(batch);
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < FILES_PER_BATCH; i++) {
      byte[] b = new byte[500 + r.nextInt(3000)];
      r.nextBytes(b);
      m.put((i % 2 == 0 ? "p" : "s") + i, b);
    }
    return m;
  }

  static int lastAck(Path log) throws java.io.IOException {
    int last = -1;
    if (Files.exists(log)) {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        if (line.matches("ack \\d+")) {
          last = Integer.parseInt(line.substring(4));
        }
      }
    }
    return last;
  }

  @Test
  void everyAcknowledgedBatchSurvivesKillDashNine() throws Exception {
    Path log = dir.resolveSibling(dir.getFileName() + ".child.log");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), DurableStoreCrashTest.class.getName(), dir.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lastAck(log) < 5 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    // SIGKILL while the child is in the middle of later batches
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    // every acknowledgement the child printed before it died counts, also those after our last look
    int acked = lastAck(log);
    Files.deleteIfExists(log);
    assertEquals(137, child.exitValue(), "killed by SIGKILL");
    assertTrue(acked >= 5, "the child acknowledged batches: " + acked);
    DurableStore reopened = DurableStore.open(dir);
    for (int batch = 0; batch <= acked; batch++) {
      Map<String, byte[]> expected = files(batch);
      List<String> names = reopened.names("blob" + batch);
      assertEquals(expected.keySet(), new java.util.HashSet<>(names), "batch " + batch + " complete, no temporary files");
      for (Map.Entry<String, byte[]> e : expected.entrySet()) {
        assertArrayEquals(e.getValue(), reopened.read("blob" + batch, e.getKey()).orElseThrow(), "batch " + batch + " " + e.getKey());
      }
    }
    assertEquals(0, reopened.corruptFilesDetected());
  }
}
