package dev.haulout.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.crypto.Ed25519PublicKey;
import dev.haulout.dataset.SignedDocumentException.Reason;
import dev.haulout.wire.Hex;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A purchase receipt ({@code haulout.receipt.v1}, docs/commerce.md): what was bought, by whom, for
 * how much, in which ledger transaction, and the certified blobs it reads. The document on the wire
 * is {@code {"payload": base64url(JSON), "signature": base64url, "publicKey": "0x…"}}; anyone
 * checks it with {@link #verify} against the published marketplace key.
 */
@JsonPropertyOrder({"v", "listingId", "revision", "buyer", "kind", "priceFrost", "txDigest", "accessId",
    "expiresAtMs", "blobs", "issuedAtMs"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Receipt(String v, String listingId, long revision, String buyer, String kind, long priceFrost,
    String txDigest, String accessId, Long expiresAtMs, List<BlobRef> blobs, long issuedAtMs) {
  public static final String VERSION = "haulout.receipt.v1";

  /** A blob the purchase reads and its certification on the ledger ({@code certifiedEpoch} null if not yet). */
  @JsonPropertyOrder({"blobId", "blobObjectId", "certifiedEpoch"})
  public record BlobRef(String blobId, String blobObjectId, Integer certifiedEpoch) {}

  public Receipt {
    if (!VERSION.equals(v)) {
      throw new IllegalArgumentException("receipt version must be " + VERSION);
    }
    if (listingId == null || buyer == null || kind == null || txDigest == null) {
      throw new IllegalArgumentException("listingId, buyer, kind and txDigest are required");
    }
    blobs = blobs == null ? List.of() : List.copyOf(blobs);
  }

  /** The signed document, as JSON text. */
  public String sign(Ed25519KeyPair key) {
    byte[] payload = SignedPayload.json(this);
    Map<String, String> doc = new LinkedHashMap<>();
    doc.put("payload", SignedPayload.b64(payload));
    doc.put("signature", SignedPayload.sign(key, payload));
    doc.put("publicKey", "0x" + Hex.encode(key.publicKey().bytes()));
    return new String(SignedPayload.json(doc), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * The receipt in {@code document} if it is signed by {@code marketplaceKey} (the document's own
   * {@code publicKey} must be that key too); {@link SignedDocumentException} {@code INVALID} otherwise.
   */
  public static Receipt verify(String document, Ed25519PublicKey marketplaceKey) {
    JsonNode doc;
    try {
      doc = SignedPayload.JSON.readTree(document);
    } catch (IOException | IllegalArgumentException e) {
      throw new SignedDocumentException(Reason.INVALID, "the receipt is not JSON");
    }
    if (doc == null || !doc.isObject() || !doc.path("payload").isTextual() || !doc.path("signature").isTextual()
        || !doc.path("publicKey").isTextual()) {
      throw new SignedDocumentException(Reason.INVALID, "the receipt needs payload, signature and publicKey strings");
    }
    String expected = "0x" + Hex.encode(marketplaceKey.bytes());
    if (!expected.equalsIgnoreCase(doc.get("publicKey").asText())) {
      throw new SignedDocumentException(Reason.INVALID, SignedDocumentException.Check.SIGNER,
          "the receipt names another key than the marketplace's");
    }
    byte[] payload = SignedPayload.unb64(doc.get("payload").asText(), "receipt payload");
    SignedPayload.verify(marketplaceKey, payload, SignedPayload.unb64(doc.get("signature").asText(), "receipt signature"),
        "receipt");
    return SignedPayload.parse(payload, Receipt.class, "receipt");
  }
}
