package dev.haulout.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Strict BCS decoder: little-endian integers, canonical ULEB128 (the shortest encoding, at most a
 * u32), bools and option tags of 0 or 1 only, strings that are valid UTF-8, and (with {@link
 * #expectEnd()}) no trailing bytes — so each value has exactly one encoding.
 *
 * <p>Every failure is made by the caller's {@link Errors} from the current offset and a detail,
 * so each format keeps its own exception type and code; the default is an {@link
 * IllegalArgumentException} naming the offset. Not thread-safe.
 */
public final class BcsReader {
  /** Makes the exception thrown for a malformed input at {@code offset}. */
  @FunctionalInterface
  public interface Errors {
    RuntimeException error(int offset, String detail);
  }

  private static final Errors DEFAULT_ERRORS =
      (offset, detail) -> new IllegalArgumentException("malformed BCS at offset " + offset + ": " + detail);

  private final byte[] buf;
  private final Errors errors;
  private int maxLength = Integer.MAX_VALUE;
  private int pos;

  /** A reader whose failures are {@link IllegalArgumentException}s. */
  public BcsReader(byte[] buf) {
    this(buf, DEFAULT_ERRORS);
  }

  /** A reader whose failures are made by {@code errors}. */
  public BcsReader(byte[] buf, Errors errors) {
    this.buf = buf;
    this.errors = errors;
  }

  /**
   * Refuses vector and string lengths above {@code max} (before allocating); default {@code
   * Integer.MAX_VALUE}. Returns this reader.
   */
  public BcsReader maxLength(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("negative maximum length: " + max);
    }
    this.maxLength = max;
    return this;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return buf.length - pos;
  }

  public boolean atEnd() {
    return pos == buf.length;
  }

  /** Fails unless every byte was consumed. */
  public void expectEnd() {
    if (pos != buf.length) {
      throw fail((buf.length - pos) + " trailing byte(s)");
    }
  }

  /** The exception this reader reports for {@code detail} at the current offset; callers throw it. */
  public RuntimeException fail(String detail) {
    return errors.error(pos, detail);
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

  /** Little-endian u32, as a non-negative long. */
  public long u32() {
    need(4);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v |= (long) (buf[pos + i] & 0xFF) << (8 * i);
    }
    pos += 4;
    return v;
  }

  /** Little-endian u64 (the bits of an unsigned value in a long). */
  public long u64() {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v |= (buf[pos + i] & 0xFFL) << (8 * i);
    }
    pos += 8;
    return v;
  }

  public boolean bool() {
    int v = u8();
    if (v > 1) {
      throw fail("bool must be 0 or 1, got " + v);
    }
    return v == 1;
  }

  /**
   * A BCS ULEB128 (lengths and enum tags): canonical, i.e. the shortest encoding — a last byte of 0
   * after a continuation byte ({@code 80 00}) is refused — and at most {@code 2^32 - 1}.
   */
  public long uleb128() {
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
        return v;
      }
    }
    throw fail("ULEB128 too long");
  }

  /** A ULEB128 vector or string length, at most {@link #maxLength(int)}. */
  public int length() {
    long n = uleb128();
    if (n > maxLength) {
      throw fail("length " + n + " too large (at most " + maxLength + ")");
    }
    return (int) n;
  }

  /** An enum variant index: a ULEB128 that fits an int (independent of {@link #maxLength(int)}). */
  public int variant() {
    long v = uleb128();
    if (v > Integer.MAX_VALUE) {
      throw fail("variant " + v + " too large");
    }
    return (int) v;
  }

  /** {@code n} raw bytes (a fixed-size array: no length prefix). */
  public byte[] fixed(int n) {
    need(n);
    byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return out;
  }

  /** {@code vector<u8>}: ULEB128 length, then the bytes. */
  public byte[] bytes() {
    return fixed(length());
  }

  /** A BCS string: length-prefixed UTF-8, refused when not valid UTF-8. */
  public String string() {
    byte[] b = bytes();
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw fail("string is not valid UTF-8");
    }
  }

  /** {@code Option<vector<u8>>}; null for None. */
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

  /** A 32-byte Sui address or object ID. */
  public SuiAddress address() {
    return SuiAddress.fromBytes(fixed(SuiAddress.LENGTH));
  }

  /** {@code vector<T>}: a ULEB128 count (at most {@link #maxLength(int)}), then each element. */
  public <T> List<T> vector(Function<BcsReader, T> element) {
    int n = length();
    List<T> out = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      out.add(element.apply(this));
    }
    return out;
  }

  private void need(int n) {
    if (n < 0 || buf.length - pos < n) {
      throw fail("truncated: need " + n + " byte(s), have " + (buf.length - pos));
    }
  }
}
