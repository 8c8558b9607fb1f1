package dev.haulout.seal.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.server.FetchKeyRequest;
import dev.haulout.seal.server.IssuedKey;
import dev.haulout.seal.server.KeyServerErrorCode;
import dev.haulout.seal.server.KeyServerException;
import dev.haulout.seal.session.SessionCertificate;
import java.util.Base64;
import java.util.List;

/** JSON wire format of {@code /v1/fetch_key} (SPEC §7.3, §7.5), both directions. */
public final class FetchKeyJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FetchKeyJson() {}

  /** Decodes a request body; any shape error is {@link KeyServerErrorCode#InvalidParameter}. */
  public static FetchKeyRequest parseRequest(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (java.io.IOException e) {
      throw bad("malformed JSON");
    }
    if (root == null || !root.isObject()) {
      throw bad("body must be a JSON object");
    }
    JsonNode cert = root.get("certificate");
    if (cert == null || !cert.isObject()) {
      throw bad("missing certificate");
    }
    SuiAddress user;
    try {
      user = SuiAddress.parse(text(cert, "user"));
    } catch (IllegalArgumentException e) {
      throw bad("certificate.user is not a Sui address");
    }
    JsonNode mvr = cert.get("mvr_name");
    String mvrName = mvr == null || mvr.isNull() ? null : mvr.asText();
    SessionCertificate certificate;
    try {
      certificate =
          new SessionCertificate(
              user,
              b64(cert, "session_vk"),
              unsigned(cert, "creation_time", Long.MAX_VALUE),
              (int) unsigned(cert, "ttl_min", 0xffff),
              text(cert, "signature"),
              mvrName);
    } catch (IllegalArgumentException e) {
      throw bad("certificate: " + e.getMessage());
    }
    return new FetchKeyRequest(
        b64(root, "ptb"),
        b64(root, "enc_key"),
        b64(root, "enc_verification_key"),
        b64(root, "request_signature"),
        certificate);
  }

  /** Encodes a request body exactly as the SDK does (used by the Java client). */
  public static byte[] writeRequest(FetchKeyRequest r) {
    Base64.Encoder b64 = Base64.getEncoder();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("ptb", b64.encodeToString(r.ptb()));
    root.put("enc_key", b64.encodeToString(r.encKey()));
    root.put("enc_verification_key", b64.encodeToString(r.encVerificationKey()));
    root.put("request_signature", b64.encodeToString(r.requestSignature()));
    SessionCertificate c = r.certificate();
    ObjectNode cert = root.putObject("certificate");
    cert.put("user", c.user().toString());
    cert.put("session_vk", b64.encodeToString(c.sessionVk()));
    cert.put("creation_time", c.creationTimeMs());
    cert.put("ttl_min", c.ttlMin());
    cert.put("signature", c.signature());
    if (c.mvrName() != null) {
      cert.put("mvr_name", c.mvrName());
    }
    return bytes(root);
  }

  /** {@code {"decryption_keys": [{"id": [..], "encrypted_key": [c1, c2]}]}}. */
  public static byte[] writeResponse(List<IssuedKey> keys) {
    Base64.Encoder b64 = Base64.getEncoder();
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode arr = root.putArray("decryption_keys");
    for (IssuedKey k : keys) {
      ObjectNode o = arr.addObject();
      ArrayNode id = o.putArray("id");
      for (byte b : k.fullId()) {
        id.add(b & 0xff);
      }
      ArrayNode enc = o.putArray("encrypted_key");
      enc.add(b64.encodeToString(k.encryptedKey().c1().toBytes()));
      enc.add(b64.encodeToString(k.encryptedKey().c2().toBytes()));
    }
    return bytes(root);
  }

  /** {@code {"error": code, "message": text}}. */
  public static byte[] writeError(KeyServerErrorCode code, String message) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("error", code.name());
    root.put("message", message);
    return bytes(root);
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize JSON", e);
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || !n.isTextual()) {
      throw bad("missing or non-string field " + field);
    }
    return n.asText();
  }

  private static byte[] b64(JsonNode o, String field) {
    try {
      return Base64.getDecoder().decode(text(o, field));
    } catch (IllegalArgumentException e) {
      throw bad("field " + field + " is not base64");
    }
  }

  private static long unsigned(JsonNode o, String field, long max) {
    JsonNode n = o.get(field);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0 || n.asLong() > max) {
      throw bad("field " + field + " must be an integer in [0, " + max + "]");
    }
    return n.asLong();
  }

  private static KeyServerException bad(String why) {
    return new KeyServerException(KeyServerErrorCode.InvalidParameter, "Invalid parameter: " + why);
  }
}
