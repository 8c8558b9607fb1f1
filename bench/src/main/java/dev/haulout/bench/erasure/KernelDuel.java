package dev.haulout.bench.erasure;

import dev.haulout.erasure.internal.Blake2bBatch;
import dev.haulout.erasure.internal.VectorSupport;
import dev.haulout.erasure.rs.BitslicedCodingLoop;
import dev.haulout.erasure.rs.CodingLoop;
import dev.haulout.erasure.rs.ReedSolomon;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Scalar and vector kernels alternating in one JVM, timed in thread CPU time (less sensitive to
 * other tenants' load than wall time on a shared machine): BLAKE2b of 1024 leaves (302 bytes,
 * prefix 0) and of 1024 Merkle nodes (64 bytes, prefix 1), and one RS(334, 666) encode of 16
 * symbols of 302 bytes. Prints the median per round of each and the ratio. Width: the fork's
 * ({@code -Dhaulout.erasure.vector.bits=128} to force one).
 *
 * <pre>java --add-modules jdk.incubator.vector [-Dhaulout.erasure.vector.bits=128] \
 *   -cp bench/target/benchmarks.jar dev.haulout.bench.erasure.KernelDuel [rounds]</pre>
 */
public final class KernelDuel {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private KernelDuel() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    System.out.println("KernelDuel: " + VectorSupport.describe() + ", JDK " + Runtime.version());
    SplittableRandom rnd = new SplittableRandom(1);
    byte[] leaves = new byte[1024 * 302];
    byte[] nodes = new byte[1024 * 64];
    rnd.nextBytes(leaves);
    rnd.nextBytes(nodes);
    byte[] out = new byte[32 * 1024];
    Blake2bBatch[] leaf = {Blake2bBatch.scalar(0, 302), Blake2bBatch.vector(0, 302)};
    Blake2bBatch[] node = {Blake2bBatch.scalar(1, 64), Blake2bBatch.vector(1, 64)};
    ReedSolomon rs = ReedSolomon.create(334, 666);
    CodingLoop[] loops = {BitslicedCodingLoop.instance(), CodingLoop.vectorLoop()};
    int shardLen = 16 * 302;
    byte[] originals = new byte[334 * shardLen];
    rnd.nextBytes(originals);
    byte[] work = new byte[rs.workShards() * shardLen];
    long[][][] t = new long[3][2][rounds];
    for (int r = -rounds; r < rounds; r++) { // the first half warms up
      for (int p = 0; p < 2; p++) {
        long a = CPU.getCurrentThreadCpuTime();
        for (int rep = 0; rep < 4; rep++) {
          hash(leaf[p], leaves, 302, out);
        }
        long b = CPU.getCurrentThreadCpuTime();
        for (int rep = 0; rep < 8; rep++) {
          hash(node[p], nodes, 64, out);
        }
        long c = CPU.getCurrentThreadCpuTime();
        System.arraycopy(originals, 0, work, 0, originals.length);
        rs.encodeInPlace(loops[p], work, shardLen, 302);
        long d = CPU.getCurrentThreadCpuTime();
        if (r >= 0) {
          t[0][p][r] = (b - a) / 4;
          t[1][p][r] = (c - b) / 8;
          t[2][p][r] = d - c;
        }
      }
    }
    String[] what = {"BLAKE2b 1024 leaves (302 B)", "BLAKE2b 1024 nodes (64 B)", "RS(334,666) 16 x 302 B"};
    for (int k = 0; k < 3; k++) {
      double s = median(t[k][0]) / 1e3;
      double v = median(t[k][1]) / 1e3;
      System.out.printf("%-30s scalar %9.1f us  vector %9.1f us  vector speed-up %.2fx%n", what[k], s, v, s / v);
    }
  }

  private static void hash(Blake2bBatch b, byte[] data, int len, byte[] out) {
    for (int i = 0; i < 1024; i++) {
      b.add(data, i * len, out, 32 * i);
    }
    b.flush();
  }

  private static double median(long[] x) {
    long[] y = x.clone();
    Arrays.sort(y);
    return y[y.length / 2];
  }
}
