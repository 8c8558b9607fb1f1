package dev.haulout.chain;

import dev.haulout.chain.engine.CertificateVerifier;
import java.util.List;

/**
 * TEST ONLY. A fake certificate check that accepts every signature, so only the ledger's own
 * quorum arithmetic decides. It lives in test sources: no main code can reach it, and every
 * ledger entry point defaults to the real BLS check ({@code BlsCertificates}).
 */
public final class FakeQuorumOnlyVerifier implements CertificateVerifier {
  public static final FakeQuorumOnlyVerifier INSTANCE = new FakeQuorumOnlyVerifier();

  private FakeQuorumOnlyVerifier() {}

  @Override
  public boolean verify(byte[] message, List<String> signerPublicKeys, byte[] aggregateSignature) {
    return true;
  }
}
