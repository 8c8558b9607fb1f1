package dev.haulout.erasure.encoding;

import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;

/** A fully encoded blob: metadata and all 2n slivers, addressable by sliver or pair index. */
public final class EncodedBlob {
  private final VerifiedBlobMetadata metadata;
  private final SliverData[] primary;
  private final SliverData[] secondary;

  EncodedBlob(VerifiedBlobMetadata metadata, SliverData[] primary, SliverData[] secondary) {
    this.metadata = metadata;
    this.primary = primary;
    this.secondary = secondary;
  }

  public VerifiedBlobMetadata metadata() {
    return metadata;
  }

  public BlobId blobId() {
    return metadata.blobId();
  }

  public int nShards() {
    return primary.length;
  }

  /** Sliver by axis and <em>sliver</em> index. */
  public SliverData sliver(Axis axis, int sliverIndex) {
    SliverData[] a = axis == Axis.PRIMARY ? primary : secondary;
    if (sliverIndex < 0 || sliverIndex >= a.length) {
      throw new IllegalArgumentException("sliver index " + sliverIndex + " out of range [0, " + a.length + ")");
    }
    return a[sliverIndex];
  }

  public SliverData primarySliver(int index) {
    return sliver(Axis.PRIMARY, index);
  }

  public SliverData secondarySliver(int index) {
    return sliver(Axis.SECONDARY, index);
  }

  /** The primary sliver of pair {@code pair} (same index). */
  public SliverData pairPrimary(int pair) {
    return sliver(Axis.PRIMARY, pair);
  }

  /** The secondary sliver of pair {@code pair}: secondary sliver {@code n - 1 - pair}. */
  public SliverData pairSecondary(int pair) {
    return sliver(Axis.SECONDARY, nShards() - 1 - pair);
  }
}
