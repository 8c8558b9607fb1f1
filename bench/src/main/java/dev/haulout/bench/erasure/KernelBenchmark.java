package dev.haulout.bench.erasure;

import dev.haulout.erasure.internal.Blake2bBatch;
import dev.haulout.erasure.rs.BitslicedCodingLoop;
import dev.haulout.erasure.rs.CodingLoop;
import dev.haulout.erasure.rs.ReedSolomon;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two vector kernels alone, scalar against vector at the width of the fork
 * ({@code -jvmArgsAppend -Dhaulout.erasure.vector.bits=256}, or native): {@code hash} is 1024
 * BLAKE2b messages of {@code len} bytes (302 + prefix 0: Walrus leaves at n = 1000, 64 + prefix
 * 1: Merkle nodes), so ns/op / 1024 is ns per message; {@code rs} is one RS(334, 666) encode of
 * 16 symbols of 302 bytes per shard (the column code of a 64 MiB blob at n = 1000, one batch).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class KernelBenchmark {
  @Param({"scalar", "vector"})
  public String path;

  @Param({"302", "64"})
  public int len;

  private static final int MESSAGES = 1024;
  private byte[] data;
  private byte[] out;
  private Blake2bBatch batch;
  private ReedSolomon rs;
  private CodingLoop loop;
  private byte[] work;
  private byte[] originals;
  private int shardLen;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(1);
    data = new byte[MESSAGES * len];
    rnd.nextBytes(data);
    out = new byte[32 * MESSAGES];
    int prefix = len == 64 ? 1 : 0;
    boolean vector = path.equals("vector");
    batch = vector ? Blake2bBatch.vector(prefix, len) : Blake2bBatch.scalar(prefix, len);
    rs = ReedSolomon.create(334, 666);
    loop = vector ? CodingLoop.vectorLoop() : BitslicedCodingLoop.instance();
    shardLen = 16 * 302;
    work = new byte[rs.workShards() * shardLen];
    originals = new byte[334 * shardLen];
    rnd.nextBytes(originals);
  }

  @Benchmark
  public byte[] hash() {
    for (int i = 0; i < MESSAGES; i++) {
      batch.add(data, i * len, out, 32 * i);
    }
    batch.flush();
    return out;
  }

  @Benchmark
  public byte[] rs() {
    System.arraycopy(originals, 0, work, 0, originals.length);
    rs.encodeInPlace(loop, work, shardLen, 302);
    return work;
  }
}
