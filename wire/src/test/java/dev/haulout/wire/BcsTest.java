package dev.haulout.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BcsTest {

  private static byte[] bytes(int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return b;
  }

  private static String message(byte[] input, java.util.function.Consumer<BcsReader> read) {
    return assertThrows(IllegalArgumentException.class, () -> read.accept(new BcsReader(input))).getMessage();
  }

  @Test
  void writesLittleEndianIntegersAndUleb128Lengths() {
    byte[] out = new BcsWriter().u8(0xAB).u16(0x0102).u32(0xFFFF_FFFEL).u64(0x0807060504030201L).bool(true)
        .uleb128(0).uleb128(127).uleb128(128).uleb128(300).uleb128(0xFFFF_FFFFL).toByteArray();
    assertEquals("ab" + "0201" + "feffffff" + "0102030405060708" + "01" + "00" + "7f" + "8001" + "ac02" + "ffffffff0f",
        Hex.encode(out));
  }

  @Test
  void roundTripsEveryKind() {
    SuiAddress a = SuiAddress.parse("0x2");
    byte[] enc = new BcsWriter().u8(7).u16(65535).u32(-1).u64(-2).bool(false).bytes(bytes(1, 2, 3))
        .string("héllo").optionalBytes(null).optionalBytes(bytes(9)).address(a).fixed(bytes(5, 6))
        .vector(List.of("x", "yz"), BcsWriter::string).toByteArray();
    BcsReader r = new BcsReader(enc);
    assertEquals(7, r.u8());
    assertEquals(65535, r.u16());
    assertEquals(0xFFFF_FFFFL, r.u32());
    assertEquals(-2, r.u64());
    assertEquals(false, r.bool());
    assertArrayEquals(bytes(1, 2, 3), r.bytes());
    assertEquals("héllo", r.string());
    assertNull(r.optionalBytes());
    assertArrayEquals(bytes(9), r.optionalBytes());
    assertEquals(a, r.address());
    assertArrayEquals(bytes(5, 6), r.fixed(2));
    assertEquals(List.of("x", "yz"), r.vector(BcsReader::string));
    assertTrue(r.atEnd());
    r.expectEnd();
  }

  @Test
  void refusesNonCanonicalOverlongAndOversizedUleb128() {
    assertTrue(message(bytes(0x80, 0x00), BcsReader::uleb128).contains("non-canonical ULEB128"));
    assertTrue(message(bytes(0xFF, 0x80, 0x00), BcsReader::uleb128).contains("non-canonical ULEB128"));
    assertTrue(message(bytes(0x80, 0x80, 0x80, 0x80, 0x10), BcsReader::uleb128).contains("exceeds u32"));
    assertTrue(message(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x01), BcsReader::uleb128).contains("too long"));
    assertTrue(message(bytes(0x80), BcsReader::uleb128).contains("truncated"));
    assertEquals(0xFFFF_FFFFL, new BcsReader(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x0F)).uleb128());
  }

  @Test
  void refusesBadBoolsOptionTagsUtf8TrailingBytesAndLongVectors() {
    assertTrue(message(bytes(2), BcsReader::bool).contains("bool"));
    assertTrue(message(bytes(2), BcsReader::optionalBytes).contains("option tag 2"));
    assertTrue(message(bytes(2, 0xC3, 0x28), BcsReader::string).contains("UTF-8"));
    assertTrue(message(bytes(1, 2), r -> { r.u8(); r.expectEnd(); }).contains("1 trailing"));
    assertTrue(message(bytes(3, 1, 2), BcsReader::bytes).contains("truncated"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BcsReader(bytes(5, 1, 2, 3, 4, 5)).maxLength(4).bytes());
    assertTrue(e.getMessage().contains("length 5 too large"), e.getMessage());
  }

  @Test
  void failuresComeFromTheCallersErrorsWithTheOffset() {
    record Bad(int offset, String detail) {}
    class BadInput extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final transient Bad bad;

      BadInput(int offset, String detail) {
        this.bad = new Bad(offset, detail);
      }
    }
    BcsReader r = new BcsReader(bytes(1, 0x80, 0x00), BadInput::new);
    r.u8();
    BadInput e = assertThrows(BadInput.class, r::uleb128);
    assertEquals(3, e.bad.offset());
    assertEquals("non-canonical ULEB128", e.bad.detail());
  }

  @Test
  void writerRefusesOutOfRangeValues() {
    assertThrows(IllegalArgumentException.class, () -> new BcsWriter().u8(256));
    assertThrows(IllegalArgumentException.class, () -> new BcsWriter().u8(-1));
    assertThrows(IllegalArgumentException.class, () -> new BcsWriter().uleb128(-1));
    assertThrows(IllegalArgumentException.class, () -> new BcsWriter().uleb128(1L << 32));
    assertArrayEquals(bytes(2, 7, 8), BcsWriter.vectorU8(bytes(7, 8)));
  }
}
