package dev.haulout.storage.aggregator;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.Versioned;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.StoreResult;
import java.util.Optional;

/**
 * Checks of what a publisher answered to {@code PUT /v1/blobs}: the client does not take the
 * publisher's word. {@link #verifyCertified} reads the answer's Blob object on the ledger (whose
 * {@code CertifyBlob} checked the nodes' aggregate BLS signature, so a certified Blob is the
 * certificate); {@link #verifyBlobId} compares the answer's blob ID with one the client computed.
 */
public final class PublisherAnswers {
  private PublisherAnswers() {}

  /**
   * The ledger's certified Blob behind {@code r}: the object the answer names (or, for an
   * {@code alreadyCertified} answer without one, a certified Blob of that blob ID) must exist, name
   * {@code r.blobId()}, hold {@code size} unencoded bytes, be certified and stored until at least
   * {@code r.endEpoch()}. Otherwise {@link StorageErrorCode#BLOB_NOT_CERTIFIED}.
   */
  public static Blob verifyCertified(Ledger ledger, StoreResult r, long size) {
    Blob b;
    try {
      b = r.blobObjectId() != null ? blobObject(ledger, r.blobObjectId()).orElse(null) : certifiedOf(ledger, r.blobId());
    } catch (StorageException e) {
      throw e;
    } catch (RuntimeException e) {
      throw StorageException.unavailable(StorageErrorCode.LEDGER_UNAVAILABLE, "cannot read the ledger: " + e.getMessage(), e);
    }
    String what = "the publisher's answer (blob " + r.blobId() + ", object " + r.blobObjectId() + ")";
    if (b == null) {
      throw notCertified(what + " names no Blob object on the ledger");
    }
    if (!b.blobId().equals(r.blobId())) {
      throw notCertified(what + ": the ledger's object holds blob " + b.blobId());
    }
    if (b.size() != size) {
      throw notCertified(what + ": the ledger's Blob holds " + b.size() + " bytes, " + size + " were sent");
    }
    if (b.certifiedEpoch() == null) {
      throw notCertified(what + ": the ledger's Blob is not certified");
    }
    if (r.endEpoch() > 0 && b.storage().endEpoch() < r.endEpoch()) {
      throw notCertified(what + ": stored until epoch " + b.storage().endEpoch() + " on the ledger, not " + r.endEpoch());
    }
    return b;
  }

  /** {@link StorageErrorCode#BLOB_ID_MISMATCH} unless the answer names {@code expected}. */
  public static void verifyBlobId(StoreResult r, String expected) {
    if (!expected.equals(r.blobId())) {
      throw StorageException.invalidArgument(StorageErrorCode.BLOB_ID_MISMATCH,
          "the publisher answered blob ID " + r.blobId() + " but the bytes sent have blob ID " + expected);
    }
  }

  private static Optional<Blob> blobObject(Ledger ledger, String objectId) {
    return ledger.object(objectId).map(Versioned::object).filter(o -> o instanceof Blob).map(o -> (Blob) o);
  }

  private static Blob certifiedOf(Ledger ledger, String blobId) {
    Blob best = null;
    for (Versioned<ChainObject> v : ledger.blobsByBlobId(blobId)) {
      if (v.object() instanceof Blob && ((Blob) v.object()).certifiedEpoch() != null) {
        Blob b = (Blob) v.object();
        if (best == null || b.storage().endEpoch() > best.storage().endEpoch()) {
          best = b;
        }
      }
    }
    return best;
  }

  private static StorageException notCertified(String message) {
    return StorageException.failedPrecondition(StorageErrorCode.BLOB_NOT_CERTIFIED, message);
  }
}
