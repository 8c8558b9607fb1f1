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

  @Mixin
  StorageEndpoints endpoints;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    ByteRange r = range == null ? null : ByteRange.parseInclusive(range);
    try (BlobStore store = endpoints.open(false); InputStream in = store.read(blobId, r)) {
      if (out != null) {
        try (OutputStream o = Files.newOutputStream(out)) {
          in.transferTo(o);
        }
      } else {
        OutputStream stdout = System.out;
        in.transferTo(stdout);
        stdout.flush();
      }
    } catch (StorageException e) {
      err.println("error: " + e.getMessage() + " [" + e.code() + "]");
      return e.isNotFound() ? 3 : 1;
    } catch (IOException e) {
      err.println("error: read failed: " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
