package dev.haulout.bench.erasure;

import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.erasure.EncodingConfig;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap of the 256 MiB encodes of issue #3, input streamed from a generator: {@code
 * computeMetadata} twice (the second reuses the first's arrays) and the streaming full encode
 * (slivers counted and dropped). Prints the sum of the heap pools' peak usage. Run with the heap
 * capped at 3x the blob:
 * {@code java -Xmx768m -XX:+UseSerialGC --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar dev.haulout.bench.erasure.PeakHeap}
 */
public final class PeakHeap {
  private PeakHeap() {}

  /** {@code len} pseudo-random bytes. */
  static InputStream gen(long len) {
    return new InputStream() {
      private long left = len;
      private long x = 12345;

      @Override
      public int read() {
        if (left == 0) {
          return -1;
        }
        left--;
        x = x * 6364136223846793005L + 1;
        return (int) (x >>> 56) & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int n) {
        if (left == 0) {
          return -1;
        }
        int k = (int) Math.min(n, left);
        for (int i = 0; i < k; i++) {
          x = x * 6364136223846793005L + 1;
          b[off + i] = (byte) (x >>> 56);
        }
        left -= k;
        return k;
      }
    };
  }
  static long peak() {
    long p = 0;
    for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
      if (m.getType() == MemoryType.HEAP) {
        p += m.getPeakUsage().getUsed();
      }
    }
    return p;
  }

  static void reset() {
    for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
      m.resetPeakUsage();
    }
  }
  public static void main(String[] args) throws Exception {
    long len = 256L << 20;
    BlobEncoder e = BlobEncoder.create(EncodingConfig.forShards(1000));
    System.gc();
    reset();
    e.computeMetadata(gen(len), len);
    System.out.printf("computeMetadata 256 MiB: pool peaks %d MiB (%.2fx)%n", peak() >> 20, peak() / (double) len);
    e.computeMetadata(gen(len), len);
    System.out.printf("second computeMetadata (reusing): pool peaks %d MiB%n", peak() >> 20);
    System.gc();
    reset();
    long[] bytes = {0};
    e.encode(gen(len), len, s -> bytes[0]++);
    System.out.printf("streaming encode 256 MiB after them: pool peaks %d MiB (%.2fx), %d slivers%n", peak() >> 20, peak() / (double) len, bytes[0]);
  }
}
