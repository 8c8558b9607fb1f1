package dev.haulout.storage.bls;

import java.security.SecureRandom;
import java.util.Base64;
import supranational.blst.P1;
import supranational.blst.P2;
import supranational.blst.SecretKey;

/**
 * A storage node's BLS12-381 min-pk protocol key (48-byte G1 public key, 96-byte G2 signatures),
 * as Walrus {@code ProtocolKeyPair}. {@link #toString()} never shows the secret.
 */
public final class BlsKeyPair {
  private final SecretKey secret;
  private final byte[] seed;
  private final byte[] publicKey;

  private BlsKeyPair(byte[] seed) {
    if (seed.length < 32) {
      throw new IllegalArgumentException("BLS key seed must be at least 32 bytes, got " + seed.length);
    }
    this.seed = seed.clone();
    this.secret = new SecretKey();
    this.secret.keygen(this.seed);
    this.publicKey = new P1(secret).compress();
  }

  public static BlsKeyPair generate() {
    byte[] seed = new byte[32];
    new SecureRandom().nextBytes(seed);
    return new BlsKeyPair(seed);
  }

  /** Deterministic key from a seed of at least 32 bytes (kept on the node's disk). */
  public static BlsKeyPair fromSeed(byte[] seed) {
    return new BlsKeyPair(seed);
  }

  /** The seed, for persisting the key; never log it. */
  public byte[] seed() {
    return seed.clone();
  }

  /** Compressed G1 public key (48 bytes). */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Standard base64 of the compressed public key, as registered on the ledger. */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey);
  }

  /** Min-pk signature (compressed G2, 96 bytes) over {@code message} with the Sui/fastcrypto DST. */
  public byte[] sign(byte[] message) {
    return new P2().hash_to(message, BlsSignatures.DST).sign_with(secret).compress();
  }

  @Override
  public String toString() {
    return "BlsKeyPair[" + publicKeyBase64() + "]";
  }
}
