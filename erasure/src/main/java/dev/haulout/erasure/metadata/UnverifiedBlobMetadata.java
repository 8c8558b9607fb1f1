package dev.haulout.erasure.metadata;

import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.ErasureException.InvalidMetadataException;
import dev.haulout.erasure.ErasureException.MalformedDataException;
import dev.haulout.wire.BcsReader;
import dev.haulout.wire.BcsWriter;

/**
 * Metadata with a claimed blob ID ({@code BlobMetadataWithId}, e.g. from a storage node), not yet
 * checked. {@link #verify} is the only way to a {@link VerifiedBlobMetadata}.
 */
public final class UnverifiedBlobMetadata {
  private final BlobId blobId;
  private final BlobMetadata metadata;

  private UnverifiedBlobMetadata(BlobId blobId, BlobMetadata metadata) {
    this.blobId = blobId;
    this.metadata = metadata;
  }

  public static UnverifiedBlobMetadata of(BlobId claimedId, BlobMetadata metadata) {
    return new UnverifiedBlobMetadata(claimedId, metadata);
  }

  /** Parses BCS {@code BlobMetadataWithId}: 32-byte blob ID then {@code BlobMetadata}. */
  public static UnverifiedBlobMetadata fromBcs(byte[] bcs) {
    BcsReader in = MalformedDataException.reader("BlobMetadataWithId", bcs);
    BlobId id = BlobId.fromBytes(in.fixed(32));
    BlobMetadata m = BlobMetadata.read(in);
    in.expectEnd();
    return new UnverifiedBlobMetadata(id, m);
  }

  public byte[] toBcs() {
    BcsWriter out = new BcsWriter(48 + 66 * metadata.nShards()).fixed(blobId.toBytes());
    metadata.write(out);
    return out.toByteArray();
  }

  public BlobId claimedBlobId() {
    return blobId;
  }

  public BlobMetadata metadata() {
    return metadata;
  }

  /**
   * Checks shard count, length limit and that the blob ID follows from the hashes.
   *
   * @throws InvalidMetadataException naming the failed check
   */
  public VerifiedBlobMetadata verify(EncodingConfig config) {
    if (metadata.nShards() != config.nShards()) {
      throw new InvalidMetadataException(
          "has " + metadata.nShards() + " sliver pairs, expected " + config.nShards());
    }
    if (metadata.unencodedLength() > config.maxBlobSize()) {
      throw new InvalidMetadataException(
          "unencoded length " + metadata.unencodedLength() + " exceeds " + config.maxBlobSize());
    }
    BlobId actual = metadata.computeBlobId();
    if (!actual.equals(blobId)) {
      throw new InvalidMetadataException("blob ID " + blobId + " does not match the hashes (" + actual + ")");
    }
    return new VerifiedBlobMetadata(blobId, metadata, config);
  }
}
