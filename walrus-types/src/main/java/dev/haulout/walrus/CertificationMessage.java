package dev.haulout.walrus;

import dev.haulout.wire.BcsWriter;

/**
 * The BCS messages storage nodes sign (Walrus {@code messages.move}, SPEC §9), each with intent
 * {@code [type, 0 (version), 3 (app STORAGE)]} ‖ u32le epoch ‖ blob ID (32 B):
 * <ul>
 *   <li>{@link #blobCertified}: type 1 ({@code BLOB_CERT_MSG}) ‖ persistence type (0 permanent |
 *       1 deletable ‖ Blob object ID);
 *   <li>{@link #invalidBlobId}: type 2 ({@code INVALID_BLOB_ID_MSG}), nothing more.
 * </ul>
 * The one home of these bytes: nodes sign them, clients and the ledger check signatures over them.
 */
public final class CertificationMessage {
  /** Intent type of a storage confirmation ({@code BLOB_CERT_MSG}). */
  public static final int BLOB_CERTIFIED = 1;
  /** Intent type of an invalid-blob attestation ({@code INVALID_BLOB_ID_MSG}). */
  public static final int INVALID_BLOB_ID = 2;
  /** Intent version. */
  public static final int VERSION = 0;
  /** Intent app ID of Walrus storage. */
  public static final int APP_STORAGE = 3;

  private CertificationMessage() {}

  /** The confirmation of a permanent blob. */
  public static byte[] permanent(int epoch, BlobId blobId) {
    return blobCertified(epoch, blobId, null);
  }

  /**
   * The confirmation of a blob: permanent when {@code deletableObjectId} is null, else deletable and
   * owned by that Blob object (32 bytes).
   */
  public static byte[] blobCertified(int epoch, BlobId blobId, byte[] deletableObjectId) {
    if (deletableObjectId != null && deletableObjectId.length != 32) {
      throw new IllegalArgumentException("object id must be 32 bytes, got " + deletableObjectId.length);
    }
    BcsWriter w = header(BLOB_CERTIFIED, epoch, blobId);
    return (deletableObjectId == null ? w.u8(0) : w.u8(1).fixed(deletableObjectId)).toByteArray();
  }

  /** {@code 02 00 03 ‖ u32le epoch ‖ blob_id} (Walrus {@code InvalidBlobIdMsg}). */
  public static byte[] invalidBlobId(int epoch, BlobId blobId) {
    return header(INVALID_BLOB_ID, epoch, blobId).toByteArray();
  }

  private static BcsWriter header(int type, int epoch, BlobId blobId) {
    return new BcsWriter(72).u8(type).u8(VERSION).u8(APP_STORAGE).u32(epoch).fixed(blobId.toBytes());
  }
}
