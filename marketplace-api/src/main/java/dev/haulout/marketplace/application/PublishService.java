package dev.haulout.marketplace.application;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.SignedTransaction;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.dataset.DatasetWriter;
import dev.haulout.marketplace.application.port.NetworkAccess;
import dev.haulout.marketplace.application.port.PublicationRepository;
import dev.haulout.marketplace.application.port.UploadCompleted;
import dev.haulout.marketplace.application.port.UploadFiles;
import dev.haulout.marketplace.application.port.UploadRepository;
import dev.haulout.marketplace.application.port.Wallets;
import dev.haulout.marketplace.config.MarketplaceConfig;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.Publication;
import dev.haulout.marketplace.domain.PublicationStage;
import dev.haulout.marketplace.domain.PublishRequest;
import dev.haulout.marketplace.domain.Upload;
import dev.haulout.marketplace.domain.Viewer;
import dev.haulout.storage.BlobStore;
import dev.haulout.storage.ProgressListener;
import dev.haulout.storage.StorageException;
import dev.haulout.wire.SuiAddress;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The publish pipeline (docs/commerce.md "Publish"): a finished upload whose metadata asks to
 * publish becomes a publication that walks DRAFTED → ENCRYPTED → ENCODED → STORED → CERTIFIED →
 * LISTED on a worker thread, recording each stage so a failure leaves a state the seller sees and a
 * retry (or a restart) resumes after the last stage reached. Transactions use nonces derived from
 * the publication id, so a repeated step is the same transaction and the ledger applies it once;
 * nothing is visible in the catalog until the final UpdateListing names the certified blob.
 */
@ApplicationScoped
public class PublishService implements UploadCompleted {
  private static final Logger LOG = Logger.getLogger(PublishService.class);
  private static final long PROGRESS_SAVE_MS = 500;

  private final PublicationRepository publications;
  private final UploadRepository uploads;
  private final UploadFiles files;
  private final Wallets wallets;
  private final NetworkAccess network;
  private final OptionalLong maxPartBytes;
  private final SecureRandom random = new SecureRandom();
  private final AtomicInteger threads = new AtomicInteger();
  private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "publish-" + threads.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  public PublishService(PublicationRepository publications, UploadRepository uploads, UploadFiles files,
      Wallets wallets, NetworkAccess network, MarketplaceConfig config) {
    this.publications = publications;
    this.uploads = uploads;
    this.files = files;
    this.wallets = wallets;
    this.network = network;
    this.maxPartBytes = config.publish().maxPartBytes().map(m -> OptionalLong.of(m.asLongValue()))
        .orElse(OptionalLong.empty());
  }

  void onStart(@Observes @Priority(30) StartupEvent ev) {
    publications.running().subscribe().with(
        running -> running.forEach(p -> {
          LOG.infof("resuming publication %s after %s", p.id(), p.stage());
          pool.execute(() -> run(p.id()));
        }),
        e -> LOG.warnf("cannot list running publications: %s", e.getMessage()));
  }

  void onStop(@Observes ShutdownEvent ev) throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Override
  public Uni<Void> completed(FinishedUpload upload) {
    if (!PublishRequest.wanted(upload.metadata())) {
      LOG.infof("upload %s complete (%d bytes); its metadata names no title or listing, so nothing is published",
          upload.id(), upload.length());
      return Uni.createFrom().voidItem();
    }
    return publications.createIfAbsent(Publication.started(upload.id(), upload.owner(), upload.length(),
            System.currentTimeMillis()))
        .invoke(p -> pool.execute(() -> run(p.id())))
        .replaceWithVoid();
  }

  /** The caller's publication; NOT_FOUND for someone else's (no existence leak). */
  public Uni<Publication> find(Viewer viewer, String id) {
    Access.requireSignedIn(viewer);
    return publications.find(id).map(p -> {
      if (p == null || !p.owner().equals(viewer.subject())) {
        throw new CatalogException(dev.haulout.marketplace.domain.ErrorCode.NOT_FOUND, "no publication " + id);
      }
      return p;
    });
  }

  public Uni<List<Publication>> mine(Viewer viewer, int limit) {
    Access.requireSignedIn(viewer);
    return publications.byOwner(viewer.subject(), Math.max(1, Math.min(limit, 200)));
  }

  /** Resumes a failed publication after its last stage. */
  public Uni<Publication> retry(Viewer viewer, String id) {
    return find(viewer, id).flatMap(p -> {
      if (p.state() != Publication.State.FAILED) {
        throw new CatalogException(dev.haulout.marketplace.domain.ErrorCode.INVALID_ARGUMENT,
            "publication " + id + " is " + p.state() + ", only a FAILED one is retried");
      }
      Publication again = p.retried(System.currentTimeMillis());
      return publications.save(again).invoke(() -> pool.execute(() -> run(id))).replaceWith(again);
    });
  }

  // ------------------------------------------------------------------ the pipeline (worker thread)

  void run(String id) {
    Publication p = publications.find(id).await().atMost(Duration.ofSeconds(30));
    if (p == null || p.state() != Publication.State.RUNNING) {
      return;
    }
    try {
      p = advance(p);
      LOG.infof("publication %s listed %s (blob %s)", id, p.listingId(), p.blobId());
    } catch (Failure f) {
      fail(f.publication, f.code, f.getMessage());
    } catch (RuntimeException | IOException e) {
      Publication latest = Optional.ofNullable(publications.find(id).await().atMost(Duration.ofSeconds(30))).orElse(p);
      String code = codeOf(e);
      if ("INTERNAL".equals(code)) {
        LOG.errorf(e, "publication %s failed at %s", id, latest.stage());
      }
      fail(latest, code, e.getMessage());
    } catch (OutOfMemoryError e) {
      // the encoder's buffers are unreachable once the stage threw: record a FAILED publication the
      // seller can retry, instead of one left RUNNING that only a restart would resume
      Publication latest = Optional.ofNullable(publications.find(id).await().atMost(Duration.ofSeconds(30))).orElse(p);
      LOG.errorf("publication %s ran out of memory at %s (max heap %d MiB)", id, latest.stage(),
          Runtime.getRuntime().maxMemory() >> 20);
      fail(latest, "OUT_OF_MEMORY", "the server ran out of memory after stage " + latest.stage()
          + "; retry later, or ask the operator for a larger heap or a smaller haulout.publish.max-part-bytes");
    }
  }

  private Publication advance(Publication start) throws IOException {
    Publication p = start;
    Upload upload = uploads.find(p.id()).await().atMost(Duration.ofSeconds(30));
    Path file = files.path(p.id());
    if (upload == null || !upload.isComplete() || !Files.isRegularFile(file)) {
      throw new Failure(p, "UPLOAD_MISSING", "the uploaded file of publication " + p.id() + " is gone");
    }
    PublishRequest req;
    try {
      req = PublishRequest.parse(upload.metadataPairs());
    } catch (IllegalArgumentException | LedgerException e) {
      throw new Failure(p, "INVALID_METADATA", e.getMessage());
    }
    Wallets.Wallet wallet = wallets.walletOf(new Viewer(p.owner(), null, null, Set.of(), false))
        .await().atMost(Duration.ofSeconds(60));
    if (wallet.signer() == null) {
      throw new Failure(p, "WALLET_NOT_MANAGED", "publishing from the API needs the managed wallet to sign");
    }
    Ledger ledger = network.ledger();
    String seller = wallet.address().toString();

    DatasetSample sample;
    try (InputStream head = Files.newInputStream(file)) {
      sample = DatasetSample.read(head, req.filename(), req.contentType());
    }
    ListingSpec previous = null;
    if (req.listingId() != null) {
      previous = ownListing(p, ledger, req.listingId(), seller).spec();
    }

    if (!p.stage().reached(PublicationStage.DRAFTED)) {
      String listingId = req.listingId();
      if (listingId == null) {
        SignedTransaction tx = Transactions.sign(wallet.signer(), new TransactionData(seller, nonce(p.id(), "draft"), 0,
            new TxKind.CreateListing(spec(req, sample, upload.length(), null, null, null))));
        listingId = Transactions.objectId(Transactions.digest(tx.txBytes()), 0);
        submitOnce(ledger, tx);
      }
      p = save(p.withListing(listingId).reached(PublicationStage.DRAFTED, now()));
    }

    String preview = p.previewBlobId();
    if (preview == null && sample.sample() != null) {
      try (BlobStore store = network.blobStore(wallet.signer())) {
        byte[] s = sample.sample();
        preview = store.store(new ByteArrayInputStream(s), s.length, network.storageEpochs(), ProgressListener.NONE).blobId();
      }
      p = save(p.withBlobs(p.blobId(), preview));
    }

    if (!p.stage().reached(PublicationStage.CERTIFIED)) {
      StageTracker tracker = new StageTracker(p);
      DatasetWriter.Written w;
      try (BlobStore store = network.blobStore(wallet.signer()); InputStream in = Files.newInputStream(file)) {
        w = DatasetWriter.write(in, upload.length(), req.contentType(), SuiAddress.parse(p.listingId()),
            network.sealing(), store, network.storageEpochs(), DatasetWriter.maxPartBytes(store, maxPartBytes),
            tracker, random);
      }
      p = save(tracker.current().withBlobs(w.stored().blobId(), preview).reached(PublicationStage.CERTIFIED, now()));
    }

    ListingSpec finalSpec = previous == null
        ? spec(req, sample, upload.length(), p.blobId(), preview, null)
        : revise(previous, req, sample, upload.length(), p.blobId(), preview);
    SignedTransaction list = Transactions.sign(wallet.signer(), new TransactionData(seller, nonce(p.id(), "list"), 0,
        new TxKind.UpdateListing(p.listingId(), finalSpec)));
    submitOnce(ledger, list);
    p = save(p.reached(PublicationStage.LISTED, now()));
    files.delete(p.id()).await().atMost(Duration.ofSeconds(30));
    return p;
  }

  private static Listing ownListing(Publication p, Ledger ledger, String listingId, String seller) {
    Optional<ChainObject> o = ledger.object(listingId).map(v -> v.object());
    if (o.isEmpty() || !(o.get() instanceof Listing l)) {
      throw new Failure(p, "LISTING_NOT_FOUND", "no listing " + listingId);
    }
    if (!l.seller().equals(seller)) {
      throw new Failure(p, "NOT_OWNER", "listing " + listingId + " is not yours");
    }
    return l;
  }

  /** A new listing's spec (blobId null: the draft). */
  static ListingSpec spec(PublishRequest r, DatasetSample s, long size, String blobId, String preview, List<String> allow) {
    return new ListingSpec(blobId, blobId == null ? null : "envelope", r.title(), r.description(), r.tags(),
        r.license().format(), size, s.format(), s.schemaSummary(), preview, r.buyPriceFrost(),
        r.rentPricePerPeriodFrost(), r.rentPeriodMs(), allow);
  }

  /** A new revision of an existing listing: its terms stay unless the metadata sets them. */
  static ListingSpec revise(ListingSpec old, PublishRequest r, DatasetSample s, long size, String blobId, String preview) {
    boolean pricesGiven = r.free() || r.buyPriceFrost() > 0 || r.rentPricePerPeriodFrost() > 0;
    return new ListingSpec(blobId, "envelope", r.title() != null ? r.title() : old.title(),
        r.description().isEmpty() ? old.description() : r.description(), r.tags().isEmpty() ? old.tags() : r.tags(),
        old.license(), size, s.format(), s.schemaSummary() != null ? s.schemaSummary() : old.schemaSummary(),
        preview != null ? preview : old.previewRef(),
        pricesGiven ? r.buyPriceFrost() : old.buyPriceFrost(),
        pricesGiven ? r.rentPricePerPeriodFrost() : old.rentPricePerPeriodFrost(),
        pricesGiven ? r.rentPeriodMs() : old.rentPeriodMs(), old.allowlist());
  }

  /** Submits {@code tx}; a repeat of an already applied transaction (a retry after a crash) is success. */
  public static void submitOnce(Ledger ledger, SignedTransaction tx) {
    try {
      ledger.submit(tx);
    } catch (LedgerException e) {
      boolean repeat = e.code() == ErrorCode.TX_ALREADY_EXECUTED || e.code() == ErrorCode.NONCE_ALREADY_USED;
      if (!repeat || ledger.transaction(Transactions.digest(tx.txBytes())).isEmpty()) {
        throw e;
      }
    }
  }

  /** A per-publication, per-step nonce: the same step of the same publication is the same transaction. */
  static long nonce(String publicationId, String step) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest(("haulout-publish:" + publicationId + ":" + step).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(h).getLong() & Long.MAX_VALUE;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Publication save(Publication p) {
    publications.save(p).await().atMost(Duration.ofSeconds(30));
    return p;
  }

  private void fail(Publication p, String code, String message) {
    LOG.warnf("publication %s failed at %s: %s %s", p.id(), p.stage(), code, message);
    try {
      save(p.failed(code, message, now()));
    } catch (RuntimeException e) {
      LOG.errorf("cannot record the failure of publication %s: %s", p.id(), e.getMessage());
    }
  }

  static String codeOf(Throwable e) {
    if (e instanceof LedgerException l) {
      return l.code() == ErrorCode.INSUFFICIENT_BALANCE ? "INSUFFICIENT_FUNDS" : "LEDGER_" + l.code().name();
    }
    if (e instanceof StorageException) {
      return "STORAGE_FAILED";
    }
    if (e instanceof CatalogException c) {
      return c.code().name();
    }
    if (e instanceof IOException) {
      return "STORAGE_FAILED";
    }
    return "INTERNAL";
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  /** Turns the writer's phases into stages and throttled byte progress. */
  private final class StageTracker implements ProgressListener {
    private volatile Publication current;
    private long lastSave;

    StageTracker(Publication p) {
      this.current = p;
    }

    Publication current() {
      return current;
    }

    @Override
    public synchronized void onProgress(String phase, long done, long total) {
      PublicationStage stage = switch (phase) {
        case "encode" -> done >= total ? PublicationStage.ENCODED : null;
        case "register", "upload" -> PublicationStage.ENCODED;
        case "confirm", "certify" -> PublicationStage.STORED;
        default -> null;
      };
      if ("encrypt".equals(phase) && done >= total) {
        stage = PublicationStage.ENCRYPTED;
      }
      Publication next = current.withProgress(done, total, now());
      boolean moved = stage != null && !next.stage().reached(stage);
      if (moved) {
        next = next.reached(stage, now());
      }
      current = next;
      long t = System.currentTimeMillis();
      if (moved || t - lastSave >= PROGRESS_SAVE_MS) {
        lastSave = t;
        try { // synchronously, so no late progress write can overtake the stage saved after it
          publications.save(next).await().atMost(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
          LOG.debugf("progress of %s not saved: %s", next.id(), e.getMessage());
        }
      }
    }
  }

  /** A failure with its publication code. */
  private static final class Failure extends RuntimeException {
    final Publication publication;
    final String code;

    Failure(Publication p, String code, String message) {
      super(message);
      this.publication = p;
      this.code = code;
    }
  }
}
