package dev.haulout.storage;

import dev.haulout.erasure.BlobId;

/**
 * The BCS message a node signs to confirm storage (SPEC §9): {@code 0x01 (BLOB_CERT_MSG) ‖ 0x00
 * (version) ‖ 0x03 (app STORAGE) ‖ u32le epoch ‖ blob_id ‖ 0x00 (Permanent) | 0x01 ‖ object_id
 * (Deletable)}.
 */
public final class StorageConfirmation {
  private StorageConfirmation() {}

  /** Message for a permanent blob. */
  public static byte[] permanent(int epoch, BlobId blobId) {
    return message(epoch, blobId, null);
  }

  /** Message for a deletable blob owned by Blob object {@code objectId} (32 bytes). */
  public static byte[] message(int epoch, BlobId blobId, byte[] deletableObjectId) {
    if (deletableObjectId != null && deletableObjectId.length != 32) {
      throw new IllegalArgumentException("object id must be 32 bytes, got " + deletableObjectId.length);
    }
    byte[] out = new byte[3 + 4 + 32 + 1 + (deletableObjectId == null ? 0 : 32)];
    out[0] = 1;
    out[1] = 0;
    out[2] = 3;
    for (int i = 0; i < 4; i++) {
      out[3 + i] = (byte) (epoch >>> (8 * i));
    }
    System.arraycopy(blobId.toBytes(), 0, out, 7, 32);
    if (deletableObjectId != null) {
      out[39] = 1;
      System.arraycopy(deletableObjectId, 0, out, 40, 32);
    }
    return out;
  }

  /**
   * The invalid-blob attestation a node signs after checking an inconsistency proof (Walrus
   * {@code InvalidBlobIdMsg}): intent {@code 0x02 (INVALID_BLOB_ID_MSG) ‖ 0x00 ‖ 0x03} ‖ u32le
   * epoch ‖ blob_id.
   */
  public static byte[] invalidBlob(int epoch, BlobId blobId) {
    byte[] out = new byte[3 + 4 + 32];
    out[0] = 2;
    out[1] = 0;
    out[2] = 3;
    for (int i = 0; i < 4; i++) {
      out[3 + i] = (byte) (epoch >>> (8 * i));
    }
    System.arraycopy(blobId.toBytes(), 0, out, 7, 32);
    return out;
  }

  /** Parses a {@code 0x} + 64 hex object ID. */
  public static byte[] objectIdBytes(String objectId) {
    String h = objectId.startsWith("0x") ? objectId.substring(2) : objectId;
    if (h.length() != 64) {
      throw new IllegalArgumentException("object id must be 0x + 64 hex: " + objectId);
    }
    return java.util.HexFormat.of().parseHex(h);
  }
}
