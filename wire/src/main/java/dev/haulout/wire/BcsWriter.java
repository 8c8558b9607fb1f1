package dev.haulout.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * BCS encoder: little-endian integers, ULEB128 lengths, fixed arrays, byte vectors, strings,
 * options and 32-byte addresses. Out-of-range values are programmer errors
 * ({@link IllegalArgumentException} naming the value). Not thread-safe.
 */
public final class BcsWriter {
  private final ByteArrayOutputStream out;

  public BcsWriter() {
    this(64);
  }

  /** A writer whose buffer starts at {@code capacity} bytes. */
  public BcsWriter(int capacity) {
    out = new ByteArrayOutputStream(capacity);
  }

  /** Bytes written so far. */
  public int size() {
    return out.size();
  }

  public BcsWriter u8(int v) {
    if (v < 0 || v > 0xFF) {
      throw new IllegalArgumentException("u8 out of range: " + v);
    }
    out.write(v);
    return this;
  }

  public BcsWriter bool(boolean v) {
    out.write(v ? 1 : 0);
    return this;
  }

  /** The low 16 bits of {@code v}, little-endian. */
  public BcsWriter u16(int v) {
    out.write(v);
    out.write(v >>> 8);
    return this;
  }

  /** The low 32 bits of {@code v}, little-endian (an int's bits or an unsigned value in a long). */
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

  /** ULEB128 of a length or enum tag in {@code [0, 2^32 - 1]}. */
  public BcsWriter uleb128(long v) {
    if (v < 0 || v > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("ULEB128 value out of range: " + v);
    }
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
    return this;
  }

  /** A fixed-size array (no length prefix). */
  public BcsWriter fixed(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  /** {@code len} bytes of {@code b} from {@code off}, no length prefix. */
  public BcsWriter fixed(byte[] b, int off, int len) {
    out.write(b, off, len);
    return this;
  }

  /** {@code vector<u8>}: ULEB128 length, then the bytes. */
  public BcsWriter bytes(byte[] b) {
    uleb128(b.length);
    return fixed(b);
  }

  /** A BCS string (UTF-8 bytes as a vector); null is written as the empty string. */
  public BcsWriter string(String s) {
    return bytes((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code Option<vector<u8>>}: 00 for null, else 01 ‖ bytes. */
  public BcsWriter optionalBytes(byte[] b) {
    if (b == null) {
      return u8(0);
    }
    u8(1);
    return bytes(b);
  }

  public BcsWriter address(SuiAddress a) {
    return fixed(a.bytes());
  }

  /** An address or object ID given as text, parsed by {@link SuiAddress#parse(String)}. */
  public BcsWriter address(String a) {
    return address(SuiAddress.parse(a));
  }

  /** {@code vector<T>}: ULEB128 count, then each element written by {@code element}. */
  public <T> BcsWriter vector(List<T> list, BiConsumer<BcsWriter, T> element) {
    uleb128(list.size());
    for (T t : list) {
      element.accept(this, t);
    }
    return this;
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }

  /** BCS {@code vector<u8>} of {@code b} on its own: ULEB128 length ‖ bytes. */
  public static byte[] vectorU8(byte[] b) {
    return new BcsWriter(b.length + 5).bytes(b).toByteArray();
  }
}
