package dev.haulout.marketplace.domain;

import java.util.Objects;

/**
 * A seller's publication of one uploaded file as a listing revision. Its id is the upload's id.
 * {@code stage} is the last stage reached; {@code state} says whether it is still going, done or
 * failed (then {@code errorCode} and {@code errorMessage} say why, and a retry resumes after {@code
 * stage}). {@code bytesDone}/{@code bytesTotal} measure the current stage's work.
 */
public record Publication(
    String id,
    String owner,
    PublicationStage stage,
    State state,
    String listingId,
    Integer revision,
    String blobId,
    String previewBlobId,
    String errorCode,
    String errorMessage,
    long bytesDone,
    long bytesTotal,
    long createdMs,
    long updatedMs) {

  public enum State {
    RUNNING,
    DONE,
    FAILED
  }

  public Publication {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(state, "state");
  }

  public static Publication started(String id, String owner, long length, long nowMs) {
    return new Publication(id, owner, PublicationStage.UPLOADED, State.RUNNING, null, null, null, null, null, null,
        length, length, nowMs, nowMs);
  }

  public Publication reached(PublicationStage s, long nowMs) {
    return new Publication(id, owner, s, s == PublicationStage.LISTED ? State.DONE : State.RUNNING, listingId, revision,
        blobId, previewBlobId, null, null, bytesDone, bytesTotal, createdMs, nowMs);
  }

  public Publication withListing(String newListingId) {
    return new Publication(id, owner, stage, state, newListingId, revision, blobId, previewBlobId, errorCode,
        errorMessage, bytesDone, bytesTotal, createdMs, updatedMs);
  }

  public Publication withBlobs(String newBlobId, String newPreviewBlobId) {
    return new Publication(id, owner, stage, state, listingId, revision, newBlobId, newPreviewBlobId, errorCode,
        errorMessage, bytesDone, bytesTotal, createdMs, updatedMs);
  }

  public Publication withProgress(long done, long total, long nowMs) {
    return new Publication(id, owner, stage, state, listingId, revision, blobId, previewBlobId, errorCode, errorMessage,
        done, total, createdMs, nowMs);
  }

  public Publication failed(String code, String message, long nowMs) {
    return new Publication(id, owner, stage, State.FAILED, listingId, revision, blobId, previewBlobId, code,
        Texts.printable(message == null ? "" : message, 500), bytesDone, bytesTotal, createdMs, nowMs);
  }

  public Publication retried(long nowMs) {
    return new Publication(id, owner, stage, State.RUNNING, listingId, revision, blobId, previewBlobId, null, null,
        bytesDone, bytesTotal, createdMs, nowMs);
  }
}
