package dev.haulout.seal.session;

import dev.haulout.wire.BcsWriter;
import java.io.ByteArrayOutputStream;

/**
 * The bytes a session key signs for one {@code /v1/fetch_key} request:
 * {@code BCS(struct {ptb: vector<u8>, enc_key: vector<u8>, enc_verification_key: vector<u8>})}
 * ({@code seal-sdk signed_request}, {@code session-key.ts createRequestParams}). The signature binds
 * the policy call and the ephemeral ElGamal keys to the session.
 */
public final class SignedRequest {
  private SignedRequest() {}

  public static byte[] bytes(byte[] ptb, byte[] encKey, byte[] encVerificationKey) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(ptb.length + 160);
    out.writeBytes(BcsWriter.vectorU8(ptb));
    out.writeBytes(BcsWriter.vectorU8(encKey));
    out.writeBytes(BcsWriter.vectorU8(encVerificationKey));
    return out.toByteArray();
  }
}
