package dev.haulout.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SuiAddressTest {
  private static final String TWO = "0x" + "0".repeat(63) + "2";

  @Test
  void parsesShortAndFullFormsToTheCanonicalText() {
    assertEquals(TWO, SuiAddress.parse("0x2").toString());
    assertEquals(TWO, SuiAddress.parse("0X" + "0".repeat(63) + "2").toString());
    assertEquals("0x" + "ab".repeat(32), SuiAddress.parse("0x" + "AB".repeat(32)).toString());
    assertEquals(SuiAddress.ZERO, SuiAddress.fromBytes(new byte[32]));
  }

  @Test
  void refusesMalformedText() {
    for (String bad : new String[] {null, "2", "0x", "0x" + "0".repeat(65), "0xzz"}) {
      assertThrows(IllegalArgumentException.class, () -> SuiAddress.parse(bad), String.valueOf(bad));
    }
    assertThrows(IllegalArgumentException.class, () -> SuiAddress.fromBytes(new byte[31]));
    assertTrue(SuiAddress.isValid(TWO));
    assertFalse(SuiAddress.isValid("0x2"));
    assertFalse(SuiAddress.isValid("0x" + "\u0663".repeat(64)), "non-ASCII digits");
    assertThrows(IllegalArgumentException.class, () -> SuiAddress.parse("0x\u0663"));
  }

  @Test
  void addressOfAPublicKeyIsBlake2bOfFlagAndKey() {
    byte[] pk = new byte[32];
    pk[0] = 1;
    byte[] in = new byte[33];
    in[0] = 0x01;
    System.arraycopy(pk, 0, in, 1, 32);
    assertArrayEquals(Blake2b256.hash(in), SuiAddress.fromPublicKey(1, pk).bytes());
    assertEquals(SuiAddress.fromPublicKey(0, pk), SuiAddress.fromEd25519PublicKey(pk));
  }

  @Test
  void ordersUnsignedAndHexRoundTrips() {
    assertTrue(SuiAddress.parse("0xff").compareTo(SuiAddress.parse("0x1")) > 0);
    assertArrayEquals(new byte[] {0x0a, (byte) 0xbc}, Hex.decode("0x0ABC"));
    assertEquals("0abc", Hex.encode(new byte[] {0x0a, (byte) 0xbc}));
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("abc"));
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("zz"));
  }
}
