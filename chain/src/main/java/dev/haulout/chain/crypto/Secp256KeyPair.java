package dev.haulout.chain.crypto;

import dev.haulout.wire.SuiAddress;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;

/**
 * A secp256k1 or secp256r1 key pair signing as Sui does: deterministic ECDSA (RFC 6979) over
 * {@code SHA-256(message)}, {@code s} normalized to the lower half, {@code r ‖ s} as 64 bytes.
 */
public final class Secp256KeyPair {
  private final SignatureScheme scheme;
  private final BigInteger d;
  private final Secp256PublicKey publicKey;

  private Secp256KeyPair(SignatureScheme scheme, BigInteger d) {
    this.scheme = scheme;
    this.d = d;
    this.publicKey = Secp256PublicKey.of(scheme, Secp256PublicKey.domain(scheme).getG().multiply(d));
  }

  public static Secp256KeyPair generate(SignatureScheme scheme) {
    return generate(scheme, new SecureRandom());
  }

  public static Secp256KeyPair generate(SignatureScheme scheme, SecureRandom random) {
    BigInteger n = Secp256PublicKey.domain(scheme).getN();
    BigInteger d;
    do {
      d = new BigInteger(256, random);
    } while (d.signum() == 0 || d.compareTo(n) >= 0);
    return new Secp256KeyPair(scheme, d);
  }

  /** From the 32-byte big-endian private scalar (what Sui's bech32 {@code suiprivkey} carries). */
  public static Secp256KeyPair fromPrivateKey(SignatureScheme scheme, byte[] privateKey) {
    if (privateKey == null || privateKey.length != 32) {
      throw new IllegalArgumentException(scheme + " private key must be 32 bytes");
    }
    BigInteger d = new BigInteger(1, privateKey);
    if (d.signum() == 0 || d.compareTo(Secp256PublicKey.domain(scheme).getN()) >= 0) {
      throw new IllegalArgumentException(scheme + " private key is out of range");
    }
    return new Secp256KeyPair(scheme, d);
  }

  /** Imports a Sui bech32 private key {@code suiprivkey1…} whose flag is secp256k1 or secp256r1. */
  public static Secp256KeyPair fromSuiPrivateKey(String encoded) {
    Bech32.Decoded d = Bech32.decode(encoded.trim());
    if (!Ed25519KeyPair.SUI_PRIVATE_KEY_PREFIX.equals(d.hrp())) {
      throw new IllegalArgumentException("not a Sui private key (prefix " + d.hrp() + ")");
    }
    byte[] data = d.data();
    if (data.length != 33) {
      throw new IllegalArgumentException("Sui private key must hold 33 bytes, got " + data.length);
    }
    SignatureScheme scheme = SignatureScheme.fromFlag(data[0]);
    if (scheme != SignatureScheme.SECP256K1 && scheme != SignatureScheme.SECP256R1) {
      throw new IllegalArgumentException("Sui private key is not secp256k1/r1 (scheme " + scheme + ")");
    }
    return fromPrivateKey(scheme, java.util.Arrays.copyOfRange(data, 1, 33));
  }

  /** Exports as Sui bech32 {@code suiprivkey1…} (flag ‖ 32-byte scalar). Handle as a secret. */
  public String toSuiPrivateKey() {
    byte[] data = new byte[33];
    data[0] = scheme.flag();
    System.arraycopy(privateKey(), 0, data, 1, 32);
    return Bech32.encode(Ed25519KeyPair.SUI_PRIVATE_KEY_PREFIX, data);
  }

  public SignatureScheme scheme() {
    return scheme;
  }

  public Secp256PublicKey publicKey() {
    return publicKey;
  }

  public SuiAddress address() {
    return publicKey.toSuiAddress();
  }

  public byte[] privateKey() {
    return BigIntegers.asUnsignedByteArray(32, d);
  }

  /** Signs {@code message} (Sui passes the 32-byte intent digest): 64 bytes {@code r ‖ s}, low s. */
  public byte[] sign(byte[] message) {
    ECDomainParameters dom = Secp256PublicKey.domain(scheme);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(d, dom));
    BigInteger[] rs = signer.generateSignature(Secp256PublicKey.sha256(message));
    BigInteger s = rs[1];
    if (s.compareTo(dom.getN().shiftRight(1)) > 0) {
      s = dom.getN().subtract(s);
    }
    byte[] out = new byte[64];
    System.arraycopy(BigIntegers.asUnsignedByteArray(32, rs[0]), 0, out, 0, 32);
    System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, out, 32, 32);
    return out;
  }

  @Override
  public String toString() {
    return "Secp256KeyPair[" + scheme + ", " + address() + "]"; // never the private key
  }
}
