package dev.haulout.chain.crypto;

import dev.haulout.wire.SuiAddress;

/** A public key of one of Sui's single-key signature schemes. */
public interface SuiPublicKey {
  SignatureScheme scheme();

  /** The key bytes as Sui serializes them (32 for Ed25519, 33 compressed for secp256k1/r1). */
  byte[] bytes();

  /** {@code BLAKE2b-256(flag ‖ bytes)}. */
  default SuiAddress toSuiAddress() {
    return SuiAddress.fromPublicKey(scheme().flag(), bytes());
  }

  /**
   * Verifies a 64-byte signature over {@code message} the way Sui does for this scheme (Ed25519 over
   * the message itself; ECDSA over SHA-256 of it, with a low {@code s}).
   */
  boolean verify(byte[] message, byte[] signature);
}
