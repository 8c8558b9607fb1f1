package dev.haulout.chain.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    assertArrayEquals(k1.sign(MSG), k1.sign(MSG), "RFC 6979");
    assertArrayEquals(filled(7), k1.privateKey());
    // the same scalar on the other curve is another key and another address
    assertFalse(Arrays.equals(k1.publicKey().bytes(), r1.publicKey().bytes()));
    assertFalse(r1.publicKey().verify(MSG, k1.sign(MSG)));
    assertEquals(SuiAddress.fromPublicKey(SignatureScheme.SECP256K1, k1.publicKey().bytes()), k1.address());
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

  private static byte[] filled(int v) {
    byte[] b = new byte[32];
    Arrays.fill(b, (byte) v);
    return b;
  }
}
