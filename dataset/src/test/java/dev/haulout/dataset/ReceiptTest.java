package dev.haulout.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.dataset.SignedDocumentException.Check;
import dev.haulout.dataset.SignedDocumentException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptTest {
  static final Ed25519KeyPair MARKET = Ed25519KeyPair.generate();
  static final ObjectMapper JSON = new ObjectMapper();

  static Receipt receipt() {
    return new Receipt(Receipt.VERSION, "0x" + "ab".repeat(32), 1, "0x" + "cd".repeat(32), "RENT", 3_000_000_000L,
        "9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin", "0x" + "ef".repeat(32), 1_800_000_000_000L,
        List.of(new Receipt.BlobRef("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", "0x" + "12".repeat(32), 3)),
        1_700_000_000_000L);
  }

  @Test
  void aSignedReceiptVerifiesAndNamesEverything() throws Exception {
    Receipt r = receipt();
    String doc = r.sign(MARKET);
    assertEquals(r, Receipt.verify(doc, MARKET.publicKey()));
    var tree = JSON.readTree(doc);
    assertEquals("0x" + dev.haulout.wire.Hex.encode(MARKET.publicKey().bytes()), tree.get("publicKey").asText());
    String payload = new String(Base64.getUrlDecoder().decode(tree.get("payload").asText()), StandardCharsets.UTF_8);
    for (String field : List.of("listingId", "revision", "buyer", "kind", "priceFrost", "txDigest", "accessId",
        "expiresAtMs", "blobs", "blobId", "blobObjectId", "certifiedEpoch", "issuedAtMs", Receipt.VERSION)) {
      assertTrue(payload.contains(field), field + " in " + payload);
    }
  }

  @Test
  void aTamperedReceiptDoesNotVerify() throws Exception {
    String doc = receipt().sign(MARKET);
    ObjectNode tree = (ObjectNode) JSON.readTree(doc);
    String payload = new String(Base64.getUrlDecoder().decode(tree.get("payload").asText()), StandardCharsets.UTF_8);
    ObjectNode cheaper = tree.deepCopy();
    cheaper.put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(
        payload.replace("3000000000", "1").getBytes(StandardCharsets.UTF_8)));
    assertInvalid(cheaper.toString(), Check.SIGNATURE);

    // re-signed by someone else, naming their own key
    Ed25519KeyPair mallory = Ed25519KeyPair.generate();
    assertInvalid(receipt().sign(mallory), Check.SIGNER);
    // someone else's signature under the marketplace's key name
    ObjectNode swapped = (ObjectNode) JSON.readTree(receipt().sign(mallory));
    swapped.put("publicKey", tree.get("publicKey").asText());
    assertInvalid(swapped.toString(), Check.SIGNATURE);

    assertInvalid("not json", Check.FORMAT);
    assertInvalid("{}", Check.FORMAT);
    assertInvalid("[]", Check.FORMAT);
    ObjectNode noSig = tree.deepCopy();
    noSig.remove("signature");
    assertInvalid(noSig.toString(), Check.FORMAT);
    // well signed over a payload that is not a receipt: the signature holds, the shape does not
    ObjectNode notAReceipt = tree.deepCopy();
    byte[] other = "{\"v\":\"haulout.receipt.v1\"}".getBytes(StandardCharsets.UTF_8);
    notAReceipt.put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(other));
    notAReceipt.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(MARKET.sign(other)));
    assertInvalid(notAReceipt.toString(), Check.FORMAT);
  }

  static void assertInvalid(String doc, Check check) {
    var e = assertThrows(SignedDocumentException.class, () -> Receipt.verify(doc, MARKET.publicKey()));
    assertEquals(Reason.INVALID, e.reason(), e.getMessage());
    assertEquals(check, e.check(), e.getMessage());
  }
}
