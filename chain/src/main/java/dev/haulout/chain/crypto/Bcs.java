package dev.haulout.chain.crypto;

import java.io.ByteArrayOutputStream;

/** The two BCS pieces the signing code needs: ULEB128 lengths and {@code vector<u8>}. */
public final class Bcs {
  private Bcs() {}

  /** ULEB128 encoding of a non-negative length. */
  public static byte[] uleb128(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative ULEB128 value: " + value);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(10);
    long v = value;
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return out.toByteArray();
  }

  /** BCS {@code vector<u8>}: ULEB128 length followed by the bytes. */
  public static byte[] vectorU8(byte[] bytes) {
    byte[] len = uleb128(bytes.length);
    byte[] out = new byte[len.length + bytes.length];
    System.arraycopy(len, 0, out, 0, len.length);
    System.arraycopy(bytes, 0, out, len.length, bytes.length);
    return out;
  }
}
