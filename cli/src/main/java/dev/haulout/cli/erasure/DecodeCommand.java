package dev.haulout.cli.erasure;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.encoding.BlobDecoder;
import dev.haulout.erasure.encoding.EncoderOptions;
import dev.haulout.erasure.metadata.UnverifiedBlobMetadata;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code haulout decode --out FILE DIR}: verifies the metadata and slivers in DIR and rebuilds the blob. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = "Rebuild a blob from a directory written by 'haulout encode' (any k1 primary or k2 secondary slivers suffice).")
public final class DecodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--threads", defaultValue = "1", description = "Decoder threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Where to write the blob.")
  Path outFile;

  @Parameters(index = "0", paramLabel = "DIR", description = "Directory with metadata.bcs and sliver files.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    UnverifiedBlobMetadata raw = UnverifiedBlobMetadata.fromBcs(Files.readAllBytes(dir.resolve(SliverFiles.METADATA)));
    VerifiedBlobMetadata m = raw.verify(EncodingConfig.forShards(raw.metadata().nShards()));
    List<SliverData> slivers = new ArrayList<>();
    int[] counts = new int[2];
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.bcs")) {
      for (Path p : ds) {
        SliverFiles.Name id = SliverFiles.parse(p.getFileName().toString());
        if (id != null) {
          Axis axis = id.axis();
          slivers.add(SliverData.fromBcs(axis, Files.readAllBytes(p)));
          counts[axis.ordinal()]++;
        }
      }
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(outFile), 1 << 20)) {
      BlobDecoder.create(m, EncoderOptions.defaults().withParallelism(threads)).decode(slivers, out);
    }
    PrintWriter pw = spec.commandLine().getOut();
    pw.printf("%s: %d bytes from %d primary / %d secondary slivers found -> %s%n",
        m.blobId().toBase64(), m.unencodedLength(), counts[0], counts[1], outFile);
    pw.flush();
    return 0;
  }
}
