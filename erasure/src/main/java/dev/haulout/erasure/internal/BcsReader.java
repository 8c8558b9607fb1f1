package dev.haulout.erasure.internal;

import dev.haulout.erasure.ErasureException.MalformedDataException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Minimal BCS decoder; every failure is a {@link MalformedDataException} naming the offset. */
public final class BcsReader {
  private final String what;
  private final byte[] buf;
  private int pos;

  public BcsReader(String what, byte[] buf) {
    this.what = what;
    this.buf = buf;
  }

  public int position() {
    return pos;
  }

  private void need(int count) {
    if (count < 0 || buf.length - pos < count) {
      throw fail("truncated: need " + count + " more bytes, have " + (buf.length - pos));
    }
  }

  public MalformedDataException fail(String detail) {
    return new MalformedDataException(what, pos, detail);
  }

  public int u8() {
    need(1);
    return buf[pos++] & 0xFF;
  }

  public int u16() {
    need(2);
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
    pos += 2;
    return v;
  }

  public long u32() {
    need(4);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v |= (long) (buf[pos + i] & 0xFF) << (8 * i);
    }
    pos += 4;
    return v;
  }

  public long u64() {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v |= (long) (buf[pos + i] & 0xFF) << (8 * i);
    }
    pos += 8;
    return v;
  }

  /** ULEB128 that must fit a non-negative int (BCS lengths are at most 2^31 - 1). */
  public int uleb128() {
    long v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = u8();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (v > Integer.MAX_VALUE) {
          throw fail("length " + v + " too large");
        }
        if (shift > 0 && b == 0) {
          throw fail("non-canonical ULEB128");
        }
        return (int) v;
      }
    }
    throw fail("ULEB128 too long");
  }

  public byte[] raw(int len) {
    need(len);
    byte[] out = Arrays.copyOfRange(buf, pos, pos + len);
    pos += len;
    return out;
  }

  public byte[] bytes() {
    return raw(uleb128());
  }

  public String string() {
    byte[] b = bytes();
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      throw fail("invalid UTF-8 string");
    }
  }

  public boolean atEnd() {
    return pos == buf.length;
  }

  /** Fails unless every byte was consumed. */
  public void expectEnd() {
    if (pos != buf.length) {
      throw fail((buf.length - pos) + " trailing bytes");
    }
  }
}
