package dev.haulout.dataset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.crypto.Ed25519PublicKey;
import dev.haulout.dataset.SignedDocumentException.Reason;
import java.io.IOException;
import java.util.Base64;

/**
 * The signing both documents share: JSON payload bytes, a plain Ed25519 signature over exactly
 * those bytes (no re-serialisation before verifying, so no canonical form is needed), base64url
 * without padding on the wire.
 */
final class SignedPayload {
  static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder D64 = Base64.getUrlDecoder();

  private SignedPayload() {}

  static byte[] json(Object payload) {
    try {
      return JSON.writeValueAsBytes(payload);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise " + payload.getClass().getSimpleName(), e);
    }
  }

  static String b64(byte[] b) {
    return B64.encodeToString(b);
  }

  static byte[] unb64(String s, String what) {
    try {
      return D64.decode(s);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new SignedDocumentException(Reason.INVALID, what + " is not base64url");
    }
  }

  static String sign(Ed25519KeyPair key, byte[] payload) {
    return b64(key.sign(payload));
  }

  static void verify(Ed25519PublicKey key, byte[] payload, byte[] signature, String what) {
    if (signature.length != 64 || !key.verify(payload, signature)) {
      throw new SignedDocumentException(Reason.INVALID, SignedDocumentException.Check.SIGNATURE,
          what + ": the signature does not verify with the marketplace key");
    }
  }

  static <T> T parse(byte[] payload, Class<T> type, String what) {
    try {
      T t = JSON.readValue(payload, type);
      if (t == null) {
        throw new SignedDocumentException(Reason.INVALID, what + " payload is empty");
      }
      return t;
    } catch (IOException | IllegalArgumentException e) {
      throw new SignedDocumentException(Reason.INVALID, what + " payload is not the documented JSON");
    }
  }
}
