package dev.haulout.erasure.encoding;

import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.ErasureException;

/**
 * The slivers verify individually but do not form one codeword: the writer encoded the blob
 * inconsistently, which nodes prove on chain with an inconsistency proof. Carries the first sliver
 * whose rebuilt bytes do not hash to the metadata.
 */
public final class InconsistentBlobException extends ErasureException {
  private static final long serialVersionUID = 1L;
  private final transient BlobId blobId;
  private final Axis axis;
  private final int sliverIndex;
  private final transient InconsistencyProof proof;

  public InconsistentBlobException(BlobId blobId, Axis axis, int sliverIndex) {
    this(blobId, axis, sliverIndex, null);
  }

  public InconsistentBlobException(BlobId blobId, Axis axis, int sliverIndex, InconsistencyProof proof) {
    super("blob " + blobId + " is inconsistently encoded: rebuilt " + axis.pathName() + " sliver "
        + sliverIndex + " does not match its hash");
    this.blobId = blobId;
    this.axis = axis;
    this.sliverIndex = sliverIndex;
    this.proof = proof;
  }

  /** The inconsistency proof, when the failure came from sliver recovery; else {@code null}. */
  public InconsistencyProof proof() {
    return proof;
  }

  public BlobId blobId() {
    return blobId;
  }

  public Axis axis() {
    return axis;
  }

  public int sliverIndex() {
    return sliverIndex;
  }
}
