package dev.haulout.seal.crypto.ibe;

import static dev.haulout.seal.crypto.Vectors.hex;
import static dev.haulout.seal.crypto.Vectors.toHex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haulout.seal.crypto.SealCryptoException;
import dev.haulout.seal.crypto.Vectors;
import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.bls.GtElement;
import dev.haulout.seal.crypto.bls.Scalar;
import dev.haulout.seal.crypto.elgamal.ElGamal;
import dev.haulout.seal.crypto.elgamal.ElGamalKeyPair;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class BonehFranklinTest {
  private static final JsonNode UP = Vectors.upstream().get("misc");
  private static final JsonNode DER = Vectors.derived();

  @Test
  void hashToG1MatchesUpstreamRegression() {
    JsonNode v = UP.get("hashToG1");
    assertEquals(
        v.get("expect").asText(), toHex(BonehFranklin.hashIdentity(hex(v.get("fullId"))).toBytes()));
  }

  @Test
  void pairingOfGeneratorsMatchesDerivedGtBytes() {
    GtElement e = GtElement.pair(G1Point.generator(), G2Point.generator());
    assertEquals(DER.get("intermediate").get("gtGenerator").asText(), toHex(e.toBytes()));
  }

  @Test
  void derivedServersReproducePublicKeyUskAndPop() {
    byte[] fullId = hex(DER.get("intermediate").get("fullId"));
    assertEquals(
        DER.get("intermediate").get("gid").asText(),
        toHex(BonehFranklin.hashIdentity(fullId).toBytes()));
    for (JsonNode s : DER.get("intermediate").get("servers")) {
      Scalar msk = Scalar.fromBytes(hex(s.get("masterKey")));
      G2Point mpk = BonehFranklin.publicKey(msk);
      assertEquals(s.get("publicKey").asText(), "0x" + toHex(mpk.toBytes()));
      G1Point usk = BonehFranklin.extract(msk, fullId);
      assertEquals(s.get("usk").asText(), toHex(usk.toBytes()));
      assertTrue(BonehFranklin.verifyUserSecretKey(usk, fullId, mpk));
      byte[] objectId = hex(s.get("objectId"));
      G1Point pop = BonehFranklin.proofOfPossession(msk, objectId);
      assertEquals(s.get("pop").asText(), toHex(pop.toBytes()));
      assertTrue(BonehFranklin.verifyProofOfPossession(pop, mpk, objectId));
      assertFalse(BonehFranklin.verifyProofOfPossession(pop, mpk, new byte[32]));
    }
  }

  @Test
  void verifiesUpstreamDerivedKeyAndRejectsMismatches() {
    JsonNode v = UP.get("verifyDerivedKey");
    byte[] fullId = ObjectIds.fullId(ObjectIds.parse(v.get("packageId").asText()), hex(v.get("innerId")));
    byte[] otherFullId =
        ObjectIds.fullId(ObjectIds.parse(v.get("otherPackageId").asText()), hex(v.get("innerId")));
    G2Point pk = G2Point.fromBytes(hex(v.get("publicKey")));
    G2Point otherPk = G2Point.fromBytes(hex(v.get("otherPublicKey")));
    G1Point usk = G1Point.fromBytes(hex(v.get("derivedKey")));
    G1Point otherUsk = G1Point.fromBytes(hex(v.get("otherDerivedKey")));
    assertTrue(BonehFranklin.verifyUserSecretKey(usk, fullId, pk));
    assertFalse(BonehFranklin.verifyUserSecretKey(usk, fullId, otherPk));
    assertFalse(BonehFranklin.verifyUserSecretKey(usk, otherFullId, pk));
    assertFalse(BonehFranklin.verifyUserSecretKey(otherUsk, fullId, pk));
  }

  @Test
  void deriveMasterKeyMatchesUpstreamRegression() {
    JsonNode v = UP.get("deriveMasterKey");
    assertEquals(
        v.get("expect").asText(),
        toHex(BonehFranklin.deriveMasterKey(hex(v.get("seed")), v.get("index").asLong()).toBytes()));
  }

  @Test
  void elGamalRoundTripsAUserKeyAndCommitteeCheckAcceptsIt() {
    SecureRandom rng = new SecureRandom();
    MasterKeyPair server = MasterKeyPair.generate(rng);
    byte[] fullId = ObjectIds.fullId(new byte[32], new byte[] {1, 2, 3});
    G1Point usk = BonehFranklin.extract(server.secretKey(), fullId);
    ElGamalKeyPair client = ElGamalKeyPair.generate(rng);
    var ct = ElGamal.encrypt(client.encryptionKey(), usk, rng);
    assertEquals(usk, ElGamal.decrypt(client.secretKey(), ct));
    assertTrue(
        ElGamal.verifyEncryptedUserSecretKey(ct, client.verificationKey(), fullId, server.publicKey()));
    assertFalse(
        ElGamal.verifyEncryptedUserSecretKey(
            ct, client.verificationKey(), fullId, MasterKeyPair.generate(rng).publicKey()));
  }

  @Test
  void rejectsPointsOutsideTheSubgroupAndNonCanonicalScalars() {
    // x = 0 is on the curve y^2 = x^3 + 4 (y = 2) but the point has order 3, not r.
    byte[] smallOrder = new byte[48];
    smallOrder[0] = (byte) 0x80;
    SealCryptoException e =
        assertThrows(SealCryptoException.class, () -> G1Point.fromBytes(smallOrder));
    assertEquals(SealCryptoException.Code.INVALID_POINT, e.code());
    byte[] notOnCurve = G1Point.generator().toBytes();
    notOnCurve[47] ^= 1;
    assertThrows(SealCryptoException.class, () -> G1Point.fromBytes(notOnCurve));
    assertThrows(SealCryptoException.class, () -> G2Point.fromBytes(new byte[96]));
    assertThrows(SealCryptoException.class, () -> G1Point.fromBytes(new byte[47]));
    byte[] r = Scalar.ORDER.toByteArray();
    assertEquals(32, r.length);
    assertThrows(SealCryptoException.class, () -> Scalar.fromBytes(r));
    byte[] rMinus1 = Scalar.ORDER.subtract(BigInteger.ONE).toByteArray();
    assertArrayEquals(rMinus1, Scalar.fromBytes(rMinus1).toBytes());
  }
}
