package dev.haulout.erasure.metadata;

import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.ErasureException.MalformedDataException;
import dev.haulout.wire.BcsReader;
import dev.haulout.wire.BcsWriter;
import dev.haulout.wire.Blake2b256;
import java.util.Arrays;

/**
 * {@code BlobMetadata::V1} (SPEC §5): encoding type RS2, unencoded length and, per sliver pair
 * {@code p}, the hashes of primary sliver {@code p} and secondary sliver {@code n-1-p}. BCS:
 * {@code 0x00 ‖ 0x01 ‖ u64le L ‖ ULEB128(n) ‖ n × (0x01 ‖ 32 B ‖ 0x01 ‖ 32 B)}. Carries no trust
 * by itself: see {@link UnverifiedBlobMetadata#verify}. Immutable.
 */
public final class BlobMetadata {
  private final long unencodedLength;
  private final byte[] primaryHashes; // by primary sliver index, 32 bytes each
  private final byte[] secondaryHashes; // by secondary sliver index, 32 bytes each

  private BlobMetadata(long unencodedLength, byte[] primaryHashes, byte[] secondaryHashes) {
    this.unencodedLength = unencodedLength;
    this.primaryHashes = primaryHashes;
    this.secondaryHashes = secondaryHashes;
  }

  /**
   * Metadata from per-sliver hashes, each array {@code 32 n} bytes indexed by <em>sliver</em>
   * index (copied).
   */
  public static BlobMetadata of(long unencodedLength, byte[] primaryHashes, byte[] secondaryHashes) {
    if (unencodedLength < 0) {
      throw new IllegalArgumentException("negative blob length: " + unencodedLength);
    }
    if (primaryHashes.length % 32 != 0 || primaryHashes.length != secondaryHashes.length || primaryHashes.length == 0) {
      throw new IllegalArgumentException(
          "hash arrays must be equal non-zero multiples of 32 bytes: " + primaryHashes.length + ", "
              + secondaryHashes.length);
    }
    return new BlobMetadata(unencodedLength, primaryHashes.clone(), secondaryHashes.clone());
  }

  /** Parses BCS {@code BlobMetadata}; rejects variants other than V1 and encoding types other than RS2. */
  public static BlobMetadata fromBcs(byte[] bcs) {
    BcsReader in = MalformedDataException.reader("BlobMetadata", bcs);
    BlobMetadata m = read(in);
    in.expectEnd();
    return m;
  }

  static BlobMetadata read(BcsReader in) {
    int variant = in.u8();
    if (variant != 0) {
      throw in.fail("unknown metadata variant " + variant);
    }
    int type = in.u8();
    if (type != EncodingConfig.ENCODING_TYPE_RS2) {
      throw in.fail("unsupported encoding type " + type + " (only RS2 = 1)");
    }
    long length = in.u64();
    if (length < 0) {
      throw in.fail("unencoded length " + Long.toUnsignedString(length) + " too large");
    }
    int n = in.length();
    if (n == 0 || n > 65535) {
      throw in.fail("shard count " + n + " out of range");
    }
    byte[] primary = new byte[32 * n];
    byte[] secondary = new byte[32 * n];
    for (int p = 0; p < n; p++) {
      readNode(in, primary, 32 * p);
      readNode(in, secondary, 32 * (n - 1 - p));
    }
    return new BlobMetadata(length, primary, secondary);
  }

  private static void readNode(BcsReader in, byte[] into, int off) {
    int tag = in.u8();
    if (tag != 1) {
      throw in.fail(tag == 0 ? "empty hash node" : "unknown hash node tag " + tag);
    }
    System.arraycopy(in.fixed(32), 0, into, off, 32);
  }

  public byte[] toBcs() {
    BcsWriter out = new BcsWriter(16 + 66 * nShards());
    write(out);
    return out.toByteArray();
  }

  void write(BcsWriter out) {
    int n = nShards();
    out.u8(0).u8(EncodingConfig.ENCODING_TYPE_RS2).u64(unencodedLength).uleb128(n);
    for (int p = 0; p < n; p++) {
      out.u8(1).fixed(primaryHashes, 32 * p, 32);
      out.u8(1).fixed(secondaryHashes, 32 * (n - 1 - p), 32);
    }
  }

  public int nShards() {
    return primaryHashes.length / 32;
  }

  public long unencodedLength() {
    return unencodedLength;
  }

  public int encodingType() {
    return EncodingConfig.ENCODING_TYPE_RS2;
  }

  /** Merkle root of the sliver with this axis and <em>sliver</em> index (a copy). */
  public byte[] sliverHash(Axis axis, int sliverIndex) {
    if (sliverIndex < 0 || sliverIndex >= nShards()) {
      throw new IllegalArgumentException("sliver index " + sliverIndex + " out of range [0, " + nShards() + ")");
    }
    byte[] src = axis == Axis.PRIMARY ? primaryHashes : secondaryHashes;
    return Arrays.copyOfRange(src, 32 * sliverIndex, 32 * sliverIndex + 32);
  }

  /** Root hash: Merkle root over {@code H(0x00 ‖ primary_p ‖ secondary_{n-1-p})}. */
  public byte[] rootHash() {
    int n = nShards();
    Blake2b256 h = new Blake2b256();
    byte[] leaves = new byte[32 * n];
    byte[] pair = new byte[64];
    for (int p = 0; p < n; p++) {
      System.arraycopy(primaryHashes, 32 * p, pair, 0, 32);
      System.arraycopy(secondaryHashes, 32 * (n - 1 - p), pair, 32, 32);
      h.hash(0, pair, 0, 64, leaves, 32 * p);
    }
    byte[] root = new byte[32];
    MerkleTree.root(h, leaves, 0, n, leaves, root, 0);
    return root;
  }

  /** The blob ID these metadata imply. */
  public BlobId computeBlobId() {
    return BlobId.compute(unencodedLength, rootHash());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BlobMetadata)) {
      return false;
    }
    BlobMetadata m = (BlobMetadata) o;
    return unencodedLength == m.unencodedLength
        && Arrays.equals(primaryHashes, m.primaryHashes)
        && Arrays.equals(secondaryHashes, m.secondaryHashes);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(unencodedLength) * 31 + Arrays.hashCode(primaryHashes);
  }
}
