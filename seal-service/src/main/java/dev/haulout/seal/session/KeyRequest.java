package dev.haulout.seal.session;

import dev.haulout.seal.crypto.elgamal.ElGamalKeyPair;

/**
 * One signed {@code fetch_key} request: the PTB, the ephemeral ElGamal key pair whose public
 * halves are sent (the secret opens the responses), the session signature and the certificate.
 * The same request may be sent to every key server.
 */
public record KeyRequest(
    byte[] ptb, ElGamalKeyPair elGamal, byte[] requestSignature, SessionCertificate certificate) {
  public KeyRequest {
    ptb = ptb.clone();
    requestSignature = requestSignature.clone();
  }

  @Override
  public byte[] ptb() {
    return ptb.clone();
  }

  @Override
  public byte[] requestSignature() {
    return requestSignature.clone();
  }

  @Override
  public String toString() {
    return "KeyRequest[user=" + certificate.user() + ", ptbBytes=" + ptb.length + "]";
  }
}
