package dev.haulout.marketplace.domain;

/**
 * How far a publication got, in order (docs/commerce.md "Publish"): the upload is complete, the
 * draft listing exists on chain, the file went through the envelope, the envelope was erasure-coded,
 * its slivers are stored, the blob is certified, and the listing names it (visible in the catalog).
 */
public enum PublicationStage {
  UPLOADED,
  DRAFTED,
  ENCRYPTED,
  ENCODED,
  STORED,
  CERTIFIED,
  LISTED;

  public boolean reached(PublicationStage other) {
    return compareTo(other) >= 0;
  }
}
