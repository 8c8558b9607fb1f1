package dev.haulout.seal.crypto.ibe;

import dev.haulout.seal.crypto.SealConstants;
import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.bls.GtElement;
import dev.haulout.seal.crypto.bls.Scalar;
import dev.haulout.seal.crypto.kdf.Sha3;
import java.nio.ByteBuffer;

/**
 * Boneh–Franklin BasicIdent over BLS12-381 in Seal's orientation: identities and user keys in G1,
 * master public keys and nonces in G2 (SPEC §1.1, §2). Stateless and thread-safe.
 */
public final class BonehFranklin {
  private BonehFranklin() {}

  /** {@code H1(full_id) = hash_to_G1(DST_ID ‖ full_id)}. */
  public static G1Point hashIdentity(byte[] fullId) {
    return G1Point.hashToCurve(concat(SealConstants.DST_ID, fullId));
  }

  /** {@code mpk = g2^msk}. */
  public static G2Point publicKey(Scalar msk) {
    return G2Point.generatorTimes(msk);
  }

  /** The user secret key {@code usk = H1(full_id)^msk}. */
  public static G1Point extract(Scalar msk, byte[] fullId) {
    return hashIdentity(fullId).multiply(msk);
  }

  /** {@code e(usk, g2) == e(H1(full_id), mpk)}. */
  public static boolean verifyUserSecretKey(G1Point usk, byte[] fullId, G2Point mpk) {
    return GtElement.pairingsEqual(usk, G2Point.generator(), hashIdentity(fullId), mpk);
  }

  /** The decapsulated GT value {@code e(usk, U)} a usk holder recovers for nonce {@code U}. */
  public static GtElement decapsulate(G1Point usk, G2Point nonce) {
    return GtElement.pair(usk, nonce);
  }

  /**
   * Proof of possession returned by {@code /v1/service}: {@code H_G1(DST_POP ‖ mpk ‖ object_id)^msk}
   * (a BLS min-sig signature, no {@code DST_ID} prefix).
   */
  public static G1Point proofOfPossession(Scalar msk, byte[] keyServerObjectId) {
    return popMessagePoint(publicKey(msk), keyServerObjectId).multiply(msk);
  }

  /** BLS verification of a proof of possession: {@code e(pop, g2) == e(H_G1(…), mpk)}. */
  public static boolean verifyProofOfPossession(G1Point pop, G2Point mpk, byte[] keyServerObjectId) {
    return GtElement.pairingsEqual(
        pop, G2Point.generator(), popMessagePoint(mpk, keyServerObjectId), mpk);
  }

  private static G1Point popMessagePoint(G2Point mpk, byte[] objectId) {
    ObjectIds.require(objectId, "key server object id");
    return G1Point.hashToCurve(concat(SealConstants.DST_POP, mpk.toBytes(), objectId));
  }

  /**
   * Seed-derived master key of Permissioned servers: {@code OS2IP(HKDF-SHA3-256(seed, salt = ∅,
   * info = u64be(index), L = 64)) mod r}.
   */
  public static Scalar deriveMasterKey(byte[] seed, long index) {
    if (seed.length != 32) {
      throw new IllegalArgumentException("seed must be 32 bytes, got " + seed.length);
    }
    byte[] info = ByteBuffer.allocate(8).putLong(index).array();
    return Scalar.reduce(Sha3.hkdf(seed, null, info, 64));
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
