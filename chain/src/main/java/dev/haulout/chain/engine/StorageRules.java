package dev.haulout.chain.engine;

import dev.haulout.walrus.BlobId;
import dev.haulout.walrus.ShardGeometry;
import dev.haulout.walrus.CertificationMessage;
import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.StoragePrices;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.CommitteeMember;
import dev.haulout.chain.model.InvalidBlobId;
import dev.haulout.chain.model.StorageResource;
import dev.haulout.chain.model.SystemState;
import dev.haulout.chain.model.Versioned;
import dev.haulout.chain.tx.TxKind;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Walrus storage: buying a storage resource (paid into the storage funds of its epochs),
 * registering a blob against it (the write fee), certifying it with a storage-node quorum and
 * invalidating a blob ID with an f+1 certificate.
 */
final class StorageRules {
  private StorageRules() {}

  static void buyStorage(RuleContext ctx, String s, TxKind.BuyStorage b) {
    SystemState sys = ctx.system();
    if (b.epochs() < 1 || b.epochs() > ctx.config.maxEpochsAhead()) {
      throw new LedgerException(ErrorCode.EPOCH_OUT_OF_RANGE, "epochs must be 1.." + ctx.config.maxEpochsAhead());
    }
    if (b.storageSize() <= 0) {
      throw new LedgerException(ErrorCode.INVALID_AMOUNT, "storage size must be > 0");
    }
    long perEpoch = Amounts.storageArithmetic(
        () -> StoragePrices.storageCost(b.storageSize(), 1, sys.storagePricePerUnit()));
    long cost = Amounts.mulExact(perEpoch, b.epochs());
    ctx.debit(s, cost);
    for (int e = sys.epoch(); e < sys.epoch() + b.epochs(); e++) {
      ctx.addCounter(TransactionExecutor.FUND_PREFIX + e, perEpoch);
    }
    StorageResource r = new StorageResource(ctx.newId(), s, sys.epoch(), sys.epoch() + b.epochs(), b.storageSize());
    long v = ctx.create(r);
    ctx.event("StorageBought", r.id(), v, EventBodies.of("storageId", r.id(), "owner", s,
        "startEpoch", r.startEpoch(), "endEpoch", r.endEpoch(), "storageSize", r.storageSize(), "costFrost", cost));
  }

  static void registerBlob(RuleContext ctx, String s, TxKind.RegisterBlob r) {
    SystemState sys = ctx.system();
    StorageResource st = ctx.load(r.storageId(), StorageResource.class);
    RuleContext.requireOwner(s, st);
    if (sys.epoch() < st.startEpoch() || sys.epoch() >= st.endEpoch()) {
      throw new LedgerException(ErrorCode.EPOCH_OUT_OF_RANGE, "storage " + st.id() + " not valid in epoch " + sys.epoch());
    }
    if (r.blobId().length != 32) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, "blob id must be 32 bytes, got " + r.blobId().length);
    }
    if (r.encodingType() != 1) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, "only RS2 (encoding type 1) is supported: " + r.encodingType());
    }
    if (r.rootHash().length != 32) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, "root hash must be 32 bytes, got " + r.rootHash().length);
    }
    if (!Arrays.equals(r.blobId(), BlobId.derive(r.encodingType(), r.size(), r.rootHash()).toBytes())) {
      throw new LedgerException(ErrorCode.INVALID_BLOB_ID,
          "blob id is not blake2b256(encoding type, size, root hash) of the registration");
    }
    requireNotInvalid(ctx, r.blobId());
    long encoded = Amounts.storageArithmetic(() -> ShardGeometry.forShards(sys.nShards()).encodedLength(r.size()));
    if (encoded > st.storageSize()) {
      throw new LedgerException(ErrorCode.STORAGE_TOO_SMALL,
          "encoded length " + encoded + " exceeds storage " + st.storageSize());
    }
    long fee = Amounts.storageArithmetic(() -> StoragePrices.writeCost(encoded, sys.writePricePerUnit()));
    ctx.debit(s, fee);
    ctx.addCounter(TransactionExecutor.FUND_PREFIX + sys.epoch(), fee);
    String blobId = base64Url(r.blobId());
    ctx.delete(st.id());
    Blob blob = new Blob(ctx.newId(), s, sys.epoch(), blobId, r.size(), r.encodingType(), null, st, r.deletable());
    long v = ctx.create(blob);
    ctx.event("BlobRegistered", blob.id(), v, EventBodies.of("blobObjectId", blob.id(), "blobId", blobId,
        "owner", s, "size", r.size(), "encodedSize", encoded, "epoch", sys.epoch(), "endEpoch", st.endEpoch(),
        "deletable", r.deletable(), "writeFeeFrost", fee));
  }

  static void certifyBlob(RuleContext ctx, String sender, TxKind.CertifyBlob c) {
    SystemState sys = ctx.system();
    Blob blob = ctx.load(c.blobObjectId(), Blob.class);
    if (blob.certifiedEpoch() != null) {
      throw new LedgerException(ErrorCode.BLOB_ALREADY_CERTIFIED, "blob " + blob.blobId() + " already certified");
    }
    if (sys.epoch() >= blob.storage().endEpoch()) {
      throw new LedgerException(ErrorCode.EPOCH_OUT_OF_RANGE, "blob storage expired");
    }
    requireNotInvalid(ctx, Base64.getUrlDecoder().decode(blob.blobId()));
    long weight = checkCertificate(ctx, sys, c.signers(), c.aggregateSignature(),
        CertificateVerifier.MessageKind.BLOB_CERTIFIED, blob.certificationMessage(sys.epoch()));
    Blob nb = blob.certified(sys.epoch());
    long v = ctx.update(nb);
    ctx.event("BlobCertified", nb.id(), v, EventBodies.of("blobObjectId", nb.id(), "blobId", nb.blobId(),
        "epoch", sys.epoch(), "endEpoch", nb.storage().endEpoch(), "deletable", nb.deletable(),
        "signerWeight", weight));
  }

  /**
   * Walrus {@code invalidate_blob_id}: an f+1 certificate ({@code 3w ≥ n + 1} by the signers'
   * shards in the current committee) over {@code InvalidBlobIdMsg} of the current epoch marks a
   * registered blob ID invalid for good. Refused with {@code BLOB_ALREADY_INVALIDATED} if it is
   * already invalid (nothing changes), {@code BLOB_NOT_REGISTERED} if no Blob was ever registered
   * with that ID, {@code INVALID_CERTIFICATE} for too little weight, a duplicate or unknown signer
   * index, or a signature that does not verify.
   */
  static void invalidateBlobId(RuleContext ctx, String sender, TxKind.InvalidateBlobId inv) {
    SystemState sys = ctx.system();
    byte[] raw = inv.blobId();
    if (raw.length != 32) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, "blob id must be 32 bytes, got " + raw.length);
    }
    String blobId = base64Url(raw);
    String recordId = InvalidBlobId.objectIdFor(raw);
    Optional<Versioned<ChainObject>> existing = ctx.state.object(recordId);
    if (existing.isPresent()) {
      InvalidBlobId prev = (InvalidBlobId) existing.get().object();
      throw new LedgerException(ErrorCode.BLOB_ALREADY_INVALIDATED,
          "blob " + blobId + " was already invalidated in epoch " + prev.epoch());
    }
    List<String> blobObjects = ctx.state.blobsByBlobId(blobId).stream().map(v -> v.object().id()).toList();
    if (blobObjects.isEmpty()) {
      throw new LedgerException(ErrorCode.BLOB_NOT_REGISTERED, "no Blob is registered with blob id " + blobId);
    }
    long weight = checkCertificate(ctx, sys, inv.signers(), inv.aggregateSignature(),
        CertificateVerifier.MessageKind.INVALID_BLOB_ID, CertificationMessage.invalidBlobId(sys.epoch(), BlobId.fromBytes(raw)));
    InvalidBlobId record = new InvalidBlobId(recordId, SystemState.ID, blobId, sys.epoch(), weight);
    long v = ctx.create(record);
    ctx.event("BlobInvalidated", recordId, v, EventBodies.of("blobId", blobId, "epoch", sys.epoch(),
        "signerWeight", weight, "blobObjectIds", blobObjects));
  }

  /**
   * Checks a storage-node certificate of the current committee: distinct known signer indices whose
   * shards reach the threshold of {@code kind} (a quorum {@code 3w ≥ 2n+1} to certify, validity
   * {@code 3w ≥ n+1} to invalidate) and an aggregate signature over {@code message}. Returns the
   * signers' shard weight; anything else is {@code INVALID_CERTIFICATE}.
   */
  private static long checkCertificate(RuleContext ctx, SystemState sys, List<Integer> signers,
      byte[] aggregateSignature, CertificateVerifier.MessageKind kind, byte[] message) {
    List<CommitteeMember> committee = sys.committee();
    long weight;
    try {
      weight = Quorum.weight(committee, signers);
    } catch (IllegalArgumentException e) {
      throw new LedgerException(ErrorCode.INVALID_CERTIFICATE, e.getMessage());
    }
    boolean quorum = kind == CertificateVerifier.MessageKind.BLOB_CERTIFIED;
    if (quorum ? !Quorum.isQuorum(weight, sys.nShards()) : !Quorum.isAboveValidity(weight, sys.nShards())) {
      throw new LedgerException(ErrorCode.INVALID_CERTIFICATE, "signers hold " + weight + " of " + sys.nShards()
          + " shards; need " + (quorum ? "3w >= 2n+1" : "3w >= n+1"));
    }
    List<String> keys = signers.stream().map(i -> committee.get(i).blsPublicKey()).toList();
    if (!ctx.certificates.verify(kind, message, keys, aggregateSignature)) {
      throw new LedgerException(ErrorCode.INVALID_CERTIFICATE,
          "aggregate signature does not verify over the " + kind + " message of epoch " + sys.epoch());
    }
    return weight;
  }

  private static void requireNotInvalid(RuleContext ctx, byte[] blobId) {
    if (blobId.length == 32 && ctx.state.object(InvalidBlobId.objectIdFor(blobId)).isPresent()) {
      throw new LedgerException(ErrorCode.BLOB_INVALID, "blob id " + base64Url(blobId) + " has been invalidated");
    }
  }

  private static String base64Url(byte[] raw) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
