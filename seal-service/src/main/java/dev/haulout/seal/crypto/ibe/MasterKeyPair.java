package dev.haulout.seal.crypto.ibe;

import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.bls.Scalar;
import java.security.SecureRandom;

/** A key server's master secret key {@code msk} and master public key {@code mpk = g2^msk}. */
public record MasterKeyPair(Scalar secretKey, G2Point publicKey) {

  /** A fresh uniformly random key pair. */
  public static MasterKeyPair generate(SecureRandom rng) {
    return fromSecret(Scalar.random(rng));
  }

  public static MasterKeyPair fromSecret(Scalar msk) {
    return new MasterKeyPair(msk, BonehFranklin.publicKey(msk));
  }

  @Override
  public String toString() {
    return "MasterKeyPair[publicKey=" + publicKey + "]";
  }
}
