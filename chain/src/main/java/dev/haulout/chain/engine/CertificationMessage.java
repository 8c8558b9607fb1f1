package dev.haulout.chain.engine;

import dev.haulout.chain.model.Blob;
import dev.haulout.wire.BcsWriter;
import java.util.Base64;

/**
 * The messages storage nodes sign (Walrus {@code messages.move}), each with intent
 * {@code [type, 0, 3 (Walrus app)]} ‖ u32 epoch ‖ blob id (32 B):
 * <ul>
 *   <li>{@link #blobCertified}: type 1 ({@code BLOB_CERT_MSG}) ‖ persistence type (0 permanent |
 *       1 deletable ‖ object id);
 *   <li>{@link #invalidBlobId}: type 2 ({@code INVALID_BLOB_ID_MSG}), nothing more.
 * </ul>
 */
public final class CertificationMessage {
  private CertificationMessage() {}

  public static byte[] blobCertified(int epoch, Blob blob) {
    byte[] id = Base64.getUrlDecoder().decode(blob.blobId());
    BcsWriter w = header(CertificateVerifier.MessageKind.BLOB_CERTIFIED, epoch, id);
    if (blob.deletable()) {
      w.u8(1).address(blob.id());
    } else {
      w.u8(0);
    }
    return w.toByteArray();
  }

  /** {@code 02 00 03 ‖ u32le epoch ‖ blob_id} (Walrus {@code InvalidBlobIdMsg}). */
  public static byte[] invalidBlobId(int epoch, byte[] blobId) {
    if (blobId.length != 32) {
      throw new IllegalArgumentException("blob id must be 32 bytes, got " + blobId.length);
    }
    return header(CertificateVerifier.MessageKind.INVALID_BLOB_ID, epoch, blobId).toByteArray();
  }

  private static BcsWriter header(CertificateVerifier.MessageKind kind, int epoch, byte[] blobId) {
    return new BcsWriter().u8(kind.intent()).u8(0).u8(3).u32(epoch).fixed(blobId);
  }
}
