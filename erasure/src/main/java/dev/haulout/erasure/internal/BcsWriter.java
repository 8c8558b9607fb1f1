package dev.haulout.erasure.internal;

import java.io.ByteArrayOutputStream;

/** Minimal BCS encoder: little-endian integers, ULEB128 lengths, raw bytes. */
public final class BcsWriter {
  private final ByteArrayOutputStream out;

  public BcsWriter(int capacity) {
    out = new ByteArrayOutputStream(capacity);
  }

  public BcsWriter u8(int v) {
    out.write(v);
    return this;
  }

  public BcsWriter u16(int v) {
    out.write(v);
    out.write(v >>> 8);
    return this;
  }

  public BcsWriter u32(long v) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (v >>> (8 * i)));
    }
    return this;
  }

  public BcsWriter u64(long v) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (v >>> (8 * i)));
    }
    return this;
  }

  public BcsWriter uleb128(long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
    return this;
  }

  public BcsWriter raw(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  public BcsWriter raw(byte[] b, int off, int len) {
    out.write(b, off, len);
    return this;
  }

  /** {@code ULEB128(len) ‖ bytes}. */
  public BcsWriter bytes(byte[] b) {
    uleb128(b.length);
    return raw(b);
  }

  public BcsWriter string(String s) {
    return bytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
