package dev.haulout.seal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The strict BCS codec: every malformed variant of a valid upstream object is rejected. */
class EncryptedObjectCodecTest {
  /** The Move parse vector: 3 services, HMAC-CTR with Some(aad). */
  private static final byte[] VALID =
      Vectors.hex(Vectors.upstream().get("misc").get("parse").get("object"));
  // Offsets in VALID: version 0, package 1..32, id len 33 (0x20) + 32 bytes, n at 66,
  // services 67..165 (3 × 33), threshold 166, IBE variant 167, nonce 168..263, share count 264.
  private static final int N = 66;
  private static final int THRESHOLD = 166;
  private static final int VARIANT = 167;
  private static final int SHARE_COUNT = 264;

  static void assertInvalid(byte[] bytes, String what) {
    SealCryptoException e =
        assertThrows(SealCryptoException.class, () -> EncryptedObject.fromBytes(bytes), what);
    assertEquals(SealCryptoException.Code.INVALID_OBJECT, e.code(), what);
  }

  @Test
  void validObjectRoundTripsAndOffsetsAreWhereTheTestAssumes() {
    EncryptedObject o = EncryptedObject.fromBytes(VALID);
    assertArrayEquals(VALID, o.toBytes());
    assertEquals(3, VALID[N]);
    assertEquals(o.threshold(), VALID[THRESHOLD]);
    assertEquals(0, VALID[VARIANT]);
    assertEquals(3, VALID[SHARE_COUNT]);
  }

  @Test
  void rejectsEveryStrictPrefix() {
    for (int len = 0; len < VALID.length; len++) {
      assertInvalid(Arrays.copyOf(VALID, len), "prefix of length " + len);
    }
  }

  @Test
  void rejectsBadHeaderFields() {
    assertInvalid(with(0, 1), "version 1");
    assertInvalid(with(THRESHOLD, 0), "threshold 0");
    assertInvalid(with(THRESHOLD, 4), "threshold > n");
    assertInvalid(with(N + 33, 0), "share index 0");
    assertInvalid(with(VARIANT, 1), "unknown IBE variant");
    assertInvalid(with(SHARE_COUNT, 2), "share count != service count");
    byte[] badNonce = with(168, VALID[168] ^ 0x01);
    assertInvalid(badNonce, "nonce not on the curve / not in G2");
  }

  @Test
  void rejectsNonCanonicalUleb() {
    // Inner-id length 0x20 re-encoded as 0xa0 0x00 (same value, two bytes).
    byte[] out = new byte[VALID.length + 1];
    System.arraycopy(VALID, 0, out, 0, 33);
    out[33] = (byte) 0xa0;
    out[34] = 0;
    System.arraycopy(VALID, 34, out, 35, VALID.length - 34);
    assertInvalid(out, "non-canonical ULEB128");
  }

  @Test
  void rejectsUnknownCiphertextVariantAndOptionTag() {
    EncryptedObject o = EncryptedObject.fromBytes(VALID);
    Ciphertext.Hmac256Ctr c = (Ciphertext.Hmac256Ctr) o.ciphertext();
    int ctOffset = VALID.length - (1 + 1 + c.blob().length + 1 + 1 + c.aad().length + 32);
    assertEquals(1, VALID[ctOffset]);
    assertInvalid(with(ctOffset, 3), "ciphertext variant 3");
    int optionOffset = ctOffset + 1 + 1 + c.blob().length;
    assertEquals(1, VALID[optionOffset]);
    assertInvalid(with(optionOffset, 2), "option tag 2");
  }

  @Test
  void acceptsNoneAadAndPlainCiphertext() {
    EncryptedObject o = EncryptedObject.fromBytes(VALID);
    for (Ciphertext c :
        new Ciphertext[] {new Ciphertext.Aes256Gcm(new byte[16], null), new Ciphertext.Plain()}) {
      EncryptedObject v =
          new EncryptedObject(o.packageId(), o.id(), o.services(), o.threshold(), o.nonce(),
              o.encryptedShares(), o.encryptedRandomness(), c);
      assertArrayEquals(v.toBytes(), EncryptedObject.fromBytes(v.toBytes()).toBytes());
    }
  }

  private static byte[] with(int offset, int value) {
    byte[] b = VALID.clone();
    b[offset] = (byte) value;
    return b;
  }

}
