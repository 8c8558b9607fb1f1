package dev.haulout.chain.model;

import dev.haulout.wire.Blake2b256;
import dev.haulout.wire.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The ledger's record that a Walrus blob ID is invalid (inconsistently encoded), created by an
 * {@code InvalidateBlobId} transaction carrying an f+1 certificate of storage nodes over
 * {@code InvalidBlobIdMsg}. There is at most one per blob ID: its object ID is derived from the
 * blob ID ({@link #objectIdFor}), so a second invalidation finds it. Owned by the system object
 * (nobody can transfer or delete it). {@code epoch} is the epoch of the certificate,
 * {@code signerWeight} the shards of its signers.
 */
public record InvalidBlobId(String id, String owner, String blobId, int epoch, long signerWeight)
    implements ChainObject {
  private static final byte[] DOMAIN = "haulout::InvalidBlobId".getBytes(StandardCharsets.US_ASCII);

  /** {@code 0x} + hex of BLAKE2b-256("haulout::InvalidBlobId" ‖ 32-byte blob ID). */
  public static String objectIdFor(byte[] blobId) {
    if (blobId.length != 32) {
      throw new IllegalArgumentException("blob id must be 32 bytes, got " + blobId.length);
    }
    return "0x" + Hex.encode(Blake2b256.hash(DOMAIN, blobId));
  }

  /** As {@link #objectIdFor(byte[])} for a base64url blob ID; IllegalArgumentException if malformed. */
  public static String objectIdFor(String blobIdBase64) {
    return objectIdFor(Base64.getUrlDecoder().decode(blobIdBase64));
  }
}
