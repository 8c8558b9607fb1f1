package dev.haulout.storage.bls;

import dev.haulout.chain.engine.CertificateVerifier;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The real check of a Walrus storage certificate for the ledger: the aggregate BLS12-381 min-pk
 * signature over the certification message by the signers' registered keys (standard base64 of
 * the 48-byte compressed G1 keys). Install with {@code LedgerServerOptions.withCertificates(
 * BlsCertificateVerifier.create())}. The ledger checks the quorum weight itself.
 */
public final class BlsCertificateVerifier implements CertificateVerifier {
  private BlsCertificateVerifier() {}

  public static BlsCertificateVerifier create() {
    return new BlsCertificateVerifier();
  }

  @Override
  public boolean verify(byte[] message, List<String> signerPublicKeys, byte[] aggregateSignature) {
    List<byte[]> keys = new ArrayList<>(signerPublicKeys.size());
    for (String k : signerPublicKeys) {
      try {
        keys.add(Base64.getDecoder().decode(k));
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return BlsSignatures.verifyAggregate(keys, message, aggregateSignature);
  }
}
