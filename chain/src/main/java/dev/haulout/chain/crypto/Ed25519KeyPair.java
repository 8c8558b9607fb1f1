package dev.haulout.chain.crypto;

import dev.haulout.wire.SuiAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A Sui-style Ed25519 account key. The private key is the 32-byte RFC 8032 seed, the same value
 * Sui's {@code Ed25519Keypair.getSecretKey()} returns and {@code suiprivkey1…} encodes.
 */
public final class Ed25519KeyPair {
  public static final int SEED_LENGTH = 32;
  /** Bech32 human-readable part of Sui private keys. */
  public static final String SUI_PRIVATE_KEY_PREFIX = "suiprivkey";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] seed;
  private final Ed25519PublicKey publicKey;

  private Ed25519KeyPair(byte[] seed) {
    this.seed = seed;
    byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, pk, 0);
    this.publicKey = Ed25519PublicKey.fromBytes(pk);
  }

  /** A fresh key from {@link SecureRandom}. */
  public static Ed25519KeyPair generate() {
    return generate(RANDOM);
  }

  public static Ed25519KeyPair generate(SecureRandom random) {
    byte[] seed = new byte[SEED_LENGTH];
    random.nextBytes(seed);
    return new Ed25519KeyPair(seed);
  }

  /** From a 32-byte seed (Sui's secret key). */
  public static Ed25519KeyPair fromSeed(byte[] seed) {
    if (seed == null || seed.length != SEED_LENGTH) {
      throw new IllegalArgumentException(
          "Ed25519 seed must be 32 bytes, got " + (seed == null ? "null" : seed.length));
    }
    return new Ed25519KeyPair(seed.clone());
  }

  /** Same as {@link #fromSeed}: Sui calls the 32-byte seed the private key. */
  public static Ed25519KeyPair fromPrivateKey(byte[] privateKey) {
    return fromSeed(privateKey);
  }

  /** Imports a Sui bech32 private key {@code suiprivkey1…} (flag 0x00 ‖ 32-byte seed). */
  public static Ed25519KeyPair fromSuiPrivateKey(String encoded) {
    Bech32.Decoded d = Bech32.decode(encoded.trim());
    if (!SUI_PRIVATE_KEY_PREFIX.equals(d.hrp())) {
      throw new IllegalArgumentException("not a Sui private key (prefix " + d.hrp() + ")");
    }
    byte[] data = d.data();
    if (data.length != SEED_LENGTH + 1) {
      throw new IllegalArgumentException("Sui private key must hold 33 bytes, got " + data.length);
    }
    if (data[0] != SignatureScheme.ED25519.flag()) {
      throw new IllegalArgumentException(
          "Sui private key is not Ed25519 (scheme " + SignatureScheme.fromFlag(data[0]) + ")");
    }
    return new Ed25519KeyPair(Arrays.copyOfRange(data, 1, data.length));
  }

  /** Exports as Sui bech32 {@code suiprivkey1…}. */
  public String toSuiPrivateKey() {
    byte[] data = new byte[SEED_LENGTH + 1];
    data[0] = SignatureScheme.ED25519.flag();
    System.arraycopy(seed, 0, data, 1, SEED_LENGTH);
    return Bech32.encode(SUI_PRIVATE_KEY_PREFIX, data);
  }

  /** The 32-byte seed (a copy). Handle as a secret. */
  public byte[] privateKey() {
    return seed.clone();
  }

  public Ed25519PublicKey publicKey() {
    return publicKey;
  }

  public SuiAddress address() {
    return publicKey.toSuiAddress();
  }

  /** Raw Ed25519 signature (64 bytes) over {@code message}, no intent, no hashing. */
  public byte[] sign(byte[] message) {
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, publicKey.bytes(), 0, message, 0, message.length, sig, 0);
    return sig;
  }

  @Override
  public String toString() {
    return "Ed25519KeyPair[" + address() + "]";
  }
}
