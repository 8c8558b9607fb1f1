package dev.haulout.chain.tx;

import dev.haulout.chain.crypto.SuiAddress;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Strict BCS reader; any malformed input throws IllegalArgumentException with the offset. */
public final class BcsReader {
  private static final int MAX_VECTOR = 1 << 20;
  private final byte[] buf;
  private int pos;

  public BcsReader(byte[] buf) {
    this.buf = buf;
  }

  private void need(int n) {
    if (n < 0 || pos + n > buf.length) {
      throw new IllegalArgumentException("truncated BCS input at offset " + pos);
    }
  }

  public int u8() {
    need(1);
    return buf[pos++] & 0xff;
  }

  public boolean bool() {
    int v = u8();
    if (v > 1) {
      throw new IllegalArgumentException("bad bool " + v + " at offset " + (pos - 1));
    }
    return v == 1;
  }

  public int u32() {
    need(4);
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v |= (buf[pos++] & 0xff) << (8 * i);
    }
    return v;
  }

  public long u64() {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v |= (buf[pos++] & 0xffL) << (8 * i);
    }
    return v;
  }

  /**
   * A BCS ULEB128 (enum tags and lengths): at most a u32, and canonical, i.e. the shortest
   * encoding. A last byte of 0 after a continuation byte ({@code 80 00}) is refused, so each value
   * has exactly one encoding.
   */
  public long uleb() {
    int start = pos;
    long v = 0;
    for (int i = 0; i < 5; i++) {
      int b = u8();
      v |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new IllegalArgumentException("non-canonical ULEB128 at offset " + start);
        }
        if (v > 0xFFFF_FFFFL) {
          throw new IllegalArgumentException("ULEB128 above u32 at offset " + start);
        }
        return v;
      }
    }
    throw new IllegalArgumentException("ULEB128 too long at offset " + start);
  }

  private int length() {
    long n = uleb();
    if (n > MAX_VECTOR) {
      throw new IllegalArgumentException("vector too long: " + n);
    }
    return (int) n;
  }

  public String address() {
    need(32);
    byte[] a = Arrays.copyOfRange(buf, pos, pos + 32);
    pos += 32;
    return SuiAddress.fromBytes(a).toString();
  }

  public byte[] bytes() {
    int n = length();
    need(n);
    byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return b;
  }

  public String string() {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("invalid UTF-8 string at offset " + pos, e);
    }
  }

  public List<String> strings() {
    int n = length();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(string());
    }
    return out;
  }

  public List<String> addresses() {
    int n = length();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(address());
    }
    return out;
  }

  public void expectEnd() {
    if (pos != buf.length) {
      throw new IllegalArgumentException("trailing bytes after offset " + pos);
    }
  }
}
