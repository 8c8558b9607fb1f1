package dev.haulout.seal.crypto.bcs;

import dev.haulout.seal.crypto.SealCryptoException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Strict BCS decoder: rejects truncated input, non-canonical or over-long ULEB128, bools and
 * option tags other than 0/1, strings that are not UTF-8 and (via {@link #finish()}) trailing
 * bytes. Errors are {@code INVALID_OBJECT} unless the caller supplies its own error type.
 */
public final class BcsReader {
  private final byte[] in;
  private final Function<String, ? extends RuntimeException> errors;
  private int pos;

  public BcsReader(byte[] in) {
    this(in, m -> new SealCryptoException(SealCryptoException.Code.INVALID_OBJECT, m));
  }

  /** A reader whose failures are made by {@code errors} (for formats other than Seal objects). */
  public BcsReader(byte[] in, Function<String, ? extends RuntimeException> errors) {
    this.in = in;
    this.errors = errors;
  }

  public int u8() {
    need(1);
    return in[pos++] & 0xFF;
  }

  /** Little-endian u16. */
  public int u16() {
    need(2);
    int v = (in[pos] & 0xFF) | (in[pos + 1] & 0xFF) << 8;
    pos += 2;
    return v;
  }

  /** Little-endian u64. */
  public long u64() {
    need(8);
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (in[pos + i] & 0xFF);
    }
    pos += 8;
    return v;
  }

  public boolean bool() {
    int b = u8();
    if (b > 1) {
      throw fail("bool must be 0 or 1, got " + b);
    }
    return b == 1;
  }

  /** ULEB128 as used by BCS for lengths and enum tags: canonical, at most u32. */
  public int uleb() {
    long v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = u8();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (b == 0 && shift > 0) {
          throw fail("non-canonical ULEB128");
        }
        if (v > 0xFFFF_FFFFL) {
          throw fail("ULEB128 exceeds u32");
        }
        if (v > Integer.MAX_VALUE) {
          throw fail("length too large: " + v);
        }
        return (int) v;
      }
    }
    throw fail("ULEB128 too long");
  }

  public byte[] fixed(int n) {
    need(n);
    byte[] out = Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return out;
  }

  public byte[] bytes() {
    return fixed(uleb());
  }

  /** A BCS string: length-prefixed UTF-8, rejected when not valid UTF-8. */
  public String string() {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw fail("string is not UTF-8");
    }
  }

  /** {@code Option<vector<u8>>}; returns null for None. */
  public byte[] optionalBytes() {
    int tag = u8();
    if (tag == 0) {
      return null;
    }
    if (tag != 1) {
      throw fail("invalid option tag " + tag);
    }
    return bytes();
  }

  public boolean atEnd() {
    return pos == in.length;
  }

  public int remaining() {
    return in.length - pos;
  }

  /** Requires that the whole input was consumed. */
  public void finish() {
    if (pos != in.length) {
      throw fail((in.length - pos) + " trailing byte(s)");
    }
  }

  private void need(int n) {
    if (n < 0 || in.length - pos < n) {
      throw fail("truncated input: need " + n + " byte(s) at offset " + pos);
    }
  }

  /** The error this reader reports for {@code message}; callers throw it. */
  public RuntimeException fail(String message) {
    return errors.apply(message);
  }
}
