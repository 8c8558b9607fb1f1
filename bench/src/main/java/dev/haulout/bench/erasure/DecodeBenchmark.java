package dev.haulout.bench.erasure;

import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.encoding.BlobDecoder;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.erasure.encoding.EncodedBlob;
import dev.haulout.erasure.encoding.EncoderOptions;
import java.util.ArrayList;
import java.util.List;
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
 * Decode from exactly k1 primary slivers, each verified against the metadata: {@code systematic}
 * (slivers 0..k1-1, no RS work) or {@code parity} (the last k1 slivers: worst case, every column
 * RS-decoded, plus the consistency check of all rebuilt slivers).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
// -Xmx only: with -Xms6g every op's slivers (~300 MB) landed in never-touched heap pages, and on
// this VM the faults made an encode 1.4-2 s instead of 0.55-0.67 s (and the iterations drift)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class DecodeBenchmark {
  @Param({"1000"})
  public int shards;

  @Param({"67108864"})
  public int bytes;

  @Param({"systematic", "parity"})
  public String slivers;

  @Param({"1"})
  public int threads;

  private List<SliverData> input;
  private BlobDecoder decoder;

  @Setup
  public void setup() {
    byte[] blob = new byte[bytes];
    new SplittableRandom(42).nextBytes(blob);
    EncodingConfig cfg = EncodingConfig.forShards(shards);
    EncodedBlob e = BlobEncoder.create(cfg, EncoderOptions.defaults().withParallelism(2)).encode(blob);
    int k1 = cfg.primarySourceSymbols();
    input = new ArrayList<>();
    int from = slivers.equals("systematic") ? 0 : shards - k1;
    for (int i = from; i < from + k1; i++) {
      input.add(e.primarySliver(i));
    }
    decoder = BlobDecoder.create(e.metadata(), EncoderOptions.defaults().withParallelism(threads));
  }

  @Benchmark
  public byte[] decode() {
    return decoder.decode(input);
  }
}
