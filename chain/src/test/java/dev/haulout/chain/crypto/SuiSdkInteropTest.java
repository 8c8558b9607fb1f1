package dev.haulout.chain.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.wire.SuiAddress;
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

  /**
   * secp256k1 and secp256r1 accounts (hardware and passkey-style wallets): SDK signatures verify in
   * Java with the SDK's address, Java signatures verify in the SDK, and a signature is bound to its
   * intent, message and address.
   */
  @Test
  void secp256k1AndSecp256r1SignaturesVerifyBothWays() throws Exception {
    byte[] msg = "haulout secp interop".getBytes(StandardCharsets.UTF_8);
    String msgB64 = Base64.getEncoder().encodeToString(msg);
    for (SignatureScheme scheme : new SignatureScheme[] {SignatureScheme.SECP256K1, SignatureScheme.SECP256R1}) {
      String name = scheme.name().toLowerCase(java.util.Locale.ROOT);
      JsonNode keys = NodeOracle.call(JSON.readTree("[{\"op\":\"keys\",\"count\":2,\"scheme\":\"" + name + "\"}]")).get(0);
      ArrayNode reqs = JSON.createArrayNode();
      for (JsonNode k : keys) {
        reqs.addObject().put("op", "signPersonal").put("secretKey", k.get("secretKey").asText()).put("messageB64", msgB64);
        reqs.addObject().put("op", "signTx").put("secretKey", k.get("secretKey").asText()).put("txB64", msgB64);
      }
      JsonNode sigs = NodeOracle.call(reqs);
      for (int i = 0; i < keys.size(); i++) {
        SuiAddress addr = SuiAddress.parse(keys.get(i).get("address").asText());
        String personal = sigs.get(2 * i).get("signature").asText();
        String tx = sigs.get(2 * i + 1).get("signature").asText();
        SuiSignature parsed = SuiSignature.parse(personal);
        assertEquals(scheme, parsed.scheme());
        assertEquals(addr, parsed.signer(), "address = blake2b(flag || compressed key)");
        assertEquals(keys.get(i).get("suiPublicKey").asText(), ((Secp256PublicKey) parsed.publicKey()).toSuiPublicKey());
        assertTrue(SuiSignatures.verifyPersonalMessage(msg, personal, addr), scheme + " personal");
        assertTrue(SuiSignatures.verifyTransaction(msg, tx, addr), scheme + " tx");
        assertFalse(SuiSignatures.verifyPersonalMessage(msg, tx, addr), "intent binds");
        assertFalse(SuiSignatures.verifyPersonalMessage("other".getBytes(StandardCharsets.UTF_8), personal, addr));
        assertFalse(SuiSignatures.verifyPersonalMessage(msg, personal,
            SuiAddress.parse(keys.get(1 - i).get("address").asText())), "address binds");
      }

      // an SDK-made secret key imports in Java to the same address, and the Java export round-trips
      Secp256KeyPair imported = Secp256KeyPair.fromSuiPrivateKey(keys.get(0).get("secretKey").asText());
      assertEquals(keys.get(0).get("address").asText(), imported.address().toString());
      assertEquals(keys.get(0).get("secretKey").asText(), imported.toSuiPrivateKey());

      Secp256KeyPair kp = Secp256KeyPair.generate(scheme);
      String personal = SuiSignatures.signPersonalMessage(kp, msg);
      String tx = SuiSignatures.signTransaction(kp, msg);
      ArrayNode checks = JSON.createArrayNode();
      checks.addObject().put("op", "verifyPersonal").put("messageB64", msgB64).put("signature", personal)
          .put("address", kp.address().toString());
      checks.addObject().put("op", "verifyTx").put("txB64", msgB64).put("signature", tx)
          .put("address", kp.address().toString());
      checks.addObject().put("op", "verifyTx").put("txB64", msgB64).put("signature", personal)
          .put("address", kp.address().toString());
      JsonNode out = NodeOracle.call(checks);
      assertTrue(out.get(0).get("ok").asBoolean(), scheme + " Java personal signature in the SDK: " + out.get(0));
      assertTrue(out.get(1).get("ok").asBoolean(), scheme + " Java tx signature in the SDK: " + out.get(1));
      assertFalse(out.get(2).get("ok").asBoolean());
      assertTrue(SuiSignatures.verifyPersonalMessage(msg, personal, kp.address()));
    }
  }
}
