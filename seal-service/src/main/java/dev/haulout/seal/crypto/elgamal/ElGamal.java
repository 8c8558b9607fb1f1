package dev.haulout.seal.crypto.elgamal;

import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.bls.GtElement;
import dev.haulout.seal.crypto.bls.Scalar;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import java.security.SecureRandom;

/** ElGamal in G1 protecting user secret keys in transit (SPEC §7.4, {@code elgamal.rs}). */
public final class ElGamal {
  private ElGamal() {}

  /** Encrypts the G1 element {@code m} under {@code encryptionKey} with fresh randomness. */
  public static ElGamalCiphertext encrypt(G1Point encryptionKey, G1Point m, SecureRandom rng) {
    return encrypt(encryptionKey, m, Scalar.random(rng));
  }

  /** Deterministic variant for tests: {@code (g1^k, enc_key^k + m)}. */
  public static ElGamalCiphertext encrypt(G1Point encryptionKey, G1Point m, Scalar k) {
    return new ElGamalCiphertext(G1Point.generatorTimes(k), encryptionKey.multiply(k).add(m));
  }

  /** {@code m = c2 − s·c1}. */
  public static G1Point decrypt(Scalar secretKey, ElGamalCiphertext c) {
    return c.c2().subtract(c.c1().multiply(secretKey));
  }

  /**
   * Checks a committee member's encrypted partial key without decrypting it: {@code e(c2, g2) ==
   * e(c1, verificationKey) · e(H1(full_id), partialPublicKey)} (SPEC §7.7).
   */
  public static boolean verifyEncryptedUserSecretKey(
      ElGamalCiphertext c, G2Point verificationKey, byte[] fullId, G2Point partialPublicKey) {
    GtElement left = GtElement.pair(c.c2(), G2Point.generator());
    GtElement right =
        GtElement.pair(c.c1(), verificationKey)
            .multiply(GtElement.pair(BonehFranklin.hashIdentity(fullId), partialPublicKey));
    return left.equals(right);
  }
}
