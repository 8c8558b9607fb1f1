package dev.haulout.seal.crypto;

import dev.haulout.seal.crypto.bls.Scalar;
import java.security.SecureRandom;

/**
 * The random choices of one Seal encryption. Production code uses {@link #secure}; conformance
 * tests inject fixed values to reproduce published transcripts byte for byte.
 */
public interface EncryptionRandomness {

  /** The 32-byte base key that is Shamir-split. */
  byte[] baseKey();

  /** The non-zero IBE randomness ρ. */
  Scalar rho();

  /** The {@code count} polynomial coefficients c_1..c_count of base-key byte {@code byteIndex}. */
  byte[] coefficients(int byteIndex, int count);

  /** Fresh randomness from {@code rng}. */
  static EncryptionRandomness secure(SecureRandom rng) {
    return new EncryptionRandomness() {
      @Override
      public byte[] baseKey() {
        byte[] k = new byte[SealConstants.KEY_SIZE];
        rng.nextBytes(k);
        return k;
      }

      @Override
      public Scalar rho() {
        return Scalar.random(rng);
      }

      @Override
      public byte[] coefficients(int byteIndex, int count) {
        byte[] c = new byte[count];
        rng.nextBytes(c);
        return c;
      }
    };
  }
}
