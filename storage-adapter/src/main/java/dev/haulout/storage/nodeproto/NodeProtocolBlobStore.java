package dev.haulout.storage.nodeproto;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.Versioned;
import dev.haulout.walrus.BlobId;
import dev.haulout.walrus.ShardGeometry;
import dev.haulout.storage.BlobStatus;
import dev.haulout.storage.BlobStore;
import dev.haulout.storage.ByteRange;
import dev.haulout.storage.Committee;
import dev.haulout.storage.ProgressListener;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.StoreResult;
import dev.haulout.storage.client.StorageNodeClient;
import dev.haulout.storage.read.BlobReader;
import dev.haulout.storage.write.BlobInvalidator;
import dev.haulout.storage.write.BlobWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link BlobStore} that talks to the storage nodes of the ledger's committee directly (the
 * embedded network or any set of Walrus-API nodes) and pays with {@code wallet} on the ledger.
 */
public final class NodeProtocolBlobStore implements BlobStore {
  private final Ledger ledger;
  private final ExecutorService pool;
  private final BlobWriter writer;
  private final BlobReader reader;
  private volatile Committee committee;
  private volatile long committeeAt;
  /** Blob ID → until when the answer "valid" may be reused (ms), or Long.MAX_VALUE once known invalid. */
  private final java.util.concurrent.ConcurrentHashMap<String, Long> invalidCache = new java.util.concurrent.ConcurrentHashMap<>();
  private static final long VALID_TTL_MS = 1_000;
  /** How long the client keeps the committee it read from the ledger. */
  public static final long COMMITTEE_TTL_MS = 1_000;

  private NodeProtocolBlobStore(Ledger ledger, Ed25519KeyPair wallet, StorageClientOptions options) {
    this.ledger = ledger;
    AtomicInteger count = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(options.maxConcurrentRequests(), r -> {
      Thread t = new Thread(r, "storage-client-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    HttpClient http = StorageNodeClient.newHttpClient(options);
    this.writer = BlobWriter.create(ledger, wallet, http, options, pool);
    BlobReader.InconsistencyHandler onInconsistent = null;
    if (wallet != null) {
      BlobInvalidator invalidator = BlobInvalidator.create(ledger, wallet, http, options);
      onInconsistent = (c, id, proof) -> {
        BlobInvalidator.Result r = invalidator.invalidate(c, id, proof);
        invalidCache.put(id.toBase64(), Long.MAX_VALUE);
        return r.alreadyInvalid() ? "it was already invalidated on the ledger"
            : "invalidated on the ledger by transaction " + r.txDigest() + " (attested by nodes holding " + r.signerWeight() + " shards)";
      };
    }
    this.reader = BlobReader.create(this::committee, http, options, pool, onInconsistent);
  }

  /** {@code wallet} pays storage and write fees; it may be null for a read-only store. */
  public static NodeProtocolBlobStore create(Ledger ledger, Ed25519KeyPair wallet, StorageClientOptions options) {
    if (options.maxConcurrentRequests() <= options.readAhead()) {
      throw new IllegalArgumentException("maxConcurrentRequests (" + options.maxConcurrentRequests()
          + ") must exceed readAhead (" + options.readAhead() + ")");
    }
    return new NodeProtocolBlobStore(ledger, wallet, options);
  }

  public BlobReader reader() {
    return reader;
  }

  /** Shard count of the current committee (the encoding's n). */
  public int nShards() {
    return committee().nShards();
  }

  /** The largest blob the current committee's encoding takes: {@code ShardGeometry.maxBlobSize()} for its n. */
  @Override
  public OptionalLong maxBlobLength() {
    return OptionalLong.of(ShardGeometry.forShards(nShards()).maxBlobSize());
  }

  /** The epoch of the committee this client reads and writes with (cached for {@link #COMMITTEE_TTL_MS}). */
  public int committeeEpoch() {
    return committee().epoch();
  }

  private Committee committee() {
    Committee c = committee;
    if (c == null || System.currentTimeMillis() - committeeAt > COMMITTEE_TTL_MS) {
      c = Committee.fromLedger(ledger);
      committee = c;
      committeeAt = System.currentTimeMillis();
    }
    return c;
  }

  @Override
  public StoreResult store(InputStream in, long length, int epochs, ProgressListener progress) throws IOException {
    return store(in, length, epochs, false, progress);
  }

  /** As {@link #store(InputStream, long, int, ProgressListener)}, optionally as a deletable blob. */
  public StoreResult store(InputStream in, long length, int epochs, boolean deletable, ProgressListener progress)
      throws IOException {
    return writer.store(in, length, epochs, deletable, progress == null ? ProgressListener.NONE : progress);
  }

  @Override
  public InputStream read(String blobId, ByteRange range) {
    BlobId id = parse(blobId);
    if (isInvalid(blobId)) {
      throw StorageException.blobInvalid(blobId, null);
    }
    return reader.read(id, range);
  }

  /** The blob's unencoded length, from its verified metadata (no sliver is read). */
  @Override
  public long length(String blobId) {
    BlobId id = parse(blobId);
    if (isInvalid(blobId)) {
      throw StorageException.blobInvalid(blobId, null);
    }
    return reader.metadata(id).unencodedLength();
  }

  /**
   * Whether the ledger has invalidated the blob ID ({@code Ledger.invalidBlob}). A "valid" answer
   * is reused for {@value #VALID_TTL_MS} ms, an "invalid" one for good (invalidation is final).
   */
  public boolean isInvalid(String blobId) {
    Long until = invalidCache.get(blobId);
    long now = System.currentTimeMillis();
    if (until != null && (until == Long.MAX_VALUE || now < until)) {
      return until == Long.MAX_VALUE;
    }
    boolean invalid;
    try {
      invalid = ledger.invalidBlob(blobId).isPresent();
    } catch (RuntimeException e) {
      throw StorageException.unavailable(StorageErrorCode.LEDGER_UNAVAILABLE, "cannot read the ledger: " + e.getMessage(), e);
    }
    if (invalidCache.size() > 10_000) {
      invalidCache.values().removeIf(t -> t != Long.MAX_VALUE && t < now);
    }
    invalidCache.put(blobId, invalid ? Long.MAX_VALUE : now + VALID_TTL_MS);
    return invalid;
  }

  @Override
  public BlobStatus status(String blobId) {
    parse(blobId);
    if (isInvalid(blobId)) {
      return BlobStatus.invalid(blobId);
    }
    List<Blob> blobs = new ArrayList<>();
    for (Versioned<ChainObject> v : ledger.blobsByBlobId(blobId)) {
      if (v.object() instanceof Blob) {
        blobs.add((Blob) v.object());
      }
    }
    if (blobs.isEmpty()) {
      return BlobStatus.nonexistent(blobId);
    }
    Blob best = blobs.stream().filter(b -> b.certifiedEpoch() != null).findFirst().orElse(blobs.get(0));
    int end = blobs.stream().filter(b -> b.certifiedEpoch() != null).mapToInt(b -> b.storage().endEpoch()).max()
        .orElse(best.storage().endEpoch());
    return new BlobStatus(blobId, best.deletable() ? "deletable" : "permanent", best.certifiedEpoch() != null, end,
        best.certifiedEpoch());
  }

  /** The blob ID of the ledger's Blob object {@code objectId}. */
  public String blobIdOfObject(String objectId) {
    ChainObject o;
    try {
      o = ledger.object(objectId).map(Versioned::object).orElse(null);
    } catch (RuntimeException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_OBJECT_ID, "cannot look up object " + objectId + ": " + e.getMessage());
    }
    if (!(o instanceof Blob)) {
      throw StorageException.notFound(StorageErrorCode.BLOB_OBJECT_NOT_FOUND, "no Blob object " + objectId);
    }
    return ((Blob) o).blobId();
  }

  static BlobId parse(String blobId) {
    try {
      return BlobId.fromBase64(blobId);
    } catch (IllegalArgumentException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_BLOB_ID, "invalid blob ID: " + blobId);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
