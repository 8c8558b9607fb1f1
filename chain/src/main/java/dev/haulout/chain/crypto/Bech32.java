package dev.haulout.chain.crypto;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** BIP-173 Bech32 (not Bech32m), as Sui uses for {@code suiprivkey1…} private keys. */
final class Bech32 {
  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int[] GEN = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

  private Bech32() {}

  record Decoded(String hrp, byte[] data) {}

  private static int polymod(byte[] values) {
    int chk = 1;
    for (byte v : values) {
      int top = chk >>> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ (v & 0xff);
      for (int i = 0; i < 5; i++) {
        if (((top >>> i) & 1) != 0) {
          chk ^= GEN[i];
        }
      }
    }
    return chk;
  }

  private static byte[] hrpExpand(String hrp) {
    int n = hrp.length();
    byte[] out = new byte[n * 2 + 1];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) (hrp.charAt(i) >> 5);
      out[i + n + 1] = (byte) (hrp.charAt(i) & 31);
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static String encode(String hrp, byte[] data) {
    byte[] words = convertBits(data, 8, 5, true);
    byte[] values = concat(hrpExpand(hrp), concat(words, new byte[6]));
    int mod = polymod(values) ^ 1;
    StringBuilder sb = new StringBuilder(hrp).append('1');
    for (byte w : words) {
      sb.append(CHARSET.charAt(w));
    }
    for (int i = 0; i < 6; i++) {
      sb.append(CHARSET.charAt((mod >>> (5 * (5 - i))) & 31));
    }
    return sb.toString();
  }

  static Decoded decode(String text) {
    if (!text.equals(text.toLowerCase(Locale.ROOT)) && !text.equals(text.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException("bech32 string has mixed case");
    }
    String s = text.toLowerCase(Locale.ROOT);
    int pos = s.lastIndexOf('1');
    if (pos < 1 || pos + 7 > s.length()) {
      throw new IllegalArgumentException("bech32 separator misplaced");
    }
    String hrp = s.substring(0, pos);
    byte[] values = new byte[s.length() - pos - 1];
    for (int i = 0; i < values.length; i++) {
      int c = CHARSET.indexOf(s.charAt(pos + 1 + i));
      if (c < 0) {
        throw new IllegalArgumentException("invalid bech32 character: " + s.charAt(pos + 1 + i));
      }
      values[i] = (byte) c;
    }
    if (polymod(concat(hrpExpand(hrp), values)) != 1) {
      throw new IllegalArgumentException("bad bech32 checksum");
    }
    byte[] words = new byte[values.length - 6];
    System.arraycopy(values, 0, words, 0, words.length);
    return new Decoded(hrp, convertBits(words, 5, 8, false));
  }

  private static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
    int acc = 0;
    int bits = 0;
    int maxv = (1 << to) - 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : in) {
      int v = b & 0xff;
      if ((v >>> from) != 0) {
        throw new IllegalArgumentException("invalid bech32 data value");
      }
      acc = (acc << from) | v;
      bits += from;
      while (bits >= to) {
        bits -= to;
        out.write((acc >>> bits) & maxv);
      }
    }
    if (pad) {
      if (bits > 0) {
        out.write((acc << (to - bits)) & maxv);
      }
    } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
      throw new IllegalArgumentException("invalid bech32 padding");
    }
    return out.toByteArray();
  }
}
