package dev.haulout.chain.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.wire.Blake2b256;
import dev.haulout.wire.Hex;
import dev.haulout.wire.SuiAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SuiSignaturesTest {
  private final Ed25519KeyPair alice = Ed25519KeyPair.generate();
  private final Ed25519KeyPair bob = Ed25519KeyPair.generate();
  private final byte[] msg = "pay 5 WAL".getBytes(StandardCharsets.UTF_8);

  @Test
  void verifiesOwnPersonalMessageSignature() {
    String sig = SuiSignatures.signPersonalMessage(alice, msg);
    assertTrue(SuiSignatures.verifyPersonalMessage(msg, sig, alice.address()));
    assertEquals(97, Base64.getDecoder().decode(sig).length);
    assertEquals(0, Base64.getDecoder().decode(sig)[0]);
  }

  @Test
  void rejectsSignatureWhosePublicKeyIsNotTheExpectedAddress() {
    String sig = SuiSignatures.signPersonalMessage(alice, msg);
    assertFalse(SuiSignatures.verifyPersonalMessage(msg, sig, bob.address()));
  }

  @Test
  void rejectsSignatureWithSwappedPublicKey() {
    SuiSignature real = SuiSignature.parse(SuiSignatures.signPersonalMessage(alice, msg));
    String forged = new SuiSignature(real.signature(), bob.publicKey()).serialize();
    assertFalse(SuiSignatures.verifyPersonalMessage(msg, forged, bob.address()));
  }

  @Test
  void rejectsTamperedMessageAndGarbage() {
    String sig = SuiSignatures.signTransaction(alice, msg);
    byte[] other = msg.clone();
    other[0] ^= 1;
    assertFalse(SuiSignatures.verifyTransaction(other, sig, alice.address()));
    assertFalse(SuiSignatures.verifyTransaction(msg, "not base64!", alice.address()));
    assertFalse(SuiSignatures.verifyTransaction(msg, Base64.getEncoder().encodeToString(new byte[97]), alice.address()));
    byte[] secp = Base64.getDecoder().decode(sig);
    secp[0] = 1;
    assertFalse(SuiSignatures.verifyTransaction(msg, Base64.getEncoder().encodeToString(secp), alice.address()));
  }

  @Test
  void personalMessageDigestUsesIntentAndBcsLength() {
    byte[] expected = Blake2b256.hash(new byte[] {3, 0, 0, (byte) msg.length}, msg);
    assertEquals(Hex.encode(expected), Hex.encode(SuiSignatures.personalMessageDigest(msg)));
    byte[] tx = Blake2b256.hash(new byte[] {0, 0, 0}, msg);
    assertEquals(Hex.encode(tx), Hex.encode(SuiSignatures.transactionDigestToSign(msg)));
  }

  @Test
  void addressParsingNormalizesAndValidates() {
    SuiAddress a = alice.address();
    assertEquals(a, SuiAddress.parse(a.toString().toUpperCase().replace("0X", "0x")));
    assertEquals("0x" + "0".repeat(63) + "2", SuiAddress.parse("0x2").toString());
    assertTrue(SuiAddress.isValid(a.toString()));
    assertFalse(SuiAddress.isValid("0x2"));
    assertThrows(IllegalArgumentException.class, () -> SuiAddress.parse("abc"));
    assertThrows(IllegalArgumentException.class, () -> SuiAddress.parse("0x" + "g".repeat(64)));
    assertThrows(IllegalArgumentException.class, () -> SuiAddress.parse("0x" + "1".repeat(65)));
  }

  @Test
  void suiPrivateKeyRoundTripsAndRejectsBadChecksum() {
    String enc = alice.toSuiPrivateKey();
    assertTrue(enc.startsWith("suiprivkey1"));
    assertEquals(alice.address(), Ed25519KeyPair.fromSuiPrivateKey(enc).address());
    char last = enc.charAt(enc.length() - 1);
    String bad = enc.substring(0, enc.length() - 1) + (last == 'q' ? 'p' : 'q');
    assertThrows(IllegalArgumentException.class, () -> Ed25519KeyPair.fromSuiPrivateKey(bad));
    assertNotEquals(alice.address(), bob.address());
  }
}
