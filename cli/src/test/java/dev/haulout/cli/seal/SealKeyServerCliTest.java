package dev.haulout.cli.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.haulout.cli.Haulout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen → serve (3 key servers) → encrypt → fetch-key: decrypts via t-of-n live servers. */
class SealKeyServerCliTest {
  @TempDir Path dir;

  @Test
  void decryptsAFileThroughLocallyServedKeyServersAndRefusesAnUnlistedUser() throws Exception {
    int portBase = freePortRun(3);
    Path keys = dir.resolve("keys.json");
    assertEquals(0, Haulout.run("seal", "keygen", "--n", "3", "--out", keys.toString(), "--port-base", Integer.toString(portBase)));
    Path aliceKey = dir.resolve("alice.key");
    String alice = captureOut(() -> Haulout.run("seal", "user-key", "--out", aliceKey.toString())).strip();
    Path bobKey = dir.resolve("bob.key");
    assertEquals(0, Haulout.run("seal", "user-key", "--out", bobKey.toString()));

    Thread serve =
        new Thread(
            () -> Haulout.run("seal", "serve", "--keys", keys.toString(), "--allow", alice, "--servers", "ks0,ks2", "--run-seconds", "60"),
            "serve");
    serve.setDaemon(true);
    serve.start();
    awaitListening(portBase);
    awaitListening(portBase + 2);

    byte[] msg = new byte[5000];
    new SecureRandom().nextBytes(msg);
    Files.write(dir.resolve("msg"), msg);
    assertEquals(0, Haulout.run("seal", "encrypt", "--keys", keys.toString(), "--id", "0xcafe", "--in", dir.resolve("msg").toString(), "--out", dir.resolve("obj").toString(), "--threshold", "2"));

    // ks1 is not running: 2 of 3 is enough
    assertEquals(0, Haulout.run("seal", "fetch-key", "--keys", keys.toString(), "--in", dir.resolve("obj").toString(), "--out", dir.resolve("dec").toString(), "--user-key-file", aliceKey.toString(), "--timeout", "3"));
    assertArrayEquals(msg, Files.readAllBytes(dir.resolve("dec")));

    // a streaming envelope of the same file, data key sealed 2-of-3
    assertEquals(0, Haulout.run("seal", "encrypt", "--keys", keys.toString(), "--id", "0xcafe01", "--in", dir.resolve("msg").toString(), "--out", dir.resolve("env").toString(), "--threshold", "2", "--envelope", "--chunk-size", "1024"));
    assertEquals(0, Haulout.run("seal", "fetch-key", "--keys", keys.toString(), "--in", dir.resolve("env").toString(), "--out", dir.resolve("dec-env").toString(), "--user-key-file", aliceKey.toString(), "--timeout", "3"));
    assertArrayEquals(msg, Files.readAllBytes(dir.resolve("dec-env")));

    assertEquals(1, Haulout.run("seal", "fetch-key", "--keys", keys.toString(), "--in", dir.resolve("obj").toString(), "--out", dir.resolve("dec-bob").toString(), "--user-key-file", bobKey.toString(), "--timeout", "3"));
    assertFalse(Files.exists(dir.resolve("dec-bob")));
  }

  private static String captureOut(java.util.function.IntSupplier r) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, r.getAsInt());
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  /** A base port such that base..base+n-1 are all free on loopback right now. */
  private static int freePortRun(int n) throws java.io.IOException {
    SecureRandom r = new SecureRandom();
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 21000 + r.nextInt(20000);
      boolean free = true;
      for (int p = base; p < base + n && free; p++) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
          s.setReuseAddress(true);
        } catch (java.io.IOException e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new java.io.IOException("no run of " + n + " free ports found");
  }

  private static void awaitListening(int port) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("nothing listens on " + port);
  }
}
