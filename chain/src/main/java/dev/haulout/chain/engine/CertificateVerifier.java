package dev.haulout.chain.engine;

import java.util.List;

/**
 * Checks the aggregate signature of a storage-node certificate (BLS12-381 min-pk in Walrus) over a
 * Walrus protocol message by the given committee members' public keys. The ledger itself checks
 * the weight arithmetic ({@link Quorum}); the BLS12-381 check is chain's
 * {@code adapter.bls.BlsCertificates}, the default of every ledger entry point. There is no
 * accept-anything implementation in main code.
 *
 * <p>Two message kinds travel through this port ({@link MessageKind}): the blob certification
 * ({@code CertifyBlob}) and the invalid-blob attestation ({@code InvalidateBlobId}). The ledger
 * calls {@link #verify(MessageKind, byte[], List, byte[])}, which checks the message's intent
 * header against the kind and then the signature with {@link #verify(byte[], List, byte[])}.
 */
@FunctionalInterface
public interface CertificateVerifier {
  /** Walrus message kinds (intent type byte of {@code messages.move}; version 0, app 3). */
  enum MessageKind {
    /** {@code BLOB_CERT_MSG}: {@code 01 00 03 ‖ u32le epoch ‖ blob_id ‖ persistence}. */
    BLOB_CERTIFIED(1),
    /** {@code INVALID_BLOB_ID_MSG}: {@code 02 00 03 ‖ u32le epoch ‖ blob_id}. */
    INVALID_BLOB_ID(2);

    private final int intent;

    MessageKind(int intent) {
      this.intent = intent;
    }

    /** The intent type byte. */
    public int intent() {
      return intent;
    }

    /** True if {@code message} starts with this kind's intent {@code [type, 0, 3]}. */
    public boolean matches(byte[] message) {
      return message != null && message.length >= 3 && (message[0] & 0xff) == intent && message[1] == 0 && message[2] == 3;
    }
  }

  /** The aggregate signature over exactly {@code message} by exactly these keys. */
  boolean verify(byte[] message, List<String> signerPublicKeys, byte[] aggregateSignature);

  /**
   * As {@link #verify(byte[], List, byte[])}, for a message of {@code kind}: a message whose
   * intent header is not that kind's is refused before any signature check.
   */
  default boolean verify(MessageKind kind, byte[] message, List<String> signerPublicKeys, byte[] aggregateSignature) {
    return kind.matches(message) && verify(message, signerPublicKeys, aggregateSignature);
  }
}
