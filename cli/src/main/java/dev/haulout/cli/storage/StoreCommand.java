package dev.haulout.cli.storage;

import dev.haulout.cli.InputFiles;
import dev.haulout.storage.BlobStore;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.StoreResult;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code haulout store FILE [--epochs N]}: stores a file as a certified Walrus blob. */
@Command(name = "store", mixinStandardHelpOptions = true,
    description = "Store FILE as a Walrus blob (progress on stderr); prints the blob ID and the cost.")
public final class StoreCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Option(names = "--epochs", defaultValue = "1", description = "Storage epochs (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(names = "--verbose", description = "Print where the time went (JVM start, encode, each ledger transaction, each node's uploads and confirmation) on stderr.")
  boolean verbose;

  /** For side-by-side benchmarks (storage-adapter/bench/store-latency.sh): the Walrus per-sliver routes only. */
  @Option(names = "--per-sliver-uploads", hidden = true)
  boolean perSliverUploads;

  @Mixin
  StorageEndpoints endpoints;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long size = InputFiles.regularFileSize(file);
    ProgressBar bar = new ProgressBar(err, quiet);
    StepTimes times = verbose ? new StepTimes(bar) : null;
    StoreResult r;
    long open0 = System.nanoTime();
    try (BlobStore store = endpoints.open(true, StorageClientOptions.defaults().withBatchUploads(!perSliverUploads));
         InputStream in = Files.newInputStream(file)) {
      if (times != null) {
        times.onStep("open store", open0, System.nanoTime());
      }
      r = store.store(in, size, epochs, times != null ? times : bar);
    } catch (StorageException e) {
      bar.finish();
      err.println("error: " + e.getMessage() + " [" + e.code() + "]");
      return 1;
    }
    bar.finish();
    if (times != null) {
      times.print(err);
    }
    out.println("blob ID:  " + r.blobId());
    if (r.blobObjectId() != null) {
      out.println("object:   " + r.blobObjectId());
    }
    out.println("size:     " + r.size() + " bytes" + (r.encodedLength() > 0 ? " (encoded " + r.encodedLength() + ")" : ""));
    out.println("status:   " + (r.newlyCreated() ? "newly created" : "already certified") + ", stored until epoch " + r.endEpoch());
    out.println("cost:     " + new BigDecimal(r.costFrost()).movePointLeft(9).stripTrailingZeros().toPlainString()
        + " WAL (" + r.costFrost() + " FROST)");
    out.flush();
    return 0;
  }
}
