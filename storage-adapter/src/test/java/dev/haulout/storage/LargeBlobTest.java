package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import dev.haulout.storage.embedded.StorageMain;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A large blob streamed in and out (256 MiB over 1000 shards, the top of the size range;
 * {@code -Dhaulout.storage.largeBlobMiB=64} runs 64 MiB over 100 shards for a quicker loop), and read back by a separate JVM whose heap is smaller than the
 * blob: the read path's memory is bounded by the read-ahead window, not the blob size.
 */
class LargeBlobTest {
  static final int MIB = Integer.getInteger("haulout.storage.largeBlobMiB", 256);

  /** A deterministic pseudo-random stream of {@code length} bytes. */
  static InputStream stream(long length, long seed) {
    Random r = new Random(seed);
    return new InputStream() {
      long left = length;
      final byte[] buf = new byte[8192];
      int pos = buf.length;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int k = (int) Math.min(len, left);
        for (int i = 0; i < k; i++) {
          if (pos == buf.length) {
            r.nextBytes(buf);
            pos = 0;
          }
          b[off + i] = buf[pos++];
        }
        left -= k;
        return k;
      }
    };
  }

  static byte[] sha256(InputStream in) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[1 << 16];
    int k;
    while ((k = in.read(buf)) >= 0) {
      md.update(buf, 0, k);
    }
    return md.digest();
  }

  @Test
  void largeBlobStreamsInAndOutAndAReaderWithASmallerHeapThanTheBlobReadsIt() throws Exception {
    long length = (long) MIB << 20;
    int shards = MIB > 100 ? 1000 : 100;
    try (TestNetwork net = TestNetwork.start(shards, EmbeddedNetworkOptions.defaults().withHealIntervalMs(0))) {
      byte[] expected = sha256(stream(length, 42));
      long t0 = System.nanoTime();
      StoreResult r = net.store.store(stream(length, 42), length, 1, ProgressListener.NONE);
      long t1 = System.nanoTime();
      byte[] got;
      try (InputStream in = net.store.read(r.blobId(), null)) {
        got = sha256(in);
      }
      long t2 = System.nanoTime();
      assertArrayEquals(expected, got);
      System.out.printf("large blob %d MiB over %d shards: store %.1f MiB/s, read %.1f MiB/s%n", MIB, shards,
          MIB / ((t1 - t0) / 1e9), MIB / ((t2 - t1) / 1e9));

      // memory ~ read-ahead x (row + its verification expansion); 2 rows in flight fit well below the blob
      int heapMiB = Math.min(48, MIB * 3 / 4);
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx" + heapMiB + "m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), StorageMain.class.getName(), "read",
          "--ledger=" + net.ledgerServer.baseUrl(), "--read-ahead=2", r.blobId()));
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      java.util.concurrent.CompletableFuture<byte[]> digest = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try (InputStream in = p.getInputStream()) {
          return sha256(in);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      boolean exited = p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS);
      if (!exited) {
        p.destroyForcibly();
      }
      assertEquals(true, exited, "reader JVM finished");
      assertEquals(0, p.exitValue(), "reader JVM with -Xmx" + heapMiB + "m exited");
      byte[] child = digest.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertArrayEquals(expected, child, "bytes read by a JVM whose heap (" + heapMiB + " MiB) is below the blob size");
    }
  }
}
