package dev.haulout.seal.crypto.elgamal;

import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.bls.Scalar;
import java.security.SecureRandom;

/**
 * The client's ephemeral ElGamal key for a {@code fetch_key} request: secret {@code s}, encryption
 * key {@code g1^s} (sent as {@code enc_key}) and verification key {@code g2^s} (sent as {@code
 * enc_verification_key}).
 */
public record ElGamalKeyPair(Scalar secretKey, G1Point encryptionKey, G2Point verificationKey) {

  public static ElGamalKeyPair generate(SecureRandom rng) {
    return fromSecret(Scalar.random(rng));
  }

  public static ElGamalKeyPair fromSecret(Scalar s) {
    return new ElGamalKeyPair(s, G1Point.generatorTimes(s), G2Point.generatorTimes(s));
  }

  @Override
  public String toString() {
    return "ElGamalKeyPair[encryptionKey=" + encryptionKey + "]";
  }
}
