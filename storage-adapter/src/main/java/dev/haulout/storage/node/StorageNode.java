package dev.haulout.storage.node;

import dev.haulout.chain.ChainEvent;
import dev.haulout.chain.Ledger;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.Versioned;
import dev.haulout.erasure.Axis;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.ErasureException;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.encoding.BlobDecoder;
import dev.haulout.erasure.encoding.RecoverySymbol;
import dev.haulout.erasure.encoding.SliverRecovery;
import dev.haulout.erasure.metadata.BlobMetadata;
import dev.haulout.erasure.metadata.UnverifiedBlobMetadata;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.storage.BlobStatus;
import dev.haulout.storage.Committee;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.bls.BlsKeyPair;
import dev.haulout.walrus.BlobId;
import dev.haulout.walrus.CertificationMessage;
import dev.haulout.wire.SuiAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storage-node logic behind the Walrus node API (SPEC §9), free of HTTP: accepts metadata
 * and slivers for blobs registered on the ledger (or buffered with {@code pending}) and only for
 * the shards this node holds in the current epoch, verifies every sliver against the metadata,
 * stores them durably, signs confirmations and serves recovery symbols. Thread-safe.
 */
public final class StorageNode {
  /** How long a committee read from the ledger is reused. */
  public static final long COMMITTEE_TTL_MS = 500;

  private final Ledger ledger;
  private final DurableStore store;
  private final BlsKeyPair key;
  private final Map<BlobId, VerifiedBlobMetadata> metadataCache = new ConcurrentHashMap<>();
  private final Map<BlobId, Boolean> registered = new ConcurrentHashMap<>();
  /** Blob IDs invalidated on the ledger, with their {@code BlobInvalidated} event. */
  private final Map<BlobId, ChainEvent> invalid = new ConcurrentHashMap<>();
  private final java.util.concurrent.locks.ReentrantLock invalidPoll = new java.util.concurrent.locks.ReentrantLock();
  private volatile long invalidEventSeq;
  private volatile long invalidPolledAt;
  private volatile Committee committee;
  private volatile long committeeReadAt;

  private StorageNode(Ledger ledger, DurableStore store, BlsKeyPair key) {
    this.ledger = ledger;
    this.store = store;
    this.key = key;
  }

  public static StorageNode create(Ledger ledger, DurableStore store, BlsKeyPair key) {
    return new StorageNode(ledger, store, key);
  }

  public DurableStore store() {
    return store;
  }

  public Ledger ledger() {
    return ledger;
  }

  public byte[] publicKey() {
    return key.publicKey();
  }

  /** The current committee (cached for {@link #COMMITTEE_TTL_MS}). */
  public Committee committee() {
    Committee c = committee;
    if (c == null || System.currentTimeMillis() - committeeReadAt > COMMITTEE_TTL_MS) {
      try {
        c = Committee.fromLedger(ledger);
      } catch (RuntimeException e) {
        if (c != null) {
          return c;
        }
        throw StorageException.unavailable(StorageErrorCode.LEDGER_UNAVAILABLE, "cannot read the committee: " + e.getMessage(), e);
      }
      committee = c;
      committeeReadAt = System.currentTimeMillis();
    }
    return c;
  }

  /** Shards this node holds in the current epoch (empty if it is not in the committee). */
  public Set<Integer> ownShards() {
    Committee.Member me = committee().memberWithKey(key.publicKey());
    return me == null ? Set.of() : new TreeSet<>(me.shards());
  }

  // ------------------------------------------------------------------ metadata

  /**
   * Stores metadata; returns 201 (stored), 202 (buffered, not yet registered) or 200 (already
   * stored: the body is valid metadata of {@code id} and the stored copy is kept). The body is
   * parsed and verified against {@code id} first, so garbage is 400 {@code INVALID_METADATA} even
   * when the blob's metadata is already stored.
   */
  public int putMetadata(BlobId id, byte[] bcs, boolean pending) {
    requireValid(id);
    BlobMetadata m;
    try {
      m = BlobMetadata.fromBcs(bcs);
    } catch (ErasureException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_METADATA, e.getMessage());
    }
    int n = committee().nShards();
    VerifiedBlobMetadata v;
    try {
      v = UnverifiedBlobMetadata.of(id, m).verify(EncodingConfig.forShards(n));
    } catch (ErasureException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_METADATA, e.getMessage());
    }
    if (metadata(id).isPresent()) {
      return 200;
    }
    boolean isRegistered = isRegistered(id);
    if (!isRegistered && !pending) {
      throw StorageException.failedPrecondition(StorageErrorCode.BLOB_NOT_REGISTERED,
          "blob " + id + " is not registered on the ledger (upload with ?pending=true to buffer)");
    }
    store.write(id.toBase64(), "metadata", v.toBcsWithId());
    metadataCache.put(id, v);
    return isRegistered ? 201 : 202;
  }

  /** Stored, verified metadata of a blob. */
  public Optional<VerifiedBlobMetadata> metadata(BlobId id) {
    VerifiedBlobMetadata v = metadataCache.get(id);
    if (v != null && store.exists(id.toBase64(), "metadata")) {
      return Optional.of(v);
    }
    Optional<byte[]> b = store.read(id.toBase64(), "metadata");
    if (b.isEmpty()) {
      metadataCache.remove(id);
      return Optional.empty();
    }
    UnverifiedBlobMetadata u = UnverifiedBlobMetadata.fromBcs(b.get());
    v = u.verify(EncodingConfig.forShards(u.metadata().nShards()));
    metadataCache.put(id, v);
    return Optional.of(v);
  }

  public VerifiedBlobMetadata requireMetadata(BlobId id) {
    requireValid(id);
    return metadata(id).orElseThrow(() -> StorageException.notFound(StorageErrorCode.METADATA_NOT_FOUND, "no metadata for blob " + id));
  }

  /** Stores verified metadata fetched from a peer (self-healing). */
  public void storeRecoveredMetadata(VerifiedBlobMetadata v) {
    store.write(v.blobId().toBase64(), "metadata", v.toBcsWithId());
    metadataCache.put(v.blobId(), v);
  }

  /** {@code stored}, {@code buffered} or {@code nonexistent}. */
  public String metadataStatus(BlobId id) {
    if (metadata(id).isEmpty()) {
      return "nonexistent";
    }
    return isRegistered(id) ? "stored" : "buffered";
  }

  // ------------------------------------------------------------------ slivers

  /** Verifies and stores a sliver of pair {@code pair}; 201 stored, 200 already stored. */
  public int putSliver(BlobId id, int pair, Axis axis, byte[] bcs) {
    requireValid(id);
    VerifiedBlobMetadata v = metadataForSlivers(id);
    SliverData s = checkSliver(id, v, pair, axis, bcs);
    if (store.exists(id.toBase64(), fileName(axis, pair)) && sliver(id, pair, axis).isPresent()) {
      return 200;
    }
    verify(v, s);
    store.write(id.toBase64(), fileName(axis, pair), bcs);
    return 201;
  }

  /** What {@link #putSlivers} did: slivers newly stored and slivers that were already stored. */
  public record BatchResult(int stored, int alreadyStored) {}

  /**
   * Verifies and stores several slivers of one blob (the batch route): every sliver is checked
   * as by {@link #putSliver} first, and one bad sliver fails the whole batch with its error
   * (naming the entry), nothing stored. The new slivers are then written with one group commit
   * ({@link DurableStore#writeAll}), so they are all on stable storage when this returns.
   */
  public BatchResult putSlivers(BlobId id, List<SliverBatch.Entry> entries) {
    requireValid(id);
    VerifiedBlobMetadata v = metadataForSlivers(id);
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    int already = 0;
    for (int i = 0; i < entries.size(); i++) {
      SliverBatch.Entry e = entries.get(i);
      String name = fileName(e.axis(), e.pair());
      if (!seen.add(name)) {
        throw StorageException.invalidArgument(StorageErrorCode.DUPLICATE_SLIVER, "batch entry " + i + ": " + e.axis().pathName()
            + " sliver of pair " + e.pair() + " appears twice");
      }
      SliverData s;
      try {
        s = checkSliver(id, v, e.pair(), e.axis(), e.bcs());
        if (store.exists(id.toBase64(), name) && sliver(id, e.pair(), e.axis()).isPresent()) {
          already++;
          continue;
        }
        verify(v, s);
      } catch (StorageException ex) {
        throw new StorageException(ex.status(), ex.httpStatus(), ex.errorCode(), "batch entry " + i + ": " + ex.getMessage(),
            null, ex.shardIndex(), ex);
      }
      files.put(name, e.bcs());
    }
    store.writeAll(id.toBase64(), files);
    return new BatchResult(files.size(), already);
  }

  private VerifiedBlobMetadata metadataForSlivers(BlobId id) {
    return metadata(id).orElseThrow(() -> StorageException.failedPrecondition(
        StorageErrorCode.METADATA_NOT_STORED, "metadata of blob " + id + " must be stored before its slivers"));
  }

  /** Parses a sliver and checks its index against the pair and that the pair's shard is this node's. */
  private SliverData checkSliver(BlobId id, VerifiedBlobMetadata v, int pair, Axis axis, byte[] bcs) {
    int n = v.config().nShards();
    checkPair(pair, n);
    SliverData s;
    try {
      s = SliverData.fromBcs(axis, bcs);
    } catch (ErasureException | IllegalArgumentException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_SLIVER, e.getMessage());
    }
    int expected = axis == Axis.PRIMARY ? pair : n - 1 - pair;
    if (s.index() != expected) {
      throw StorageException.invalidArgument(StorageErrorCode.SLIVER_INDEX_MISMATCH, "sliver pair " + pair + " holds "
          + axis.pathName() + " sliver " + expected + ", the body carries sliver " + s.index());
    }
    int shard = id.shardOfPair(pair, n);
    if (!ownShards().contains(shard)) {
      throw new StorageException("FAILED_PRECONDITION", 421, StorageErrorCode.SHARD_NOT_ASSIGNED,
          "shard " + shard + " (pair " + pair + ") is not assigned to this node in epoch " + committee().epoch(),
          null, shard, null);
    }
    return s;
  }

  private static void verify(VerifiedBlobMetadata v, SliverData s) {
    try {
      BlobDecoder.create(v).verifySliver(s);
    } catch (ErasureException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_SLIVER, e.getMessage());
    }
  }

  /** Stores a sliver rebuilt by self-healing (already verified). */
  public void storeRecoveredSliver(BlobId id, int pair, SliverData s) {
    store.write(id.toBase64(), fileName(s.axis(), pair), s.toBcs());
  }

  /** The stored sliver (BCS bytes), if present and intact on disk. */
  public Optional<byte[]> sliver(BlobId id, int pair, Axis axis) {
    return store.read(id.toBase64(), fileName(axis, pair));
  }

  public byte[] requireSliver(BlobId id, int pair, Axis axis) {
    requireValid(id);
    return sliver(id, pair, axis).orElseThrow(() -> StorageException.notFound(StorageErrorCode.SLIVER_NOT_FOUND,
        axis.pathName() + " sliver of pair " + pair + " of blob " + id + " is not stored here"));
  }

  public String sliverStatus(BlobId id, int pair, Axis axis) {
    if (!store.exists(id.toBase64(), fileName(axis, pair))) {
      return "nonexistent";
    }
    return isRegistered(id) ? "stored" : "buffered";
  }

  /** Pairs of this node's shards whose slivers of {@code axis} are missing for a blob. */
  public List<Integer> missingPairs(BlobId id, int n, Axis axis) {
    List<Integer> out = new ArrayList<>();
    for (int shard : ownShards()) {
      int pair = id.pairOnShard(shard, n);
      if (!store.exists(id.toBase64(), fileName(axis, pair))) {
        out.add(pair);
      }
    }
    return out;
  }

  static String fileName(Axis axis, int pair) {
    return (axis == Axis.PRIMARY ? "p" : "s") + pair;
  }

  private static void checkPair(int pair, int n) {
    if (pair < 0 || pair >= n) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_SLIVER_PAIR_INDEX, "sliver pair index " + pair + " out of range [0, " + n + ")");
    }
  }

  // ------------------------------------------------------------------ confirmations

  /**
   * Signs the confirmation for the current epoch once the metadata and both slivers of every
   * pair of this node's shards are stored and the blob is registered ({@code deletableObjectId}
   * null for a permanent blob).
   */
  public SignedConfirmation confirmation(BlobId id, String deletableObjectId) {
    Committee c = committee();
    VerifiedBlobMetadata v = requireMetadata(id);
    List<Blob> blobs = registeredBlobs(id);
    if (blobs.isEmpty()) {
      throw StorageException.failedPrecondition(StorageErrorCode.BLOB_NOT_REGISTERED, "blob " + id + " is not registered on the ledger");
    }
    byte[] objectId = null;
    if (deletableObjectId != null) {
      boolean found = blobs.stream().anyMatch(b -> b.deletable() && b.id().equalsIgnoreCase(deletableObjectId));
      if (!found) {
        throw StorageException.notFound(StorageErrorCode.BLOB_OBJECT_NOT_FOUND, "no deletable Blob object " + deletableObjectId + " for blob " + id);
      }
      objectId = SuiAddress.parse(deletableObjectId).bytes();
    } else if (blobs.stream().allMatch(Blob::deletable)) {
      throw StorageException.notFound(StorageErrorCode.BLOB_OBJECT_NOT_FOUND, "blob " + id + " has no permanent Blob object");
    }
    int n = v.config().nShards();
    for (Axis axis : Axis.values()) {
      List<Integer> missing = missingPairs(id, n, axis);
      if (!missing.isEmpty()) {
        throw StorageException.failedPrecondition(StorageErrorCode.NOT_FULLY_STORED, "blob " + id + " is missing "
            + axis.pathName() + " slivers of pairs " + missing);
      }
    }
    byte[] msg = CertificationMessage.blobCertified(c.epoch(), id, objectId);
    return new SignedConfirmation(msg, key.sign(msg));
  }

  // ------------------------------------------------------------------ recovery

  /**
   * Recovery symbols for sliver {@code targetIndex} of {@code targetAxis}, one per orthogonal
   * sliver this node holds, each with its Merkle proof (SPEC §7).
   */
  public List<RecoverySymbol> recoverySymbols(BlobId id, Axis targetAxis, int targetIndex) {
    VerifiedBlobMetadata v = requireMetadata(id);
    int n = v.config().nShards();
    if (targetIndex < 0 || targetIndex >= n) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_SLIVER_INDEX, "target sliver " + targetIndex + " out of range [0, " + n + ")");
    }
    Axis source = targetAxis.orthogonal();
    List<RecoverySymbol> out = new ArrayList<>();
    // every orthogonal sliver on disk, including those of shards this node held in an earlier
    // epoch: during a shard move the old holder keeps helping (Walrus shard sync)
    String prefix = source == Axis.PRIMARY ? "p" : "s";
    for (String name : store.names(id.toBase64())) {
      if (!name.startsWith(prefix) || !name.substring(1).chars().allMatch(Character::isDigit)) {
        continue;
      }
      int pair = Integer.parseInt(name.substring(1));
      Optional<byte[]> b = sliver(id, pair, source);
      if (b.isPresent()) {
        SliverData s = SliverData.fromBcs(source, b.get());
        out.add(SliverRecovery.recoverySymbol(v.config(), s, targetIndex));
      }
    }
    if (out.isEmpty()) {
      throw StorageException.notFound(StorageErrorCode.SLIVER_NOT_FOUND, "no " + source.pathName() + " slivers of blob " + id + " stored here");
    }
    return out;
  }

  /**
   * Symbol {@code E[primary][secondary]} (SPEC §7), the cell shared by primary sliver
   * {@code primary} and secondary sliver {@code secondary}, as named by a {@code P-S} symbol ID.
   */
  public record SymbolId(int primary, int secondary) {
    @Override
    public String toString() {
      return primary + "-" + secondary;
    }
  }

  /**
   * Exactly the requested symbols, in request order, each with its Merkle proof. A symbol is
   * taken from primary sliver {@code P} when this node has it on disk (proof against
   * {@code hashes[P].primary}, leaf {@code S}, i.e. a symbol for secondary target {@code S}),
   * else from secondary sliver {@code S} (proof against {@code hashes[n-1-S].secondary}, leaf
   * {@code P}). Each source sliver is expanded once per request.
   *
   * @throws StorageException 400 {@code INVALID_SYMBOL_ID} for an index out of range, 404
   *     {@code SYMBOL_NOT_STORED} if neither sliver of a symbol is on this node's disk
   */
  public List<RecoverySymbol> recoverySymbolsById(BlobId id, List<SymbolId> ids) {
    return recoverySymbolsById(id, ids, null);
  }

  /**
   * As {@link #recoverySymbolsById(BlobId, List)}; with {@code proofAxis} set, every symbol is taken
   * from (and proven against) the sliver of that axis, and a symbol whose sliver of that axis is not
   * held here is {@code SYMBOL_NOT_STORED} (Walrus's {@code proofAxis}).
   */
  public List<RecoverySymbol> recoverySymbolsById(BlobId id, List<SymbolId> ids, Axis proofAxis) {
    VerifiedBlobMetadata v = requireMetadata(id);
    int n = v.config().nShards();
    for (SymbolId s : ids) {
      if (s.primary() < 0 || s.primary() >= n || s.secondary() < 0 || s.secondary() >= n) {
        throw StorageException.invalidArgument(StorageErrorCode.INVALID_SYMBOL_ID, "symbol ID " + s + " out of range [0, " + n + ")");
      }
    }
    // source sliver (axis, sliver index) -> requested positions
    Map<Axis, Map<Integer, List<Integer>>> bySource = new java.util.EnumMap<>(Axis.class);
    for (int i = 0; i < ids.size(); i++) {
      SymbolId s = ids.get(i);
      boolean primaryHere = proofAxis != Axis.SECONDARY && store.exists(id.toBase64(), fileName(Axis.PRIMARY, s.primary()));
      if (primaryHere) {
        bySource.computeIfAbsent(Axis.PRIMARY, a -> new java.util.TreeMap<>()).computeIfAbsent(s.primary(), k -> new ArrayList<>()).add(i);
      } else if (proofAxis != Axis.PRIMARY && store.exists(id.toBase64(), fileName(Axis.SECONDARY, n - 1 - s.secondary()))) {
        bySource.computeIfAbsent(Axis.SECONDARY, a -> new java.util.TreeMap<>()).computeIfAbsent(s.secondary(), k -> new ArrayList<>()).add(i);
      } else {
        throw StorageException.notFound(StorageErrorCode.SYMBOL_NOT_STORED, (proofAxis == null
            ? "neither primary sliver " + s.primary() + " nor secondary sliver " + s.secondary()
            : proofAxis.pathName() + " sliver " + (proofAxis == Axis.PRIMARY ? s.primary() : s.secondary()))
            + " of blob " + id + " is stored here (symbol " + s + ")");
      }
    }
    RecoverySymbol[] out = new RecoverySymbol[ids.size()];
    for (Map.Entry<Axis, Map<Integer, List<Integer>>> a : bySource.entrySet()) {
      Axis axis = a.getKey();
      for (Map.Entry<Integer, List<Integer>> e : a.getValue().entrySet()) {
        int sliverIndex = e.getKey();
        int pair = axis == Axis.PRIMARY ? sliverIndex : n - 1 - sliverIndex;
        SliverData src = SliverData.fromBcs(axis, requireSliver(id, pair, axis));
        int[] targets = e.getValue().stream().mapToInt(i -> axis == Axis.PRIMARY ? ids.get(i).secondary() : ids.get(i).primary())
            .toArray();
        List<RecoverySymbol> got = SliverRecovery.recoverySymbols(v.config(), src, targets);
        for (int j = 0; j < targets.length; j++) {
          out[e.getValue().get(j)] = got.get(j);
        }
      }
    }
    return List.of(out);
  }

  /**
   * Decoding symbols (no proofs) for several slivers of {@code targetAxis}: for each target, one
   * symbol from every orthogonal sliver on this node's disk, as (source sliver index, bytes),
   * sources ascending. Each source sliver is expanded once.
   */
  public java.util.SortedMap<Integer, List<Map.Entry<Integer, byte[]>>> decodingSymbols(BlobId id, Axis targetAxis,
      List<Integer> targets) {
    VerifiedBlobMetadata v = requireMetadata(id);
    int n = v.config().nShards();
    int[] t = targets.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    for (int x : t) {
      if (x < 0 || x >= n) {
        throw StorageException.invalidArgument(StorageErrorCode.INVALID_SLIVER_INDEX, "target sliver " + x + " out of range [0, " + n + ")");
      }
    }
    Axis source = targetAxis.orthogonal();
    java.util.SortedMap<Integer, List<Map.Entry<Integer, byte[]>>> out = new java.util.TreeMap<>();
    for (int x : t) {
      out.put(x, new ArrayList<>());
    }
    java.util.TreeMap<Integer, SliverData> sources = new java.util.TreeMap<>();
    for (int pair : storedPairs(id, source)) {
      Optional<byte[]> b = sliver(id, pair, source);
      if (b.isPresent()) {
        SliverData s = SliverData.fromBcs(source, b.get());
        sources.put(s.index(), s);
      }
    }
    if (sources.isEmpty()) {
      throw StorageException.notFound(StorageErrorCode.SLIVER_NOT_FOUND, "no " + source.pathName() + " slivers of blob " + id + " stored here");
    }
    for (SliverData s : sources.values()) {
      List<RecoverySymbol> got = SliverRecovery.recoverySymbols(v.config(), s, t);
      for (int j = 0; j < t.length; j++) {
        out.get(t[j]).add(Map.entry(s.index(), got.get(j).data()));
      }
    }
    return out;
  }

  /** Pairs whose sliver of {@code axis} has a file in this blob's directory (any epoch's shards). */
  private List<Integer> storedPairs(BlobId id, Axis axis) {
    String prefix = axis == Axis.PRIMARY ? "p" : "s";
    List<Integer> out = new ArrayList<>();
    for (String name : store.names(id.toBase64())) {
      if (name.startsWith(prefix) && name.length() > 1 && name.substring(1).chars().allMatch(Character::isDigit)) {
        out.add(Integer.parseInt(name.substring(1)));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ shard sync

  /** This node's signed {@code sync_shard} request body for the current epoch (see {@link SyncShard}). */
  public byte[] signedSyncShardRequest(int shard, Axis axis, List<BlobId> blobIds) {
    return SyncShard.signedRequest(key, committee().epoch(), shard, axis, blobIds);
  }

  /**
   * Answers a {@code sync_shard} request: the requester must have signed it with its BLS key, be
   * a member of the current epoch's committee and hold the shard in this epoch. Returns the
   * response body with every requested sliver of that shard's pair this node has on disk.
   *
   * @throws StorageException 400 for a malformed request or another epoch, 403
   *     ({@code PERMISSION_DENIED}) for a bad signature, a non-member or a shard the requester
   *     does not hold
   */
  public byte[] syncShard(byte[] body) {
    SyncShard.Request r = SyncShard.parse(body);
    Committee c = committee();
    if (r.epoch() != c.epoch()) {
      throw StorageException.failedPrecondition(StorageErrorCode.INVALID_EPOCH, "sync-shard request for epoch " + r.epoch()
          + ", the current epoch is " + c.epoch());
    }
    if (r.shard() >= c.nShards()) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_SHARD, "shard " + r.shard() + " out of range [0, " + c.nShards() + ")");
    }
    if (!dev.haulout.storage.bls.BlsSignatures.verify(r.requesterKey(), r.message(), r.signature())) {
      throw StorageException.permissionDenied(StorageErrorCode.INVALID_SIGNATURE, "the sync-shard request is not signed by the key it names");
    }
    Committee.Member m = c.memberWithKey(r.requesterKey());
    if (m == null) {
      throw StorageException.permissionDenied(StorageErrorCode.NOT_A_COMMITTEE_MEMBER, "the requester is not in the committee of epoch " + c.epoch());
    }
    if (!m.shards().contains(r.shard())) {
      throw StorageException.permissionDenied(StorageErrorCode.SHARD_NOT_ASSIGNED_TO_REQUESTER, "the requester does not hold shard "
          + r.shard() + " in epoch " + c.epoch());
    }
    List<Map.Entry<BlobId, byte[]>> out = new ArrayList<>();
    for (BlobId id : r.blobIds()) {
      if (isInvalid(id)) {
        continue;
      }
      int pair = id.pairOnShard(r.shard(), c.nShards());
      sliver(id, pair, r.axis()).ifPresent(b -> out.add(Map.entry(id, b)));
    }
    return SyncShard.responseToBcs(out);
  }

  /**
   * Checks an inconsistency proof for sliver {@code targetIndex} of {@code targetAxis}: the
   * symbols must verify against the metadata and decode to a sliver whose hash differs from the
   * metadata's. If so, the blob is inconsistently encoded and the node signs the invalid-blob
   * attestation for the current epoch.
   */
  public SignedConfirmation checkInconsistencyProof(BlobId id, Axis targetAxis, int targetIndex, List<RecoverySymbol> symbols) {
    VerifiedBlobMetadata v = requireMetadata(id);
    if (targetIndex < 0 || targetIndex >= v.config().nShards()) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_SLIVER_INDEX, "target sliver " + targetIndex + " out of range");
    }
    try {
      SliverRecovery.create(v).recover(targetAxis, targetIndex, symbols);
    } catch (dev.haulout.erasure.encoding.InconsistentBlobException e) {
      byte[] msg = CertificationMessage.invalidBlobId(committee().epoch(), id);
      return new SignedConfirmation(msg, key.sign(msg));
    } catch (ErasureException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_INCONSISTENCY_PROOF, "proof does not hold: " + e.getMessage());
    }
    throw StorageException.invalidArgument(StorageErrorCode.INVALID_INCONSISTENCY_PROOF,
        "the symbols decode to the sliver the metadata commits to: the blob is consistent");
  }

  // ------------------------------------------------------------------ ledger

  /** Blob status from the ledger (the node's view). */
  public BlobStatus blobStatus(BlobId id) {
    if (isInvalid(id)) {
      return BlobStatus.invalid(id.toBase64());
    }
    List<Blob> blobs = registeredBlobs(id);
    if (blobs.isEmpty()) {
      return BlobStatus.nonexistent(id.toBase64());
    }
    Blob best = blobs.stream().filter(b -> !b.deletable()).findFirst().orElse(blobs.get(0));
    int end = blobs.stream().mapToInt(b -> b.storage().endEpoch()).max().orElse(0);
    boolean certified = blobs.stream().anyMatch(b -> b.certifiedEpoch() != null);
    Integer certEpoch = blobs.stream().map(Blob::certifiedEpoch).filter(e -> e != null).min(Integer::compare).orElse(null);
    return new BlobStatus(id.toBase64(), best.deletable() ? "deletable" : "permanent", certified, end, certEpoch);
  }

  public boolean isRegistered(BlobId id) {
    if (registered.containsKey(id)) {
      return true;
    }
    boolean r = !registeredBlobs(id).isEmpty();
    if (r) {
      registered.put(id, Boolean.TRUE);
    }
    return r;
  }

  // ------------------------------------------------------------------ invalid blobs

  /** How often the node reads new {@code BlobInvalidated} events from the ledger (on demand). */
  public static final long INVALID_POLL_MS = 500;

  /**
   * Whether the blob ID was invalidated on the ledger ({@code InvalidateBlobId}). The node learns
   * this from the ledger's {@code BlobInvalidated} events, read at most every
   * {@link #INVALID_POLL_MS} when asked, and deletes the blob's files as soon as it learns it.
   */
  public boolean isInvalid(BlobId id) {
    refreshInvalidBlobs(false);
    return invalid.containsKey(id);
  }

  /** The {@code BlobInvalidated} event of an invalid blob, or null. */
  public ChainEvent invalidation(BlobId id) {
    return invalid.get(id);
  }

  /** 410 {@code BLOB_INVALID} for an invalidated blob (its data is gone and is never served again). */
  public void requireValid(BlobId id) {
    if (isInvalid(id)) {
      throw invalidBlob(id);
    }
  }

  /** The error for an invalidated blob, as nodes, clients and the aggregator report it. */
  public static StorageException invalidBlob(BlobId id) {
    return StorageException.blobInvalid(id.toBase64(), "its data is deleted and not served");
  }

  /**
   * Reads new {@code BlobInvalidated} events ({@code force}, or when the last read is older than
   * {@link #INVALID_POLL_MS}) and deletes every newly invalid blob's files. Returns the number of
   * files deleted. A ledger that cannot be reached leaves the known set as it is; only one thread
   * reads at a time, the others go on with what is known.
   */
  public int refreshInvalidBlobs(boolean force) {
    if (!force && invalidPolledAt != 0 && System.currentTimeMillis() - invalidPolledAt < INVALID_POLL_MS) {
      return 0;
    }
    if (force) {
      invalidPoll.lock();
    } else if (!invalidPoll.tryLock()) {
      return 0;
    }
    int deleted = 0;
    try {
      while (true) {
        List<ChainEvent> events = ledger.events(invalidEventSeq, 500);
        for (ChainEvent e : events) {
          invalidEventSeq = Math.max(invalidEventSeq, e.seq());
          if ("BlobInvalidated".equals(e.type()) && e.body().get("blobId") instanceof String b) {
            BlobId id;
            try {
              id = BlobId.fromBase64(b);
            } catch (IllegalArgumentException ex) {
              continue;
            }
            invalid.put(id, e);
            deleted += deleteBlobData(id);
          }
        }
        if (events.size() < 500) {
          break;
        }
      }
      invalidPolledAt = System.currentTimeMillis();
    } catch (RuntimeException e) {
      // ledger unreachable: keep serving with what is known, retry after the poll interval
      invalidPolledAt = System.currentTimeMillis();
    } finally {
      invalidPoll.unlock();
    }
    return deleted;
  }

  /** Deletes the metadata and every sliver of a blob from disk; returns the files removed. */
  public int deleteBlobData(BlobId id) {
    metadataCache.remove(id);
    registered.remove(id);
    return store.deleteBlob(id.toBase64());
  }

  /** Every Blob object registered on the ledger for this blob ID (any epoch, certified or not). */
  public List<Blob> registrations(BlobId id) {
    return registeredBlobs(id);
  }

  private List<Blob> registeredBlobs(BlobId id) {
    List<Versioned<ChainObject>> vs;
    try {
      vs = ledger.blobsByBlobId(id.toBase64());
    } catch (RuntimeException e) {
      throw StorageException.unavailable(StorageErrorCode.LEDGER_UNAVAILABLE, "cannot read the ledger: " + e.getMessage(), e);
    }
    List<Blob> out = new ArrayList<>();
    for (Versioned<ChainObject> v : vs) {
      if (v.object() instanceof Blob) {
        out.add((Blob) v.object());
      }
    }
    return out;
  }
}
