package dev.haulout.seal.crypto.bcs;

import java.io.ByteArrayOutputStream;

/** Minimal BCS encoder: u8, ULEB128 lengths, fixed arrays, byte vectors and options. */
public final class BcsWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public BcsWriter u8(int v) {
    if (v < 0 || v > 255) {
      throw new IllegalArgumentException("u8 out of range: " + v);
    }
    out.write(v);
    return this;
  }

  public BcsWriter uleb(long v) {
    if (v < 0 || v > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("ULEB128 length out of range: " + v);
    }
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return this;
  }

  /** A fixed-size array (no length prefix). */
  public BcsWriter fixed(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  /** {@code vector<u8>}: ULEB128 length, then the bytes. */
  public BcsWriter bytes(byte[] bytes) {
    uleb(bytes.length);
    out.writeBytes(bytes);
    return this;
  }

  /** {@code Option<vector<u8>>}: 00 for null, else 01 ‖ bytes. */
  public BcsWriter optionalBytes(byte[] bytes) {
    if (bytes == null) {
      return u8(0);
    }
    u8(1);
    return bytes(bytes);
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
