package dev.haulout.storage.write;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.StoragePrices;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.SystemState;
import dev.haulout.chain.model.Versioned;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.erasure.encoding.EncoderOptions;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.storage.Committee;
import dev.haulout.storage.ProgressListener;
import dev.haulout.storage.QuorumNotReachedException;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.StoreResult;
import dev.haulout.storage.bls.BlsSignatures;
import dev.haulout.storage.client.StorageNodeClient;
import dev.haulout.storage.internal.Retry;
import dev.haulout.storage.internal.SliverSpool;
import dev.haulout.storage.node.SignedConfirmation;
import dev.haulout.storage.node.SliverBatch;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Walrus write path straight to storage nodes (SPEC §11): encode (slivers spooled to disk
 * for large blobs), buy storage and register the blob on the ledger (paying WAL), upload the
 * metadata and each node's sliver pairs in parallel with bounded concurrency and retries,
 * collect and verify the BLS confirmations, aggregate them once the signers' shards reach a
 * quorum ({@code 3w >= 2n + 1}) and certify on the ledger. Aborts with
 * {@link QuorumNotReachedException} as soon as nodes holding more than f shards have failed.
 */
public final class BlobWriter {
  /** Blobs above this many bytes have their slivers spooled to a temporary directory. */
  public static final long SPOOL_THRESHOLD = 16L << 20;

  private final Ledger ledger;
  private final Ed25519KeyPair wallet;
  private final HttpClient http;
  private final StorageClientOptions options;
  private final ExecutorService pool;

  private BlobWriter(Ledger ledger, Ed25519KeyPair wallet, HttpClient http, StorageClientOptions options, ExecutorService pool) {
    this.ledger = ledger;
    this.wallet = wallet;
    this.http = http;
    this.options = options;
    this.pool = pool;
  }

  /** {@code pool} runs the blocking HTTP calls; its size bounds the requests in flight. */
  public static BlobWriter create(Ledger ledger, Ed25519KeyPair wallet, HttpClient http, StorageClientOptions options,
      ExecutorService pool) {
    return new BlobWriter(ledger, wallet, http, options, pool);
  }

  public StoreResult store(InputStream in, long length, int epochs, boolean deletable, ProgressListener progress)
      throws IOException {
    if (wallet == null) {
      throw new IllegalStateException("this blob store is read-only: it has no wallet to pay for storage");
    }
    if (length < 0 || epochs < 1) {
      throw new IllegalArgumentException("length must be >= 0 and epochs >= 1: " + length + ", " + epochs);
    }
    long t0 = System.nanoTime();
    Committee committee = Committee.fromLedger(ledger);
    progress.onStep("read committee", t0, System.nanoTime());
    EncodingConfig config = EncodingConfig.forShards(committee.nShards());
    try (SliverSpool spool = length > SPOOL_THRESHOLD ? SliverSpool.onDisk() : SliverSpool.inMemory()) {
      progress.onProgress("encode", 0, length);
      t0 = System.nanoTime();
      EncoderOptions eo = EncoderOptions.defaults().withParallelism(Runtime.getRuntime().availableProcessors());
      VerifiedBlobMetadata meta = BlobEncoder.create(config, eo).encode(in, length, spool);
      progress.onProgress("encode", length, length);
      progress.onStep("encode", t0, System.nanoTime());
      BlobId id = meta.blobId();
      SystemState sys = step(progress, "read system state", ledger::systemState);
      StoreResult existing = step(progress, "look up certified blob",
          () -> alreadyCertified(id, sys.epoch() + epochs, deletable, length, config));
      if (existing != null) {
        return existing;
      }
      long encoded = config.encodedLength(length);
      progress.onProgress("register", 0, 2);
      TxReceipt bought = step(progress, "tx BuyStorage",
          () -> LedgerCalls.submit(ledger, wallet, new TxKind.BuyStorage(encoded, epochs)));
      TxReceipt reg = step(progress, "tx RegisterBlob", () -> LedgerCalls.submit(ledger, wallet,
          new TxKind.RegisterBlob(bought.createdObjects().get(0), id.toBytes(), meta.rootHash(), length, EncodingConfig.ENCODING_TYPE_RS2, deletable)));
      progress.onProgress("register", 2, 2);
      String blobObject = reg.createdObjects().get(0);
      long cost = StoragePrices.quote(sys, encoded, epochs);
      Map<Committee.Member, SignedConfirmation> confirmations = step(progress, "upload to quorum + grace",
          () -> uploadAndConfirm(committee, meta, spool, deletable ? blobObject : null, progress));
      progress.onProgress("certify", 0, 1);
      List<Integer> signers = new ArrayList<>();
      List<byte[]> sigs = new ArrayList<>();
      confirmations.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.index(), b.index())))
          .forEach(e -> {
            signers.add(e.getKey().index());
            sigs.add(e.getValue().signature());
          });
      step(progress, "tx CertifyBlob",
          () -> LedgerCalls.submit(ledger, wallet, new TxKind.CertifyBlob(blobObject, signers, BlsSignatures.aggregate(sigs))));
      progress.onProgress("certify", 1, 1);
      Blob b = step(progress, "read Blob object", () -> blob(blobObject));
      return new StoreResult(id.toBase64(), blobObject, b.storage().id(), length, encoded, b.registeredEpoch(),
          b.certifiedEpoch() == null ? -1 : b.certifiedEpoch(), b.storage().endEpoch(), cost, true);
    }
  }

  private static <T> T step(ProgressListener progress, String name, java.util.function.Supplier<T> body) {
    long t0 = System.nanoTime();
    try {
      return body.get();
    } finally {
      progress.onStep(name, t0, System.nanoTime());
    }
  }

  private Blob blob(String objectId) {
    try {
      return (Blob) ledger.object(objectId).orElseThrow().object();
    } catch (LedgerException e) {
      throw LedgerCalls.translate(e);
    }
  }

  private StoreResult alreadyCertified(BlobId id, int neededEnd, boolean deletable, long length, EncodingConfig config) {
    for (Versioned<ChainObject> v : ledger.blobsByBlobId(id.toBase64())) {
      if (v.object() instanceof Blob) {
        Blob b = (Blob) v.object();
        if (b.certifiedEpoch() != null && b.storage().endEpoch() >= neededEnd && (deletable || !b.deletable())) {
          return new StoreResult(id.toBase64(), b.id(), b.storage().id(), length, config.encodedLength(length), b.registeredEpoch(),
              b.certifiedEpoch(), b.storage().endEpoch(), 0, false);
        }
      }
    }
    return null;
  }

  private Map<Committee.Member, SignedConfirmation> uploadAndConfirm(Committee committee, VerifiedBlobMetadata meta,
      SliverSpool spool, String deletableObject, ProgressListener progress) {
    BlobId id = meta.blobId();
    int n = committee.nShards();
    long perPair = meta.sliverLength(Axis.PRIMARY) + meta.sliverLength(Axis.SECONDARY);
    long total = perPair * n;
    AtomicLong uploaded = new AtomicLong();
    AtomicLong confirmedWeight = new AtomicLong();
    AtomicLong failedWeight = new AtomicLong();
    Map<Committee.Member, SignedConfirmation> confirmations = new ConcurrentHashMap<>();
    Map<Committee.Member, Throwable> failures = new ConcurrentHashMap<>();
    // completed on abort: queued uploads then stop. After a quorum plus the grace period the
    // write returns, and the slower nodes' uploads finish in the background (best effort).
    CompletableFuture<Void> aborted = new CompletableFuture<>();
    CompletableFuture<Void> quorum = new CompletableFuture<>();
    List<CompletableFuture<?>> perNode = new ArrayList<>();
    progress.onProgress("upload", 0, total);
    for (Committee.Member m : committee.members()) {
      if (m.shards().isEmpty()) {
        continue;
      }
      StorageNodeClient client = StorageNodeClient.create(m.url(), http, options);
      String node = "node " + m.index() + " ";
      CompletableFuture<SignedConfirmation> f = CompletableFuture
          .supplyAsync(() -> step(progress, node + "metadata", () -> Retry.call(options, () -> client.putMetadata(id, meta, false))), pool)
          .thenCompose(x -> {
            long slivers0 = System.nanoTime();
            List<CompletableFuture<?>> puts = new ArrayList<>();
            AtomicBoolean batchUnsupported = new AtomicBoolean();
            for (List<SliverRef> batch : batches(m, id, n, meta)) {
              puts.add(CompletableFuture.runAsync(() -> {
                if (aborted.isDone()) {
                  throw new IllegalStateException("write aborted");
                }
                upload(client, id, n, meta, batch, spool, batchUnsupported);
                long bytes = batch.stream().mapToLong(r -> meta.sliverLength(r.axis())).sum();
                progress.onProgress("upload", uploaded.addAndGet(bytes), total);
              }, pool));
            }
            return CompletableFuture.allOf(puts.toArray(new CompletableFuture<?>[0]))
                .thenRun(() -> progress.onStep(node + "slivers", slivers0, System.nanoTime()));
          })
          .thenApplyAsync(x -> step(progress, node + "confirmation", () -> Retry.call(options,
              () -> client.getAndVerifyConfirmation(id, committee.epoch(), deletableObject, m.blsPublicKey()))), pool);
      perNode.add(f.whenComplete((c, err) -> {
        if (err == null) {
          confirmations.put(m, c);
          long w = confirmedWeight.addAndGet(m.shards().size());
          progress.onProgress("confirm", w, n);
          if (committee.isQuorum(w)) {
            quorum.complete(null);
          }
        } else {
          failures.put(m, err);
          if (!committee.isQuorum(n - failedWeight.addAndGet(m.shards().size()))) {
            aborted.complete(null);
          }
        }
      }));
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(perNode.toArray(new CompletableFuture<?>[0]));
    try {
      CompletableFuture.anyOf(all, aborted, quorum).get(options.requestTimeout().toMillis() * (options.maxAttempts() + 1) * 4,
          TimeUnit.MILLISECONDS);
      if (quorum.isDone() && !all.isDone()) {
        // Walrus: once a quorum has confirmed, give the other nodes a short grace period, then
        // certify without them (a hung node must not hold the write up to the request timeout)
        all.get(options.quorumGrace().toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("CANCELLED", 0, StorageErrorCode.INTERRUPTED, "interrupted while uploading", null, null, e);
    } catch (ExecutionException | TimeoutException e) {
      // per-node failures are recorded in failures; the quorum check decides
    }
    if (!committee.isQuorum(confirmedWeight.get())) {
      Throwable first = failures.values().stream().findFirst().orElse(null);
      throw new QuorumNotReachedException(id.toBase64(), confirmedWeight.get(), failedWeight.get(), n,
          first == null ? null : unwrap(first));
    }
    return Map.copyOf(confirmations);
  }

  /** Bytes of slivers per batch request: a few per node, so a node verifies one while the next arrives. */
  static final long BATCH_BYTES = 1L << 20;
  /** Slivers per batch request. */
  static final int BATCH_SLIVERS = 256;

  /** One sliver to upload: its pair and axis. */
  private record SliverRef(int pair, Axis axis) {
    int index(int n) {
      return axis == Axis.PRIMARY ? pair : n - 1 - pair;
    }
  }

  /**
   * Both slivers of every pair of the member's shards, in batches of at most {@link #BATCH_BYTES}
   * and {@link #BATCH_SLIVERS}; a sliver above {@link SliverBatch#MAX_SLIVER_BYTES} is a batch of
   * its own and goes by the per-sliver route.
   */
  private static List<List<SliverRef>> batches(Committee.Member m, BlobId id, int n, VerifiedBlobMetadata meta) {
    List<List<SliverRef>> out = new ArrayList<>();
    List<SliverRef> cur = new ArrayList<>();
    long bytes = 0;
    for (int shard : m.shards()) {
      int pair = id.pairOnShard(shard, n);
      for (Axis axis : Axis.values()) {
        long len = meta.sliverLength(axis);
        if (!cur.isEmpty() && (bytes + len > BATCH_BYTES || cur.size() >= BATCH_SLIVERS || !SliverBatch.fits(len))) {
          out.add(cur);
          cur = new ArrayList<>();
          bytes = 0;
        }
        cur.add(new SliverRef(pair, axis));
        bytes += len;
      }
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }

  /**
   * Uploads one batch with the batch route, or sliver by sliver when it is a single large sliver
   * or the node does not serve the route (remembered in {@code unsupported}, e.g. a Walrus node).
   */
  private void upload(StorageNodeClient client, BlobId id, int n, VerifiedBlobMetadata meta, List<SliverRef> batch,
      SliverSpool spool, AtomicBoolean unsupported) {
    boolean single = batch.size() == 1 && !SliverBatch.fits(meta.sliverLength(batch.get(0).axis()));
    if (!single && options.batchUploads() && !unsupported.get()) {
      try {
        List<SliverBatch.Entry> entries = new ArrayList<>(batch.size());
        for (SliverRef r : batch) {
          entries.add(SliverBatch.entry(r.pair(), spool.get(r.axis(), r.index(n))));
        }
        Retry.call(options, () -> client.putSlivers(id, entries));
        return;
      } catch (StorageException e) {
        if (!StorageNodeClient.isBatchUnsupported(e)) {
          throw e;
        }
        unsupported.set(true);
      }
    }
    for (SliverRef r : batch) {
      Retry.call(options, () -> client.putSliver(id, r.pair(), spool.get(r.axis(), r.index(n))));
    }
  }

  private static Throwable unwrap(Throwable t) {
    while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
