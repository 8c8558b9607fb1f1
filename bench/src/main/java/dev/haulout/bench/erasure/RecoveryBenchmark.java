package dev.haulout.bench.erasure;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.erasure.encoding.EncodedBlob;
import dev.haulout.erasure.encoding.EncoderOptions;
import dev.haulout.erasure.encoding.RecoverySymbol;
import dev.haulout.erasure.encoding.SliverRecovery;
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
 * Recovery of one lost primary sliver at n = 1000 from k2 = 667 proven symbols (verify 667 Merkle
 * proofs, RS-decode, re-hash the rebuilt sliver), and the source side: one node's symbol + proof.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
// -Xmx only: with -Xms6g every op's slivers (~300 MB) landed in never-touched heap pages, and on
// this VM the faults made an encode 1.4-2 s instead of 0.55-0.67 s (and the iterations drift)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class RecoveryBenchmark {
  @Param({"1000"})
  public int shards;

  @Param({"67108864"})
  public int bytes;

  private EncodingConfig cfg;
  private SliverRecovery recovery;
  private List<RecoverySymbol> symbols;
  private SliverData source;

  @Setup
  public void setup() {
    byte[] blob = new byte[bytes];
    new SplittableRandom(42).nextBytes(blob);
    cfg = EncodingConfig.forShards(shards);
    EncodedBlob e = BlobEncoder.create(cfg, EncoderOptions.defaults().withParallelism(2)).encode(blob);
    recovery = SliverRecovery.create(e.metadata());
    symbols = new ArrayList<>();
    // target: primary sliver 17; symbols from the last k2 secondary slivers (parity included)
    for (int j = shards - cfg.secondarySourceSymbols(); j < shards; j++) {
      symbols.add(SliverRecovery.recoverySymbol(cfg, e.secondarySliver(j), 17));
    }
    source = e.secondarySliver(5);
  }

  @Benchmark
  public SliverData recoverPrimarySliver() {
    return recovery.recover(Axis.PRIMARY, 17, symbols);
  }

  @Benchmark
  public RecoverySymbol produceRecoverySymbol() {
    return SliverRecovery.recoverySymbol(cfg, source, 17);
  }
}
