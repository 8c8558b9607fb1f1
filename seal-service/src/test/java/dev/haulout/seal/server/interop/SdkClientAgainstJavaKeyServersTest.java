package dev.haulout.seal.server.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.crypto.Secp256KeyPair;
import dev.haulout.chain.crypto.SignatureScheme;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.crypto.SuiSignatures;
import dev.haulout.seal.crypto.DemType;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.SealEncryptor;
import dev.haulout.seal.policy.AddressAllowlistPolicy;
import dev.haulout.seal.server.LoopbackKeyServers;
import dev.haulout.seal.session.CertificateMessage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official SDK's real client path ({@code SealClient} + {@code SessionKey} from
 * {@code @mysten/seal@1.4.12}) fetches keys from Haulout's Java key servers over loopback HTTP
 * and decrypts: PoP verification via {@code /v1/service}, session certificate, request signature,
 * ElGamal responses, weights, one server down, both DEMs, several identities in one multi-call
 * PTB, and a denied requester; and the SDK's {@code SessionKey} accepts a Java-made certificate
 * (identical personal message, valid signature).
 */
class SdkClientAgainstJavaKeyServersTest {
  private static final Path NPM_PROJECT = Path.of("interop-server");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void sdkSealClientDecryptsWithKeysFromJavaKeyServers() throws Exception {
    ensureNpmInstalled();
    SuiAddress pkg = LoopbackKeyServers.randomAddress();
    Ed25519KeyPair alice = Ed25519KeyPair.generate();
    Ed25519KeyPair mallory = Ed25519KeyPair.generate();
    // wallets of the other single-key schemes sign the session certificate (a Sui personal message)
    Secp256KeyPair carolK1 = Secp256KeyPair.generate(SignatureScheme.SECP256K1);
    Secp256KeyPair daveR1 = Secp256KeyPair.generate(SignatureScheme.SECP256R1);
    Secp256KeyPair eveK1 = Secp256KeyPair.generate(SignatureScheme.SECP256K1);
    try (LoopbackKeyServers s = LoopbackKeyServers.start(6, pkg,
        AddressAllowlistPolicy.of(List.of(alice.address(), carolK1.address(), daveR1.address())))) {
      s.get(5).close(); // server 5 is registered but down

      List<Map<String, Object>> servers = new ArrayList<>();
      for (int i = 0; i < s.size(); i++) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objectId", s.get(i).objectId().toString());
        m.put("url", s.infos().get(i).url().toString());
        m.put("publicKey", HexFormat.of().formatHex(s.get(i).publicKey().toBytes()));
        servers.add(m);
      }
      byte[] m1 = random(100);
      byte[] m2 = random(1000);
      byte[] m3 = random(33);
      byte[] inner = {0x48, 0x61, 0x75, 0x6c};
      List<KeyServerPublicKey> pks = new ArrayList<>();
      for (int i : new int[] {0, 2, 5}) {
        pks.add(new KeyServerPublicKey(s.get(i).objectId().bytes(), s.get(i).publicKey()));
      }
      byte[] javaObject =
          SealEncryptor.encrypt(pkg.bytes(), inner, pks, 2, DemType.AES_256_GCM, m3, null, RANDOM).object().toBytes();

      List<Map<String, Object>> cases = new ArrayList<>();
      cases.add(sdkCase("2-of-3", alice, new int[] {0, 1, 2}, 2, m1, true));
      cases.add(sdkCase("3-of-5 weighted", alice, new int[] {0, 1, 1, 3, 4}, 3, m2, true));
      Map<String, Object> down = sdkCase("java object, 2-of-3, one server down", alice, new int[] {0, 2, 5}, 2, m3, false);
      down.put("object", Base64.getEncoder().encodeToString(javaObject));
      cases.add(down);
      cases.add(sdkCase("denied requester", mallory, new int[] {0, 1, 2}, 2, m1, true));
      Map<String, Object> hmac = sdkCase("2-of-3 HMAC-CTR", alice, new int[] {0, 1, 2}, 2, m2, true);
      hmac.put("dem", "hmac");
      cases.add(hmac);
      Map<String, Object> multi = sdkCase("three ids in one multi-call PTB", alice, new int[] {1, 2, 3}, 2, m1, true);
      multi.put("ids", List.of("0x0a", "0x0b0b", "0x0c0c0c"));
      cases.add(multi);
      cases.add(sdkCase("secp256k1 wallet, 2-of-3", carolK1.toSuiPrivateKey(), new int[] {0, 1, 2}, 2, m3, true));
      cases.add(sdkCase("secp256r1 wallet, 3-of-5 weighted", daveR1.toSuiPrivateKey(), new int[] {0, 1, 1, 3, 4}, 3, m1, true));
      cases.add(sdkCase("secp256k1 wallet, denied", eveK1.toSuiPrivateKey(), new int[] {0, 1, 2}, 2, m1, true));

      Map<String, Object> plan = new LinkedHashMap<>();
      plan.put("packageId", pkg.toString());
      plan.put("servers", servers);
      plan.put("cases", cases);
      // a session certificate made by the Java client side, to be checked by the SDK's SessionKey
      Ed25519KeyPair sessionKp = Ed25519KeyPair.generate();
      long created = System.currentTimeMillis() - 1234;
      String javaMessage = CertificateMessage.text(pkg.toString(), 7, created, sessionKp.publicKey().bytes());
      String javaSignature =
          SuiSignatures.signPersonalMessage(alice, CertificateMessage.bytes(pkg.toString(), 7, created, sessionKp.publicKey().bytes()));
      Map<String, Object> js = new LinkedHashMap<>();
      js.put("address", alice.address().toString());
      js.put("creationTimeMs", created);
      js.put("ttlMin", 7);
      js.put("signature", javaSignature);
      js.put("sessionSecretKey", sessionKp.toSuiPrivateKey());
      plan.put("javaSessions", List.of(js));
      JsonNode output = runNode(plan);
      JsonNode results = output.get("results");
      JsonNode session = output.get("sessions").get(0);
      assertTrue(session.get("ok").asBoolean(), session.toString());
      assertEquals(javaMessage, session.get("message").asText());
      assertTrue(session.get("verified").asBoolean(), "SDK rejects the Java certificate signature");
      assertEquals(sessionKp.publicKey().toBase64(), session.get("sessionVk").asText());

      assertDecrypted(results.get(0), m1);
      assertDecrypted(results.get(1), m2);
      assertDecrypted(results.get(2), m3);
      JsonNode denied = results.get(3);
      assertEquals(false, denied.get("ok").asBoolean(), denied.toString());
      assertEquals("NoAccessError", denied.get("error").asText(), denied.toString());
      assertDecrypted(results.get(4), m2);
      assertDecrypted(results.get(5), m1);
      assertEquals(3, results.get(5).get("count").asInt());
      assertDecrypted(results.get(6), m3);
      assertEquals(carolK1.address().toString(), results.get(6).get("user").asText());
      assertDecrypted(results.get(7), m1);
      assertEquals(daveR1.address().toString(), results.get(7).get("user").asText());
      assertEquals(false, results.get(8).get("ok").asBoolean(), results.get(8).toString());
      assertEquals("NoAccessError", results.get(8).get("error").asText(), results.get(8).toString());
    }
  }

  private static void assertDecrypted(JsonNode r, byte[] expected) {
    assertTrue(r.get("ok").asBoolean(), r.toString());
    assertEquals(Base64.getEncoder().encodeToString(expected), r.get("plaintext").asText(), r.get("name").asText());
  }

  private static Map<String, Object> sdkCase(
      String name, Ed25519KeyPair user, int[] positions, int threshold, byte[] plaintext, boolean verifyKeyServers) {
    return sdkCase(name, user.toSuiPrivateKey(), positions, threshold, plaintext, verifyKeyServers);
  }

  /** {@code userKey}: the requester's wallet key as a bech32 suiprivkey of any single-key scheme. */
  private static Map<String, Object> sdkCase(
      String name, String userKey, int[] positions, int threshold, byte[] plaintext, boolean verifyKeyServers) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("userKey", userKey);
    List<Integer> p = new ArrayList<>();
    for (int i : positions) {
      p.add(i);
    }
    c.put("positions", p);
    c.put("threshold", threshold);
    c.put("plaintext", Base64.getEncoder().encodeToString(plaintext));
    c.put("verifyKeyServers", verifyKeyServers);
    return c;
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /** Runs {@code npm ci} once when the project's node_modules is missing. */
  static synchronized void ensureNpmInstalled() throws IOException, InterruptedException {
    if (Files.isDirectory(NPM_PROJECT.resolve("node_modules/@mysten/seal"))) {
      return;
    }
    Process p =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(NPM_PROJECT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("npm ci failed in " + NPM_PROJECT.toAbsolutePath());
    }
  }

  private static JsonNode runNode(Map<String, Object> plan) throws Exception {
    File planFile = File.createTempFile("seal-interop-plan", ".json");
    File out = File.createTempFile("seal-interop-out", ".json");
    File err = File.createTempFile("seal-interop-err", ".txt");
    try {
      MAPPER.writeValue(planFile, plan);
      Process p =
          new ProcessBuilder("node", "sdk-client.mjs", planFile.getAbsolutePath())
              .directory(NPM_PROJECT.toFile())
              .redirectOutput(out)
              .redirectError(err)
              .start();
      if (!p.waitFor(3, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("node timed out");
      }
      String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), "node failed: " + Files.readString(err.toPath(), StandardCharsets.UTF_8) + stdout);
      return MAPPER.readTree(stdout);
    } finally {
      Files.deleteIfExists(planFile.toPath());
      Files.deleteIfExists(out.toPath());
      Files.deleteIfExists(err.toPath());
    }
  }
}
