package dev.haulout.cli.erasure;

import dev.haulout.cli.InputFiles;
import dev.haulout.erasure.Axis;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.erasure.encoding.EncoderOptions;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code haulout encode [--shards N] --out DIR FILE}: metadata and all 2n slivers as BCS files. */
@Command(
    name = "encode",
    mixinStandardHelpOptions = true,
    description = {
      "Encode FILE with Walrus RS2 into DIR: metadata.bcs (BlobMetadataWithId) and",
      "primary-IIIII.bcs / secondary-JJJJJ.bcs (BCS SliverData, by sliver index).",
      "Delete some slivers and run 'haulout decode' to watch the erasure code work."
    })
public final class EncodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--shards", defaultValue = "1000", description = "Number of shards n (default: ${DEFAULT-VALUE}).")
  int shards;

  @Option(names = "--threads", defaultValue = "1", description = "Encoder threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory (created).")
  Path outDir;

  @Parameters(index = "0", paramLabel = "FILE", description = "File to encode.")
  Path file;

  @Override
  public Integer call() throws Exception {
    EncodingConfig cfg = EncodingConfig.forShards(shards);
    Files.createDirectories(outDir);
    long len = InputFiles.regularFileSize(file);
    BlobEncoder enc = BlobEncoder.create(cfg, EncoderOptions.defaults().withParallelism(threads));
    VerifiedBlobMetadata m;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
      m = enc.encode(in, len, sliver -> {
        try {
          Files.write(SliverFiles.sliver(outDir, sliver.axis(), sliver.index()), sliver.toBcs());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    Files.write(outDir.resolve(SliverFiles.METADATA), m.toBcsWithId());
    PrintWriter out = spec.commandLine().getOut();
    out.println(m.blobId().toBase64() + " " + file);
    out.printf("n=%d f=%d k1=%d k2=%d symbol size %d B; primary sliver %d B, secondary sliver %d B%n",
        cfg.nShards(), cfg.maxFaulty(), cfg.primarySourceSymbols(), cfg.secondarySourceSymbols(), m.symbolSize(),
        m.sliverLength(Axis.PRIMARY), m.sliverLength(Axis.SECONDARY));
    out.printf("wrote %s and %d sliver files to %s; encoded length %d B (%d storage units)%n",
        SliverFiles.METADATA, 2 * cfg.nShards(), outDir, cfg.encodedLength(len), cfg.storageUnits(len));
    out.printf("decoding needs any %d primary or %d secondary slivers%n", cfg.primarySourceSymbols(), cfg.secondarySourceSymbols());
    out.flush();
    return 0;
  }
}
