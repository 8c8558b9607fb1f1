package dev.haulout.bench.erasure;

import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.erasure.encoding.EncodedBlob;
import dev.haulout.erasure.encoding.EncoderOptions;
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

/** Full encode: all 2n slivers plus metadata, held in memory. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
// -Xmx only: with -Xms6g every op's slivers (~300 MB) landed in never-touched heap pages, and on
// this VM the faults made an encode 1.4-2 s instead of 0.55-0.67 s (and the iterations drift)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class EncodeBenchmark {
  @Param({"1000", "100"})
  public int shards;

  @Param({"67108864"})
  public int bytes;

  @Param({"1"})
  public int threads;

  private byte[] blob;
  private BlobEncoder encoder;

  @Setup
  public void setup() {
    blob = new byte[bytes];
    new SplittableRandom(42).nextBytes(blob);
    encoder = BlobEncoder.create(EncodingConfig.forShards(shards), EncoderOptions.defaults().withParallelism(threads));
  }

  @Benchmark
  public EncodedBlob encode() {
    return encoder.encode(blob);
  }
}
