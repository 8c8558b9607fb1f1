package dev.haulout.cli.storage;

import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.model.Blob;
import dev.haulout.cli.InputFiles;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.storage.Committee;
import dev.haulout.storage.aggregator.PublisherAnswers;
import dev.haulout.storage.BlobStore;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.StoreResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code haulout store FILE [--epochs N]}: stores a file as a certified Walrus blob. With a
 * publisher configured ({@code --publisher}/$HAULOUT_PUBLISHER_URL) the bytes go to it (a warm
 * process encodes and uploads) and the answer is checked on the ledger when one is configured;
 * {@code --local} encodes here and talks to the storage nodes.
 */
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

  @Option(names = "--local", description = "Encode here and upload to the storage nodes even when a publisher is configured.")
  boolean local;

  @Option(names = "--verify-blob-id", description = "Through a publisher: also compute the blob ID here (as costly as --local's encode) and refuse an answer naming another.")
  boolean verifyBlobId;

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
    boolean viaPublisher = !local && endpoints.publisherUrl() != null;
    String checked = null;
    long open0 = System.nanoTime();
    try (BlobStore store = endpoints.open(true, StorageClientOptions.defaults().withBatchUploads(!perSliverUploads), !local);
         InputStream in = Files.newInputStream(file)) {
      if (times != null) {
        times.onStep("open store", open0, System.nanoTime());
      }
      CompletableFuture<String> localId = viaPublisher && verifyBlobId ? localBlobId(size) : null;
      r = store.store(in, size, epochs, times != null ? times : bar);
      if (viaPublisher) {
        checked = checkPublisherAnswer(r, size, localId, times);
      }
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
    if (viaPublisher) {
      out.println("checked:  " + checked);
    }
    out.println("cost:     " + new BigDecimal(r.costFrost()).movePointLeft(9).stripTrailingZeros().toPlainString()
        + " WAL (" + r.costFrost() + " FROST)");
    out.flush();
    return 0;
  }

  /** The blob ID of the file at the ledger committee's shard count, computed while the publisher works. */
  private CompletableFuture<String> localBlobId(long size) {
    return CompletableFuture.supplyAsync(() -> {
      try (HttpLedgerClient ledger = HttpLedgerClient.create(endpoints.ledgerUrl());
           InputStream in = Files.newInputStream(file)) {
        int n = Committee.fromLedger(ledger).nShards();
        return BlobEncoder.create(EncodingConfig.forShards(n)).computeMetadata(in, size).blobId().toBase64();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The publisher's word checked: the certified Blob on the ledger (when one is configured) and the blob ID (when asked). */
  private String checkPublisherAnswer(StoreResult r, long size, CompletableFuture<String> localId, StepTimes times) {
    StringBuilder what = new StringBuilder();
    String ledgerUrl = endpoints.configuredLedgerUrl();
    long t0 = System.nanoTime();
    if (ledgerUrl != null) {
      try (HttpLedgerClient ledger = HttpLedgerClient.create(ledgerUrl)) {
        Blob b = PublisherAnswers.verifyCertified(ledger, r, size);
        what.append("certified in epoch ").append(b.certifiedEpoch()).append(" on the ledger (object ").append(b.id()).append(')');
      }
    } else {
      what.append("the publisher's word (set --ledger or $HAULOUT_LEDGER_URL to check the certificate)");
    }
    if (times != null) {
      times.onStep("check certificate", t0, System.nanoTime());
    }
    if (localId != null) {
      long t1 = System.nanoTime();
      String expected;
      try {
        expected = localId.join();
      } catch (CompletionException e) {
        throw StorageException.internal("cannot compute the blob ID here: " + e.getCause().getMessage(), e.getCause());
      }
      PublisherAnswers.verifyBlobId(r, expected);
      if (times != null) {
        times.onStep("wait for local blob ID", t1, System.nanoTime());
      }
      what.append("; blob ID computed here matches");
    }
    return what.toString();
  }
}
