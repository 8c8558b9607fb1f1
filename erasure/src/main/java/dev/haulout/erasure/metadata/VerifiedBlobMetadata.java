package dev.haulout.erasure.metadata;

import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.SliverData;

/**
 * Metadata whose blob ID has been recomputed from its hashes for a known shard count: either
 * produced by the encoder or returned by {@link UnverifiedBlobMetadata#verify}. The constructor is
 * package-private on purpose.
 */
public final class VerifiedBlobMetadata {
  private final BlobId blobId;
  private final BlobMetadata metadata;
  private final EncodingConfig config;

  VerifiedBlobMetadata(BlobId blobId, BlobMetadata metadata, EncodingConfig config) {
    this.blobId = blobId;
    this.metadata = metadata;
    this.config = config;
  }

  /**
   * Metadata computed locally by an encoder (the caller vouches for them; the blob ID is derived
   * here, not claimed).
   */
  public static VerifiedBlobMetadata fromEncoder(BlobMetadata metadata, EncodingConfig config) {
    if (metadata.nShards() != config.nShards()) {
      throw new IllegalArgumentException(
          "metadata for " + metadata.nShards() + " shards, config for " + config.nShards());
    }
    return new VerifiedBlobMetadata(metadata.computeBlobId(), metadata, config);
  }

  public BlobId blobId() {
    return blobId;
  }

  public BlobMetadata metadata() {
    return metadata;
  }

  public EncodingConfig config() {
    return config;
  }

  public long unencodedLength() {
    return metadata.unencodedLength();
  }

  public int symbolSize() {
    return config.symbolSize(metadata.unencodedLength());
  }

  public byte[] rootHash() {
    return metadata.rootHash();
  }

  /** Expected sliver hash (a copy). */
  public byte[] sliverHash(Axis axis, int sliverIndex) {
    return metadata.sliverHash(axis, sliverIndex);
  }

  /** Expected byte length of a sliver of this axis. */
  public int sliverLength(Axis axis) {
    return config.sliverLength(axis, symbolSize());
  }

  /** BCS {@code BlobMetadataWithId} (what a node's GET returns). */
  public byte[] toBcsWithId() {
    return UnverifiedBlobMetadata.of(blobId, metadata).toBcs();
  }

  /** BCS {@code BlobMetadata} (the body of a node's metadata PUT). */
  public byte[] toBcs() {
    return metadata.toBcs();
  }

  /** Checks a sliver's index, symbol size and length against these metadata (not its hash). */
  public void checkShape(SliverData sliver) {
    if (sliver.index() >= config.nShards()) {
      throw new dev.haulout.erasure.ErasureException.InvalidSliverException(
          sliver.axis(), sliver.index(), "index out of range [0, " + config.nShards() + ")");
    }
    if (sliver.symbolSize() != symbolSize()) {
      throw new dev.haulout.erasure.ErasureException.InvalidSliverException(
          sliver.axis(), sliver.index(), "symbol size " + sliver.symbolSize() + ", expected " + symbolSize());
    }
    if (sliver.length() != sliverLength(sliver.axis())) {
      throw new dev.haulout.erasure.ErasureException.InvalidSliverException(
          sliver.axis(), sliver.index(), "length " + sliver.length() + ", expected " + sliverLength(sliver.axis()));
    }
  }
}
