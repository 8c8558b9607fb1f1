package dev.haulout.chain.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Live interop against the official {@code @mysten/sui} SDK run by node: keys made by the SDK
 * work in Java and the reverse, and signatures verify in both directions.
 */
class SuiSdkInteropTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sdkKeysDeriveSameAddressAndSdkSignaturesVerifyInJava() throws Exception {
    ArrayNode keys = (ArrayNode) NodeOracle.call(JSON.readTree("[{\"op\":\"keys\",\"count\":3}]")).get(0);
    byte[] msg = "haulout interop".getBytes(StandardCharsets.UTF_8);
    String msgB64 = Base64.getEncoder().encodeToString(msg);
    ArrayNode reqs = JSON.createArrayNode();
    for (JsonNode k : keys) {
      ObjectNode p = reqs.addObject();
      p.put("op", "signPersonal").put("secretKey", k.get("secretKey").asText()).put("messageB64", msgB64);
      ObjectNode t = reqs.addObject();
      t.put("op", "signTx").put("secretKey", k.get("secretKey").asText()).put("txB64", msgB64);
    }
    JsonNode sigs = NodeOracle.call(reqs);
    for (int i = 0; i < keys.size(); i++) {
      JsonNode k = keys.get(i);
      Ed25519KeyPair kp = Ed25519KeyPair.fromSuiPrivateKey(k.get("secretKey").asText());
      SuiAddress addr = kp.address();
      assertEquals(k.get("address").asText(), addr.toString());
      assertEquals(k.get("suiPublicKey").asText(), kp.publicKey().toSuiPublicKey());
      String personal = sigs.get(2 * i).get("signature").asText();
      String tx = sigs.get(2 * i + 1).get("signature").asText();
      assertTrue(SuiSignatures.verifyPersonalMessage(msg, personal, addr));
      assertTrue(SuiSignatures.verifyTransaction(msg, tx, addr));
      assertFalse(SuiSignatures.verifyPersonalMessage(msg, tx, addr));
    }
  }

  @Test
  void javaSignaturesVerifyInSdkAndWrongAddressFails() throws Exception {
    Ed25519KeyPair kp = Ed25519KeyPair.generate();
    Ed25519KeyPair other = Ed25519KeyPair.generate();
    byte[] msg = new byte[200];
    for (int i = 0; i < msg.length; i++) {
      msg[i] = (byte) (i * 7);
    }
    String msgB64 = Base64.getEncoder().encodeToString(msg);
    String personal = SuiSignatures.signPersonalMessage(kp, msg);
    String tx = SuiSignatures.signTransaction(kp, msg);
    ArrayNode reqs = JSON.createArrayNode();
    reqs.addObject().put("op", "derive").put("secretKey", kp.toSuiPrivateKey());
    reqs.addObject().put("op", "verifyPersonal").put("messageB64", msgB64).put("signature", personal)
        .put("address", kp.address().toString());
    reqs.addObject().put("op", "verifyTx").put("txB64", msgB64).put("signature", tx)
        .put("address", kp.address().toString());
    reqs.addObject().put("op", "verifyPersonal").put("messageB64", msgB64).put("signature", personal)
        .put("address", other.address().toString());
    reqs.addObject().put("op", "verifyTx").put("txB64", msgB64).put("signature", personal)
        .put("address", kp.address().toString());
    JsonNode out = NodeOracle.call(reqs);
    assertEquals(kp.address().toString(), out.get(0).get("address").asText());
    assertEquals(kp.publicKey().toBase64(), out.get(0).get("publicKey").asText());
    assertTrue(out.get(1).get("ok").asBoolean(), out.get(1).toString());
    assertTrue(out.get(2).get("ok").asBoolean(), out.get(2).toString());
    assertFalse(out.get(3).get("ok").asBoolean());
    assertFalse(out.get(4).get("ok").asBoolean());
  }
}
