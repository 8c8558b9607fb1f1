package dev.haulout.chain.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.wire.Hex;
import dev.haulout.wire.SuiAddress;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Golden vectors produced by @mysten/sui (see chain/interop/gen-vectors.mjs). */
class SuiVectorsTest {

  private static JsonNode vectors() throws IOException {
    try (InputStream in = SuiVectorsTest.class.getResourceAsStream("/sui-vectors.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @TestFactory
  List<DynamicTest> reproducesSdkKeysAddressesAndSignatures() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode k : vectors().get("keys")) {
      String seedHex = k.get("seedHex").asText();
      tests.add(DynamicTest.dynamicTest("seed " + seedHex.substring(0, 8), () -> {
        Ed25519KeyPair kp = Ed25519KeyPair.fromSeed(Hex.decode(seedHex));
        assertEquals(k.get("address").asText(), kp.address().toString());
        assertEquals(k.get("publicKeyB64").asText(), kp.publicKey().toBase64());
        assertEquals(k.get("suiPublicKey").asText(), kp.publicKey().toSuiPublicKey());
        assertEquals(k.get("suiPrivateKey").asText(), kp.toSuiPrivateKey());
        Ed25519KeyPair imported = Ed25519KeyPair.fromSuiPrivateKey(k.get("suiPrivateKey").asText());
        assertArrayEquals(kp.privateKey(), imported.privateKey());
        SuiAddress addr = SuiAddress.parse(k.get("address").asText());
        for (JsonNode p : k.get("personal")) {
          byte[] msg = Base64.getDecoder().decode(p.get("messageB64").asText());
          String sdkSig = p.get("signature").asText();
          assertEquals(sdkSig, SuiSignatures.signPersonalMessage(kp, msg), "Ed25519 is deterministic");
          assertTrue(SuiSignatures.verifyPersonalMessage(msg, sdkSig, addr));
          assertFalse(SuiSignatures.verifyTransaction(msg, sdkSig, addr), "intent separates scopes");
        }
        for (JsonNode t : k.get("transaction")) {
          byte[] tx = Base64.getDecoder().decode(t.get("txB64").asText());
          String sdkSig = t.get("signature").asText();
          assertEquals(sdkSig, SuiSignatures.signTransaction(kp, tx));
          assertTrue(SuiSignatures.verifyTransaction(tx, sdkSig, addr));
          assertFalse(SuiSignatures.verifyPersonalMessage(tx, sdkSig, addr));
        }
      }));
    }
    return tests;
  }
}
