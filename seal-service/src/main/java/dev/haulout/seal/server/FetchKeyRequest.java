package dev.haulout.seal.server;

import dev.haulout.seal.session.SessionCertificate;
import java.util.Objects;

/**
 * A decoded {@code POST /v1/fetch_key} body. Nothing in it is verified yet: {@link
 * FetchKeyService#fetchKeys} checks the PTB, the certificate, both signatures and the policy.
 */
public record FetchKeyRequest(
    byte[] ptb,
    byte[] encKey,
    byte[] encVerificationKey,
    byte[] requestSignature,
    SessionCertificate certificate) {
  public FetchKeyRequest {
    Objects.requireNonNull(certificate, "certificate");
    ptb = ptb.clone();
    encKey = encKey.clone();
    encVerificationKey = encVerificationKey.clone();
    requestSignature = requestSignature.clone();
  }

  @Override
  public byte[] ptb() {
    return ptb.clone();
  }

  @Override
  public byte[] encKey() {
    return encKey.clone();
  }

  @Override
  public byte[] encVerificationKey() {
    return encVerificationKey.clone();
  }

  @Override
  public byte[] requestSignature() {
    return requestSignature.clone();
  }
}
