package dev.haulout.cli.erasure;

import dev.haulout.cli.InputFiles;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.erasure.encoding.EncoderOptions;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code haulout blob-id [--shards N] FILE...}: one line {@code <blobId> <file>} per file. */
@Command(
    name = "blob-id",
    mixinStandardHelpOptions = true,
    description = "Print the Walrus blob ID (base64url) of each file, as Walrus would compute it.")
public final class BlobIdCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--shards", defaultValue = "1000", description = "Number of shards n (default: ${DEFAULT-VALUE}, Walrus Mainnet/Testnet).")
  int shards;

  @Option(names = "--threads", defaultValue = "1", description = "Encoder threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--verbose", description = "Also print length, symbol size, root hash, encoded length and storage units.")
  boolean verbose;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to hash.")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    EncodingConfig cfg = EncodingConfig.forShards(shards);
    BlobEncoder enc = BlobEncoder.create(cfg, EncoderOptions.defaults().withParallelism(threads));
    PrintWriter out = spec.commandLine().getOut();
    for (Path f : files) {
      long len = InputFiles.regularFileSize(f);
      VerifiedBlobMetadata m;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 20)) {
        m = enc.computeMetadata(in, len);
      }
      out.println(m.blobId().toBase64() + " " + f);
      if (verbose) {
        out.println("  length " + len + ", symbol size " + m.symbolSize() + ", root "
            + java.util.HexFormat.of().formatHex(m.rootHash()) + ", encoded length "
            + cfg.encodedLength(len) + " B (" + cfg.storageUnits(len) + " storage units)");
      }
      out.flush();
    }
    return 0;
  }
}
