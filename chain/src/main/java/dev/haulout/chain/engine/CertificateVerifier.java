package dev.haulout.chain.engine;

import java.util.List;

/**
 * Checks the aggregate signature of a storage certificate (BLS12-381 min-pk in Walrus) over the
 * confirmation message by the given committee members' public keys. The ledger itself checks the
 * quorum arithmetic ({@link Quorum}); the storage module plugs in the BLS check.
 */
@FunctionalInterface
public interface CertificateVerifier {
  boolean verify(byte[] message, List<String> signerPublicKeys, byte[] aggregateSignature);

  /**
   * Localnet without BLS: accepts any signature bytes and relies on quorum arithmetic only.
   * Not for a network with untrusted submitters.
   */
  static CertificateVerifier quorumOnly() {
    return (message, keys, sig) -> true;
  }
}
