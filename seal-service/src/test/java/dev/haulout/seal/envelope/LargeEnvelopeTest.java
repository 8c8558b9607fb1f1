package dev.haulout.seal.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A 1 GiB envelope is encrypted and decrypted in a separate JVM capped at 128 MiB of heap. */
class LargeEnvelopeTest {

  @Test
  void streamsOneGibibyteWithA128MibHeap() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    long size = 1L << 30;
    File log = Files.createTempFile("envelope-1gib", ".log").toFile();
    try {
      Process p =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx128m",
                      "-cp",
                      System.getProperty("java.class.path"),
                      EnvelopeStreamCheck.class.getName(),
                      Long.toString(size)))
              .redirectErrorStream(true)
              .redirectOutput(log)
              .start();
      boolean done = p.waitFor(240, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
      assertTrue(done, "timed out: " + out);
      assertEquals(0, p.exitValue(), out);
      assertTrue(out.contains("OK " + size + " "), out);
      System.out.println("LargeEnvelopeTest: " + out.trim());
    } finally {
      log.delete();
    }
  }
}
