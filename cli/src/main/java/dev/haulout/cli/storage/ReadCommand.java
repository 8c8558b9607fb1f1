package dev.haulout.cli.storage;

import dev.haulout.storage.BlobStore;
import dev.haulout.storage.ByteRange;
import dev.haulout.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code haulout read BLOB_ID [--range a-b] > out}: streams a blob's verified bytes. */
@Command(name = "read", mixinStandardHelpOptions = true,
    description = "Write the verified bytes of BLOB_ID (or an inclusive byte range of it) to stdout or --out.")
public final class ReadCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BLOB_ID")
  String blobId;

  @Option(names = "--range", paramLabel = "a-b", description = "Inclusive byte range, as HTTP Range (e.g. 0-1023).")
  String range;

  @Option(names = {"-o", "--out"}, description = "Output file (default stdout).")
  Path out;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Mixin
  StorageEndpoints endpoints;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    ByteRange r = range == null ? null : ByteRange.parseInclusive(range);
    ProgressBar bar = new ProgressBar(err, quiet);
    try (BlobStore store = endpoints.open(false); InputStream in = store.read(blobId, r)) {
      long total = r == null ? -1 : r.end() - r.start();
      if (out != null) {
        try (OutputStream o = Files.newOutputStream(out)) {
          copy(in, o, bar, total);
        }
      } else {
        OutputStream stdout = System.out;
        copy(in, stdout, bar, total);
        stdout.flush();
      }
      bar.finish();
    } catch (StorageException e) {
      bar.finish();
      err.println("error: " + e.getMessage() + " [" + e.code() + "]");
      return e.isNotFound() ? 3 : 1;
    } catch (IOException e) {
      bar.finish();
      err.println("error: read failed: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  /** Copies verified bytes as they arrive, reporting progress ({@code total} -1 when unknown). */
  static void copy(InputStream in, OutputStream out, ProgressBar bar, long total) throws IOException {
    byte[] buf = new byte[1 << 16];
    long done = 0;
    bar.onProgress("read", 0, total);
    int k;
    while ((k = in.read(buf)) >= 0) {
      out.write(buf, 0, k);
      done += k;
      bar.onProgress("read", done, total);
    }
    bar.onProgress("read", done, total < 0 ? done : total);
  }
}
