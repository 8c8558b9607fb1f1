package dev.haulout.chain.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.wire.Hex;
import dev.haulout.wire.SuiAddress;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** secp256k1/r1 Sui signatures: malleability, bad keys and shapes (the SDK interop is in SuiSdkInteropTest). */
class Secp256Test {
  static final byte[] MSG = "a message".getBytes(StandardCharsets.UTF_8);

  @Test
  void highSTwinOfAValidSignatureIsRejected() {
    for (SignatureScheme scheme : new SignatureScheme[] {SignatureScheme.SECP256K1, SignatureScheme.SECP256R1}) {
      Secp256KeyPair kp = Secp256KeyPair.generate(scheme);
      byte[] sig = kp.sign(MSG);
      assertTrue(kp.publicKey().verify(MSG, sig));
      BigInteger n = Secp256PublicKey.domain(scheme).getN();
      BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
      assertTrue(s.compareTo(n.shiftRight(1)) <= 0, "signer normalizes s");
      byte[] twin = sig.clone();
      byte[] highS = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, n.subtract(s));
      System.arraycopy(highS, 0, twin, 32, 32);
      assertFalse(kp.publicKey().verify(MSG, twin), scheme + ": (r, n - s) is mathematically valid but malleable");
      byte[] flipped = sig.clone();
      flipped[5] ^= 1;
      assertFalse(kp.publicKey().verify(MSG, flipped));
      assertFalse(kp.publicKey().verify(MSG, new byte[64]));
      assertFalse(kp.publicKey().verify(MSG, Arrays.copyOf(sig, 63)));
    }
  }

  @Test
  void signaturesAreDeterministicAndSchemeBound() {
    Secp256KeyPair k1 = Secp256KeyPair.fromPrivateKey(SignatureScheme.SECP256K1, filled(7));
    Secp256KeyPair r1 = Secp256KeyPair.fromPrivateKey(SignatureScheme.SECP256R1, filled(7));
    assertArrayEquals(k1.sign(MSG), k1.sign(MSG), "deterministic");
    assertArrayEquals(filled(7), k1.privateKey());
    // the same scalar on the other curve is another key and another address
    assertFalse(Arrays.equals(k1.publicKey().bytes(), r1.publicKey().bytes()));
    assertFalse(r1.publicKey().verify(MSG, k1.sign(MSG)));
    assertEquals(SuiAddress.fromPublicKey(SignatureScheme.SECP256K1.flag(), k1.publicKey().bytes()), k1.address());
    // a serialized signature claiming the other flag for the same key bytes is another signer
    byte[] raw = SuiSignature.parse(SuiSignatures.signPersonalMessage(k1, MSG)).toBytes();
    assertEquals(1 + 64 + 33, raw.length);
    raw[0] = SignatureScheme.SECP256R1.flag();
    String relabeled = java.util.Base64.getEncoder().encodeToString(raw);
    assertFalse(SuiSignatures.verifyPersonalMessage(MSG, relabeled, k1.address()));
    assertFalse(SuiSignatures.verifyPersonalMessage(MSG, relabeled, null));
  }

  @Test
  void malformedKeysAndSignaturesAreRefusedWithReasons() {
    byte[] notOnCurve = new byte[33];
    notOnCurve[0] = 2;
    Arrays.fill(notOnCurve, 1, 33, (byte) 0xff);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Secp256PublicKey.fromBytes(SignatureScheme.SECP256K1, notOnCurve));
    assertTrue(e.getMessage().contains("SECP256K1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Secp256PublicKey.fromBytes(SignatureScheme.SECP256R1, new byte[65]));
    assertThrows(IllegalArgumentException.class, () -> Secp256KeyPair.fromPrivateKey(SignatureScheme.SECP256K1, new byte[32]));
    byte[] wrongLength = new byte[1 + 64 + 32];
    wrongLength[0] = SignatureScheme.SECP256K1.flag();
    e = assertThrows(IllegalArgumentException.class, () -> SuiSignature.fromBytes(wrongLength));
    assertTrue(e.getMessage().contains("98 bytes"), e.getMessage());
    byte[] multisig = new byte[100];
    multisig[0] = SignatureScheme.MULTISIG.flag();
    assertThrows(IllegalArgumentException.class, () -> SuiSignature.fromBytes(multisig));
    assertFalse(SuiSignatures.verifyPersonalMessage(MSG, java.util.Base64.getEncoder().encodeToString(multisig), null));
  }

  @Test
  void privateKeyNeverPrinted() {
    Secp256KeyPair kp = Secp256KeyPair.fromPrivateKey(SignatureScheme.SECP256K1, filled(9));
    assertFalse(kp.toString().contains(org.bouncycastle.util.encoders.Hex.toHexString(filled(9))));
  }

  /**
   * Published RFC 6979 vectors, so a wrong nonce derivation fails (not only a non-deterministic
   * one). P-256: RFC 6979 A.2.5, SHA-256, message "sample"; the published s is high, so Sui's
   * low-s rule gives n - s. secp256k1: the widely used vector private key 1, message "Satoshi
   * Nakamoto", SHA-256 (k = 8f8a276c…5d15), whose published s is already low.
   */
  @Test
  void signaturesMatchPublishedRfc6979Vectors() {
    BigInteger n256 = new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
    BigInteger s256 = new BigInteger("f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8", 16);
    Secp256KeyPair r1 = Secp256KeyPair.fromPrivateKey(SignatureScheme.SECP256R1,
        Hex.decode("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"));
    // Ux = 60fed4ba…9fb6, Uy = 7903fe10…2299 (odd): compressed 03 ‖ Ux
    assertEquals("0360fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6",
        Hex.encode(r1.publicKey().bytes()), "RFC 6979 A.2.5 public key");
    byte[] sig = r1.sign("sample".getBytes(StandardCharsets.US_ASCII));
    assertEquals("efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
        + String.format("%064x", n256.subtract(s256)), Hex.encode(sig), "RFC 6979 A.2.5 (P-256, SHA-256, \"sample\"), low s");

    byte[] one = new byte[32];
    one[31] = 1;
    Secp256KeyPair k1 = Secp256KeyPair.fromPrivateKey(SignatureScheme.SECP256K1, one);
    assertEquals("934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8"
        + "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5",
        Hex.encode(k1.sign("Satoshi Nakamoto".getBytes(StandardCharsets.US_ASCII))), "secp256k1, key 1, \"Satoshi Nakamoto\"");
  }

  private static byte[] filled(int v) {
    byte[] b = new byte[32];
    Arrays.fill(b, (byte) v);
    return b;
  }
}
