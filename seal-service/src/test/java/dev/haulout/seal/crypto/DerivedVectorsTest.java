package dev.haulout.seal.crypto;

import static dev.haulout.seal.crypto.Vectors.hex;
import static dev.haulout.seal.crypto.Vectors.toHex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.bls.GtElement;
import dev.haulout.seal.crypto.bls.Scalar;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.kdf.SealKdf;
import dev.haulout.seal.crypto.kdf.Sha3;
import dev.haulout.seal.crypto.tss.Shamir;
import dev.haulout.seal.crypto.tss.Share;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the deterministic transcript derived.json (all randomness fixed by its "inputs"
 * rules) step by step: object ids, GT bytes, KDF outputs, shares, derive_key and final objects.
 */
class DerivedVectorsTest {
  private static final JsonNode D = Vectors.derived();
  private static final JsonNode IN = D.get("inputs");
  private static final JsonNode MID = D.get("intermediate");
  private static final int T = IN.get("threshold").asInt();

  /** The injected randomness, computed from the published rules (not copied from outputs). */
  static EncryptionRandomness fixed() {
    return new EncryptionRandomness() {
      @Override
      public byte[] baseKey() {
        return Sha3.hash(ascii("seal-conformance/base-key"));
      }

      @Override
      public Scalar rho() {
        return Scalar.reduce(Sha3.hash(ascii("seal-conformance/r")));
      }

      @Override
      public byte[] coefficients(int j, int count) {
        return Arrays.copyOf(Sha3.hash(ascii("seal-conformance/coeff"), new byte[] {(byte) j}), count);
      }
    };
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static List<KeyServerPublicKey> servers() {
    List<KeyServerPublicKey> out = new ArrayList<>();
    for (JsonNode s : MID.get("servers")) {
      out.add(new KeyServerPublicKey(hex(s.get("objectId")), G2Point.fromBytes(hex(s.get("publicKey")))));
    }
    return out;
  }

  @Test
  void injectedRandomnessFollowsThePublishedRules() {
    assertEquals(IN.get("baseKey").asText(), toHex(fixed().baseKey()));
    assertEquals(IN.get("r").asText(), "0x" + toHex(fixed().rho().toBytes()));
    byte[] seed = hex(IN.get("derivationSeed"));
    int i = 0;
    for (JsonNode s : MID.get("servers")) {
      byte[] oid =
          Sha3.hash(ascii("seal-conformance/object-id"), seed, ByteBuffer.allocate(8).putLong(i++).array());
      assertEquals(s.get("objectId").asText(), "0x" + toHex(oid));
    }
  }

  @Test
  void reproducesEveryIntermediateValue() {
    byte[] fullId = hex(MID.get("fullId"));
    G1Point gid = BonehFranklin.hashIdentity(fullId);
    Scalar rho = fixed().rho();
    G2Point nonce = G2Point.generatorTimes(rho);
    assertEquals(MID.get("nonce").asText(), toHex(nonce.toBytes()));
    List<Share> shares =
        Shamir.split(fixed().baseKey(), T, MID.get("servers").size(), j -> fixed().coefficients(j, T - 1));
    int i = 0;
    for (JsonNode s : MID.get("servers")) {
      G2Point mpk = G2Point.fromBytes(hex(s.get("publicKey")));
      GtElement k = GtElement.pair(gid.multiply(rho), mpk);
      assertEquals(s.get("gtBytes").asText(), toHex(k.toBytes()));
      G1Point usk = G1Point.fromBytes(hex(s.get("usk")));
      assertEquals(k, BonehFranklin.decapsulate(usk, nonce), "e(usk, U) == e(gid^r, mpk)");
      byte[] oid = hex(s.get("objectId"));
      int index = s.get("shareIndex").asInt();
      assertEquals(s.get("kdfKey").asText(), toHex(SealKdf.kdf(k, nonce, gid, oid, index)));
      assertEquals(index, shares.get(i).index());
      assertEquals(s.get("share").asText(), toHex(shares.get(i).value()));
      i++;
    }
  }

  @ParameterizedTest
  @EnumSource(DemType.class)
  void reproducesFinalObjectsAndDecryptsThem(DemType dem) {
    String name = switch (dem) {
      case AES_256_GCM -> "aes";
      case HMAC_256_CTR -> "hmac";
      case PLAIN -> "plain";
    };
    JsonNode want = D.get("objects").get(name);
    byte[] expected = hex(want.get("bytes"));
    EncryptedObject parsed = EncryptedObject.fromBytes(expected);
    byte[] plaintext =
        dem == DemType.PLAIN ? new byte[0] : IN.get("plaintextUtf8").asText().getBytes(StandardCharsets.UTF_8);
    byte[] aad = aadOf(parsed.ciphertext());
    SealEncryptor.Result r =
        SealEncryptor.encrypt(
            hex(IN.get("packageId")),
            hex(IN.get("innerId")),
            servers(),
            T,
            dem,
            plaintext,
            aad,
            fixed());
    assertEquals(want.get("bytes").asText(), toHex(r.object().toBytes()));
    assertEquals(want.get("demKey").asText(), toHex(r.demKey()));
    for (int i = 0; i < r.object().encryptedShares().size(); i++) {
      assertEquals(
          want.get("encryptedShares").get(i).asText(), toHex(r.object().encryptedShares().get(i)));
    }
    assertEquals(want.get("encryptedRandomness").asText(), toHex(r.object().encryptedRandomness()));
    byte[] randomnessKey =
        SealKdf.deriveKey(
            SealKdf.Purpose.ENCRYPTED_RANDOMNESS,
            fixed().baseKey(),
            T,
            r.object().encryptedShares(),
            r.object().serviceObjectIds());
    assertEquals(want.get("randomnessKey").asText(), toHex(randomnessKey));

    List<UserSecretKey> usks = new ArrayList<>();
    JsonNode srv = MID.get("servers");
    for (int i = srv.size() - 1; i >= srv.size() - T; i--) {
      usks.add(new UserSecretKey(hex(srv.get(i).get("objectId")), G1Point.fromBytes(hex(srv.get(i).get("usk")))));
    }
    byte[] out = SealDecryptor.decrypt(parsed, usks, servers());
    assertArrayEquals(dem == DemType.PLAIN ? r.demKey() : plaintext, out);
  }

  private static byte[] aadOf(Ciphertext c) {
    if (c instanceof Ciphertext.Aes256Gcm a) {
      return a.aad();
    }
    if (c instanceof Ciphertext.Hmac256Ctr h) {
      return h.aad();
    }
    return null;
  }
}
