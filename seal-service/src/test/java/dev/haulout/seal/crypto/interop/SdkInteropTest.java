package dev.haulout.seal.crypto.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haulout.seal.crypto.Ciphertext;
import dev.haulout.seal.crypto.DataKeySealer;
import dev.haulout.seal.crypto.DemType;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.SealDecryptor;
import dev.haulout.seal.crypto.SealEncryptor;
import dev.haulout.seal.crypto.UserSecretKey;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.crypto.ibe.ObjectIds;
import dev.haulout.seal.envelope.EnvelopeHeader;
import dev.haulout.seal.envelope.EnvelopeWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interop with the official TypeScript SDK {@code @mysten/seal@1.4.12}: Java-made objects decrypt
 * in the SDK (with its share-consistency check) and SDK-made objects decrypt in Java, for both
 * DEMs, 2-of-3 and weighted 3-of-5; the SDK also unseals the data key of a Java envelope.
 */
class SdkInteropTest {
  private static final SecureRandom RNG = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();
  private static final List<MasterKeyPair> KEYS = new ArrayList<>();
  private static final List<byte[]> IDS = new ArrayList<>();
  private static final byte[] PACKAGE = new byte[32];

  /** A scenario: DEM, server list (indices into KEYS, repeats = weight), threshold, servers used. */
  record Scenario(DemType dem, int[] servers, int threshold, int[] use, byte[] aad) {
    String demName() {
      return dem == DemType.AES_256_GCM ? "aes" : "hmac";
    }
  }

  private static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario(DemType.AES_256_GCM, new int[] {0, 1, 2}, 2, new int[] {0, 2}, null),
          new Scenario(DemType.HMAC_256_CTR, new int[] {0, 1, 2}, 2, new int[] {1, 2}, new byte[] {1, 2, 3}),
          new Scenario(DemType.AES_256_GCM, new int[] {0, 1, 1, 2, 3}, 3, new int[] {1, 3}, new byte[] {7}),
          new Scenario(DemType.HMAC_256_CTR, new int[] {0, 0, 1, 2, 3}, 3, new int[] {0, 2}, null),
          new Scenario(DemType.AES_256_GCM, new int[] {0, 1, 2, 3, 4}, 3, new int[] {0, 3, 4}, null));

  @BeforeAll
  static void cluster() {
    RNG.nextBytes(PACKAGE);
    for (int i = 0; i < 5; i++) {
      KEYS.add(MasterKeyPair.generate(RNG));
      byte[] id = new byte[32];
      RNG.nextBytes(id);
      IDS.add(id);
    }
  }

  @Test
  void javaEncryptedObjectsDecryptWithTheSdk() throws Exception {
    List<Map<String, Object>> cases = new ArrayList<>();
    List<byte[]> plaintexts = new ArrayList<>();
    for (Scenario s : SCENARIOS) {
      byte[] msg = new byte[1 + RNG.nextInt(200)];
      RNG.nextBytes(msg);
      plaintexts.add(msg);
      byte[] inner = {(byte) cases.size(), 9};
      EncryptedObject o =
          SealEncryptor.encrypt(PACKAGE, inner, servers(s), s.threshold(), s.dem(), msg, s.aad(), RNG)
              .object();
      cases.add(decryptCase(o.toBytes(), o.fullId(), s.use()));
    }
    // A tampered Java object must be refused by the SDK too.
    Scenario s0 = SCENARIOS.get(0);
    EncryptedObject o =
        SealEncryptor.encrypt(PACKAGE, new byte[] {1}, servers(s0), 2, s0.dem(), new byte[] {42}, null, RNG)
            .object();
    byte[] tampered = o.toBytes();
    tampered[tampered.length - 3] ^= 1;
    cases.add(decryptCase(tampered, o.fullId(), s0.use()));

    JsonNode out = SealSdk.call("decrypt", cases);
    for (int i = 0; i < SCENARIOS.size(); i++) {
      assertFalse(out.get(i).has("error"), () -> "SDK failed: " + out);
      assertEquals(HEX.formatHex(plaintexts.get(i)), out.get(i).get("plaintext").asText(), "case " + i);
    }
    assertTrue(out.get(SCENARIOS.size()).has("error"), "SDK accepted a tampered object");
  }

  @Test
  void sdkEncryptedObjectsDecryptInJava() throws Exception {
    List<Map<String, Object>> cases = new ArrayList<>();
    List<byte[]> plaintexts = new ArrayList<>();
    for (Scenario s : SCENARIOS) {
      byte[] msg = new byte[1 + RNG.nextInt(200)];
      RNG.nextBytes(msg);
      plaintexts.add(msg);
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("packageId", ObjectIds.format(PACKAGE));
      c.put("id", HEX.formatHex(new byte[] {(byte) cases.size(), 5}));
      c.put("threshold", s.threshold());
      c.put("dem", s.demName());
      c.put("plaintext", HEX.formatHex(msg));
      if (s.aad() != null) {
        c.put("aad", HEX.formatHex(s.aad()));
      }
      List<Map<String, String>> srv = new ArrayList<>();
      for (int k : s.servers()) {
        srv.add(Map.of("objectId", ObjectIds.format(IDS.get(k)), "publicKey", HEX.formatHex(KEYS.get(k).publicKey().toBytes())));
      }
      c.put("servers", srv);
      cases.add(c);
    }
    JsonNode out = SealSdk.call("encrypt", cases);
    for (int i = 0; i < SCENARIOS.size(); i++) {
      Scenario s = SCENARIOS.get(i);
      assertFalse(out.get(i).has("error"), () -> "SDK failed: " + out);
      EncryptedObject o = EncryptedObject.fromBytes(HEX.parseHex(out.get(i).get("object").asText()));
      assertEquals(s.dem() == DemType.AES_256_GCM, o.ciphertext() instanceof Ciphertext.Aes256Gcm);
      List<UserSecretKey> usks = usks(o.fullId(), s.use());
      assertArrayEquals(plaintexts.get(i), SealDecryptor.decrypt(o, usks, publicKeys()), "case " + i);
      assertEquals(
          out.get(i).get("key").asText(),
          HEX.formatHex(SealDecryptor.recoverDemKey(o, usks, publicKeys())),
          "DEM key returned by the SDK");
    }
  }

  @Test
  void sdkUnsealsTheDataKeyInAJavaEnvelopeHeader() throws Exception {
    byte[] dataKey = DataKeySealer.newDataKey(RNG);
    Scenario s = SCENARIOS.get(2);
    EncryptedObject sealed =
        DataKeySealer.seal(dataKey, PACKAGE, new byte[] {0x44}, servers(s), s.threshold(), RNG);
    ByteArrayOutputStream env = new ByteArrayOutputStream();
    EnvelopeWriter.write(new ByteArrayInputStream(new byte[5000]), 5000, env, dataKey, sealed,
        "application/octet-stream", 1024, RNG);
    EnvelopeHeader header = EnvelopeHeader.read(new ByteArrayInputStream(env.toByteArray()));
    JsonNode out =
        SealSdk.call("decrypt", List.of(decryptCase(header.sealedKey(), sealed.fullId(), s.use())));
    assertEquals(HEX.formatHex(dataKey), out.get(0).path("plaintext").asText(), out.toString());
  }

  private static Map<String, Object> decryptCase(byte[] object, byte[] fullId, int[] use) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("object", HEX.formatHex(object));
    List<Map<String, String>> u = new ArrayList<>();
    for (UserSecretKey k : usks(fullId, use)) {
      u.add(Map.of("objectId", ObjectIds.format(k.objectId()), "usk", HEX.formatHex(k.key().toBytes())));
    }
    c.put("usks", u);
    List<Map<String, String>> p = new ArrayList<>();
    for (KeyServerPublicKey k : publicKeys()) {
      p.add(Map.of("objectId", ObjectIds.format(k.objectId()), "publicKey", HEX.formatHex(k.publicKey().toBytes())));
    }
    c.put("publicKeys", p);
    return c;
  }

  private static List<KeyServerPublicKey> servers(Scenario s) {
    List<KeyServerPublicKey> out = new ArrayList<>();
    for (int k : s.servers()) {
      out.add(new KeyServerPublicKey(IDS.get(k), KEYS.get(k).publicKey()));
    }
    return out;
  }

  private static List<KeyServerPublicKey> publicKeys() {
    List<KeyServerPublicKey> out = new ArrayList<>();
    for (int k = 0; k < KEYS.size(); k++) {
      out.add(new KeyServerPublicKey(IDS.get(k), KEYS.get(k).publicKey()));
    }
    return out;
  }

  private static List<UserSecretKey> usks(byte[] fullId, int[] use) {
    List<UserSecretKey> out = new ArrayList<>();
    for (int k : use) {
      out.add(new UserSecretKey(IDS.get(k), BonehFranklin.extract(KEYS.get(k).secretKey(), fullId)));
    }
    return out;
  }
}
