package dev.haulout.seal.crypto.bcs;

import dev.haulout.seal.crypto.SealCryptoException;
import java.util.Arrays;

/**
 * Strict BCS decoder: rejects truncated input, non-canonical or over-long ULEB128, option tags
 * other than 0/1 and (via {@link #finish()}) trailing bytes. Errors are {@code INVALID_OBJECT}.
 */
public final class BcsReader {
  private final byte[] in;
  private int pos;

  public BcsReader(byte[] in) {
    this.in = in;
  }

  public int u8() {
    need(1);
    return in[pos++] & 0xFF;
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

  public SealCryptoException fail(String message) {
    return new SealCryptoException(SealCryptoException.Code.INVALID_OBJECT, message);
  }
}
