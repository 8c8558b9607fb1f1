package dev.haulout.chain.engine;

import dev.haulout.chain.model.Blob;
import dev.haulout.chain.tx.BcsWriter;
import java.util.Base64;

/**
 * The message storage nodes sign to confirm a blob (Walrus {@code messages.move}): intent
 * {@code [1 (BLOB_CERT_MSG), 0, 3 (Walrus app)]} ‖ u32 epoch ‖ blob id (32 B) ‖ persistence type
 * (0 permanent | 1 deletable ‖ object id).
 */
public final class CertificationMessage {
  private CertificationMessage() {}

  public static byte[] blobCertified(int epoch, Blob blob) {
    byte[] id = Base64.getUrlDecoder().decode(blob.blobId());
    BcsWriter w = new BcsWriter().u8(1).u8(0).u8(3).u32(epoch);
    for (byte b : id) {
      w.u8(b & 0xff);
    }
    if (blob.deletable()) {
      w.u8(1).address(blob.id());
    } else {
      w.u8(0);
    }
    return w.toByteArray();
  }
}
