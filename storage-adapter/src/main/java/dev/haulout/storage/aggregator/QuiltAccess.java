package dev.haulout.storage.aggregator;

import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.erasure.quilt.Quilt;
import dev.haulout.erasure.quilt.QuiltBlob;
import dev.haulout.erasure.quilt.QuiltPatch;
import dev.haulout.erasure.quilt.QuiltReader;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.read.BlobReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Quilts (SPEC §8) on top of the blob paths: a quilt is built by the erasure module and stored as
 * one blob; it is read back through the verifying read path and its systematic secondary slivers
 * (the message-matrix columns the patches live in) are rebuilt from the verified bytes.
 */
final class QuiltAccess {
  /** Largest quilt the publisher builds in memory. */
  static final long MAX_QUILT_BYTES = 64L << 20;
  /** Largest {@code _metadata} of a quilt upload. */
  static final int MAX_METADATA_BYTES = 1 << 20;
  /**
   * Form fields the publisher's HTTP server decodes in one request: more than {@link #maxPatches}
   * at any shard count (at most 65535), plus {@code _metadata}. The real limit is checked per upload.
   */
  static final int MAX_FORM_FIELDS = 65_536 + 1;

  /**
   * Most blobs one quilt holds at {@code nShards}: {@code k2 - 1}, because the index takes at least
   * one of the k2 columns and each blob starts on a column of its own (the check in
   * {@code Quilt.construct}; QuiltLimitsTest keeps the two equal).
   */
  static int maxPatches(int nShards) {
    return EncodingConfig.forShards(nShards).secondarySourceSymbols() - 1;
  }

  private QuiltAccess() {}

  static byte[] build(int nShards, Collection<QuiltBlob> blobs) {
    if (blobs.isEmpty()) {
      throw StorageException.invalidArgument(StorageErrorCode.EMPTY_QUILT, "a quilt needs at least one blob");
    }
    try {
      return Quilt.construct(EncodingConfig.forShards(nShards), blobs).blob();
    } catch (RuntimeException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_QUILT, e.getMessage());
    }
  }

  /** The patches of the stored quilt {@code id}, with a reader over its verified columns. */
  static QuiltReader open(BlobReader reader, BlobId id) {
    VerifiedBlobMetadata meta = reader.metadata(id);
    if (meta.unencodedLength() > MAX_QUILT_BYTES) {
      throw StorageException.invalidArgument(StorageErrorCode.QUILT_TOO_LARGE, "blob " + id + " is larger than " + MAX_QUILT_BYTES + " bytes");
    }
    byte[] all;
    try (InputStream in = reader.read(id, null)) {
      all = in.readAllBytes();
    } catch (IOException e) {
      throw StorageException.unavailable(StorageErrorCode.READ_FAILED, "cannot read quilt " + id + ": " + e.getMessage(), e);
    }
    EncodingConfig cfg = meta.config();
    int k1 = cfg.primarySourceSymbols();
    int k2 = cfg.secondarySourceSymbols();
    int s = meta.symbolSize();
    List<SliverData> columns = new ArrayList<>(k2);
    for (int j = 0; j < k2; j++) {
      byte[] col = new byte[k1 * s];
      for (int r = 0; r < k1; r++) {
        long from = (long) s * ((long) k2 * r + j);
        int n = (int) Math.max(0, Math.min(s, all.length - from));
        if (n > 0) {
          System.arraycopy(all, (int) from, col, r * s, n);
        }
      }
      columns.add(SliverData.wrap(Axis.SECONDARY, j, s, col));
    }
    QuiltReader q = QuiltReader.fromSecondarySlivers(columns);
    try {
      q.patches();
    } catch (RuntimeException e) {
      throw StorageException.invalidArgument(StorageErrorCode.NOT_A_QUILT, "blob " + id + " is not a quilt: " + e.getMessage());
    }
    return q;
  }

  /** {@code quilt blob ID ‖ 0x01 ‖ u16le start ‖ u16le end} → the quilt ID and the patch. */
  static QuiltBlob byPatchId(BlobReader reader, String patchId) {
    byte[] b;
    try {
      b = Base64.getUrlDecoder().decode(patchId);
    } catch (IllegalArgumentException e) {
      b = new byte[0];
    }
    if (b.length != 37 || b[32] != 1) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_QUILT_PATCH_ID, "not a quilt patch ID: " + patchId);
    }
    BlobId quilt = BlobId.fromBytes(java.util.Arrays.copyOf(b, 32));
    int start = (b[33] & 0xFF) | (b[34] & 0xFF) << 8;
    int end = (b[35] & 0xFF) | (b[36] & 0xFF) << 8;
    QuiltReader q = open(reader, quilt);
    for (QuiltPatch p : q.patches()) {
      if (p.startIndex() == start && p.endIndex() == end) {
        return q.read(p);
      }
    }
    throw StorageException.notFound(StorageErrorCode.QUILT_PATCH_NOT_FOUND, "no patch " + start + ".." + end + " in quilt " + quilt);
  }

  static QuiltBlob byIdentifier(BlobReader reader, BlobId quilt, String identifier) {
    QuiltReader q = open(reader, quilt);
    for (QuiltPatch p : q.patches()) {
      if (p.identifier().equals(identifier)) {
        return q.read(p);
      }
    }
    throw StorageException.notFound(StorageErrorCode.QUILT_PATCH_NOT_FOUND, "no patch " + identifier + " in quilt " + quilt);
  }
}
