package dev.haulout.bench.erasure;

import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.encoding.BlobEncoder;
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

/**
 * Blob ID (Walrus {@code compute_metadata}: all n^2 symbols expanded and hashed, no slivers kept).
 * {@code bytes = 1} is the fixed cost; divide the blob size by the score for MiB/s. Warm-up is
 * 15 x 2 s: the vector code (and the 64 MiB heap churn) needs several seconds of C2 before a
 * 64 MiB op settles; with 5 x 1 s the measured iterations were still falling (771, 727, 626 ms).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class BlobIdBenchmark {
  @Param({"1000"})
  public int shards;

  @Param({"1", "67108864"})
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
  public BlobId blobId() {
    return encoder.computeMetadata(blob).blobId();
  }
}
