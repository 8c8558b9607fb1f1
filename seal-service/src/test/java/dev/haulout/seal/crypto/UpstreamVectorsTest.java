package dev.haulout.seal.crypto;

import static dev.haulout.seal.crypto.Vectors.hex;
import static dev.haulout.seal.crypto.Vectors.toHex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.bls.GtElement;
import dev.haulout.seal.crypto.bls.Scalar;
import dev.haulout.seal.crypto.dem.AesGcmDem;
import dev.haulout.seal.crypto.dem.HmacCtrDem;
import dev.haulout.seal.crypto.gf256.Gf256;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.kdf.SealKdf;
import dev.haulout.seal.crypto.tss.Shamir;
import dev.haulout.seal.crypto.tss.Share;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reproduces every vector of upstream.json (Rust crate, Move, TS SDK tests) byte for byte. */
class UpstreamVectorsTest {
  private static final JsonNode UP = Vectors.upstream();
  private static final JsonNode MISC = UP.get("misc");

  @Test
  void kdfMatchesUpstreamRegression() {
    JsonNode v = MISC.get("kdf");
    Scalar r = Scalar.of(v.get("r").asLong());
    G2Point u = G2Point.generatorTimes(r);
    GtElement k = GtElement.pair(G1Point.generator(), u);
    G1Point gid = BonehFranklin.hashIdentity(hex(v.get("innerGidInput")));
    byte[] out = SealKdf.kdf(k, u, gid, hex(v.get("objectId")), v.get("index").asInt());
    assertEquals(v.get("expect").asText(), toHex(out));
  }

  @Test
  void aesGcmDemMatchesUpstreamRegression() {
    JsonNode v = MISC.get("aesGcm");
    byte[] blob = AesGcmDem.encrypt(hex(v.get("key")), hex(v.get("msg")), hex(v.get("aad")));
    assertEquals(v.get("blob").asText(), toHex(blob));
    assertArrayEquals(hex(v.get("msg")), AesGcmDem.decrypt(hex(v.get("key")), blob, hex(v.get("aad"))));
  }

  @Test
  void hmacCtrDemMatchesUpstreamRegression() {
    JsonNode v = MISC.get("hmacCtr");
    HmacCtrDem.Sealed s = HmacCtrDem.encrypt(hex(v.get("key")), hex(v.get("msg")), hex(v.get("aad")));
    assertEquals(v.get("blob").asText(), toHex(s.blob()));
    assertEquals(v.get("mac").asText(), toHex(s.mac()));
    assertArrayEquals(
        hex(v.get("msg")),
        HmacCtrDem.decrypt(hex(v.get("key")), s.blob(), hex(v.get("aad")), s.mac()));
  }

  @Test
  void shamirCombinesUpstreamSharesAndByteVector() {
    JsonNode v = MISC.get("shamir");
    List<Share> shares = new ArrayList<>();
    for (JsonNode s : v.get("sharesBase64_lastByteIsIndex")) {
      byte[] b = Base64.getDecoder().decode(s.asText());
      byte[] value = new byte[b.length - 1];
      System.arraycopy(b, 0, value, 0, value.length);
      shares.add(new Share(b[b.length - 1] & 0xFF, value));
    }
    assertEquals(v.get("expectUtf8").asText(), new String(Shamir.combine(shares), StandardCharsets.UTF_8));
    assertEquals(
        v.get("expectUtf8").asText(),
        new String(Shamir.combine(shares.subList(1, 3)), StandardCharsets.UTF_8));
    List<Share> bytes = new ArrayList<>();
    for (JsonNode p : v.get("combineByte").get("shares")) {
      bytes.add(new Share(p.get(0).asInt(), new byte[] {(byte) p.get(1).asInt()}));
    }
    assertEquals(v.get("combineByte").get("expect").asInt(), Shamir.combine(bytes)[0] & 0xFF);
    assertEquals(1, Gf256.mul(0x53, 0xCA), "AES field: 0x53 * 0xCA = 1");
  }

  @Test
  void parsesUpstreamObjectFieldByField() {
    JsonNode v = MISC.get("parse");
    EncryptedObject o = EncryptedObject.fromBytes(hex(v.get("object")));
    JsonNode e = v.get("expect");
    assertEquals(e.get("packageId").asText(), "0x" + toHex(o.packageId()));
    assertEquals(e.get("threshold").asInt(), o.threshold());
    StringBuilder idx = new StringBuilder();
    o.services().forEach(s -> idx.append(String.format("%02x", s.index())));
    assertEquals(e.get("indices").asText(), idx.toString());
    assertEquals(e.get("nonce").asText(), toHex(o.nonce().toBytes()));
    for (int i = 0; i < o.encryptedShares().size(); i++) {
      assertEquals(e.get("encryptedShares").get(i).asText(), toHex(o.encryptedShares().get(i)));
    }
    assertEquals(e.get("encryptedRandomness").asText(), toHex(o.encryptedRandomness()));
    Ciphertext.Hmac256Ctr c = (Ciphertext.Hmac256Ctr) o.ciphertext();
    assertEquals(e.get("blob").asText(), toHex(c.blob()));
    assertEquals(e.get("aad").asText(), toHex(c.aad()));
    assertEquals(e.get("mac").asText(), toHex(c.mac()));
  }

  @Test
  void strictParserRejectsDuplicateIndicesAndTrailingBytes() {
    for (String name : List.of("parseDuplicateIndices", "parseTrailingByte")) {
      SealCryptoException e =
          assertThrows(
              SealCryptoException.class,
              () -> EncryptedObject.fromBytes(hex(MISC.get(name).get("object"))),
              name);
      assertEquals(SealCryptoException.Code.INVALID_OBJECT, e.code());
    }
  }

  static Stream<Named<JsonNode>> objects() {
    List<Named<JsonNode>> out = new ArrayList<>();
    UP.get("objects").forEach(o -> out.add(Named.of(o.get("name").asText(), o)));
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("objects")
  void decryptsUpstreamObjectAsExpected(JsonNode vec) {
    byte[] bytes = hex(vec.get("object"));
    EncryptedObject o = EncryptedObject.fromBytes(bytes);
    assertArrayEquals(bytes, o.toBytes(), "re-serialization is byte-exact");
    byte[] fullId = o.fullId();
    List<UserSecretKey> usks = new ArrayList<>();
    List<KeyServerPublicKey> pks = new ArrayList<>();
    boolean allPks = true;
    for (int i = 0; i < o.services().size(); i++) {
      byte[] oid = o.services().get(i).objectId();
      JsonNode mk = vec.get("masterKeys").get(i);
      JsonNode usk = vec.get("usks").get(i);
      JsonNode pk = vec.get("publicKeys").get(i);
      Scalar msk = mk.isNull() ? null : Scalar.fromBytes(hex(mk));
      if (!pk.isNull()) {
        pks.add(new KeyServerPublicKey(oid, G2Point.fromBytes(hex(pk))));
      } else if (msk != null) {
        pks.add(new KeyServerPublicKey(oid, BonehFranklin.publicKey(msk)));
      } else {
        allPks = false;
      }
      if (!usk.isNull()) {
        G1Point u = G1Point.fromBytes(hex(usk));
        if (msk != null) {
          assertEquals(u, BonehFranklin.extract(msk, fullId), "extract(msk) == given usk");
        }
        usks.add(new UserSecretKey(oid, u));
      } else if (msk != null) {
        usks.add(new UserSecretKey(oid, BonehFranklin.extract(msk, fullId)));
      }
    }
    JsonNode e = vec.get("expect");
    byte[] want =
        e.has("plaintextUtf8")
            ? e.get("plaintextUtf8").asText().getBytes(StandardCharsets.UTF_8)
            : e.has("plaintextHex") ? hex(e.get("plaintextHex")) : null;
    if (want != null) {
      assertArrayEquals(want, SealDecryptor.decrypt(o, usks));
      if (allPks) {
        assertArrayEquals(want, SealDecryptor.decrypt(o, usks, pks));
      }
      if (e.has("aadHex")) {
        assertEquals(e.get("aadHex").asText(), toHex(aadOf(o.ciphertext())));
      }
    }
    if ("error".equals(e.path("withConsistencyCheck").asText())) {
      assertTrue(allPks);
      SealCryptoException ex =
          assertThrows(SealCryptoException.class, () -> SealDecryptor.decrypt(o, usks, pks));
      assertEquals(SealCryptoException.Code.INCONSISTENT_SHARES, ex.code());
      if ("ok".equals(e.path("withoutConsistencyCheck").asText())) {
        assertNotNull(SealDecryptor.decrypt(o, usks));
      }
    }
    if ("error".equals(e.path("allThreeKeys").asText())) {
      assertThrows(SealCryptoException.class, () -> SealDecryptor.decrypt(o, usks));
      List<UserSecretKey> lastTwo = usks.subList(1, usks.size());
      assertEquals(
          e.get("lastTwoWithoutConsistency").asText(),
          new String(SealDecryptor.decrypt(o, lastTwo), StandardCharsets.UTF_8));
      // The upstream public keys of this vector do not match its usks: the usk check fires first.
      assertThrows(SealCryptoException.class, () -> SealDecryptor.decrypt(o, lastTwo, pks));
    }
  }

  private static byte[] aadOf(Ciphertext c) {
    if (c instanceof Ciphertext.Aes256Gcm a) {
      return a.aad();
    }
    return ((Ciphertext.Hmac256Ctr) c).aad();
  }
}
