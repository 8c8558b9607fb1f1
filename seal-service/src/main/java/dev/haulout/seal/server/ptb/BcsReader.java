package dev.haulout.seal.server.ptb;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Strict cursor over BCS bytes for the few shapes a Sui {@code ProgrammableTransaction} uses.
 * Every read fails with {@link MalformedBcsException} instead of reading past the end.
 */
final class BcsReader {
  /** Sui caps every BCS vector/string length well below this; anything larger is garbage. */
  private static final long MAX_LENGTH = 1L << 20;

  private final byte[] data;
  private int pos;

  BcsReader(byte[] data) {
    this.data = data;
  }

  boolean atEnd() {
    return pos == data.length;
  }

  int u8() {
    need(1);
    return data[pos++] & 0xff;
  }

  int u16() {
    need(2);
    int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
    pos += 2;
    return v;
  }

  long u64() {
    need(8);
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (data[pos + i] & 0xff);
    }
    pos += 8;
    return v;
  }

  boolean bool() {
    int b = u8();
    if (b > 1) {
      throw new MalformedBcsException("bool must be 0 or 1, got " + b);
    }
    return b == 1;
  }

  /** ULEB128 length, canonical (no redundant trailing zero groups) and bounded. */
  int uleb() {
    long v = 0;
    int shift = 0;
    while (true) {
      int b = u8();
      if (shift == 28 && (b & 0x70) != 0) {
        throw new MalformedBcsException("ULEB128 value overflows u32");
      }
      v |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        if (b == 0 && shift > 0) {
          throw new MalformedBcsException("non-canonical ULEB128");
        }
        break;
      }
      shift += 7;
      if (shift > 28) {
        throw new MalformedBcsException("ULEB128 too long");
      }
    }
    if (v > MAX_LENGTH) {
      throw new MalformedBcsException("length " + v + " exceeds " + MAX_LENGTH);
    }
    return (int) v;
  }

  byte[] fixed(int n) {
    need(n);
    byte[] out = Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  byte[] vectorU8() {
    return fixed(uleb());
  }

  String string() {
    byte[] b = vectorU8();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedBcsException("string is not UTF-8");
    }
  }

  private void need(int n) {
    if (n < 0 || data.length - pos < n) {
      throw new MalformedBcsException("unexpected end of BCS input at offset " + pos);
    }
  }
}
