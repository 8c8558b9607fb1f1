package dev.haulout.erasure.rs;

import dev.haulout.erasure.gf.GF16;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Split-table loop: multiplication by a constant is GF(2)-linear on Cantor words, so {@code
 * x * c = T[lo(x)] ^ T[256 + hi(x)]} with one 512-entry table per constant. Tables are built on
 * first use and shared (an FFT at n = 1000 touches about 1 500 distinct twiddles, 1 KiB each).
 * Full 64-byte blocks are processed eight words at a time through long lanes (the 32 low bytes
 * and 32 high bytes of a block are contiguous); XOR runs eight bytes at a time.
 */
public final class TableCodingLoop implements CodingLoop {
  static final TableCodingLoop INSTANCE = new TableCodingLoop();

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final AtomicReferenceArray<char[]> TABLES =
      new AtomicReferenceArray<>(GF16.MODULUS);

  private TableCodingLoop() {}

  /** The shared instance. */
  public static TableCodingLoop instance() {
    return INSTANCE;
  }

  static char[] table(int logM) {
    char[] t = TABLES.get(logM);
    if (t == null) {
      t = new char[512];
      for (int v = 0; v < 256; v++) {
        t[v] = (char) GF16.mul(v, logM);
        t[256 + v] = (char) GF16.mul(v << 8, logM);
      }
      TABLES.set(logM, t);
    }
    return t;
  }

  @Override
  public void fftButterfly(byte[] buf, int a, int b, int len, int symbolSize, int logM) {
    if (logM == GF16.MODULUS) {
      xor(buf, b, a, len);
      return;
    }
    char[] t = table(logM);
    if (symbolSize == 2) {
      for (int i = 0; i < len; i += 2) {
        fftSeg(buf, t, a + i, b + i, 1);
      }
      return;
    }
    int full = symbolSize & ~63;
    for (int done = 0; done < len; done += symbolSize) {
      int pa = a + done;
      int pb = b + done;
      for (int seg = 0; seg < full; seg += 64) {
        fftBlock(buf, t, pa + seg, pb + seg);
      }
      if (full < symbolSize) {
        fftSeg(buf, t, pa + full, pb + full, (symbolSize - full) >>> 1);
      }
    }
  }

  /** One full 64-byte block pair, eight words per step (low bytes at +0..31, high at +32..63). */
  private static void fftBlock(byte[] buf, char[] t, int pa, int pb) {
    for (int e = 0; e < 32; e += 8) {
      long bl = (long) LONGS.get(buf, pb + e);
      long bh = (long) LONGS.get(buf, pb + 32 + e);
      long pl = 0;
      long ph = 0;
      for (int k = 0; k < 64; k += 8) {
        int x = t[(int) (bl >>> k) & 0xFF] ^ t[256 + ((int) (bh >>> k) & 0xFF)];
        pl |= (long) (x & 0xFF) << k;
        ph |= (long) (x >>> 8) << k;
      }
      long al = (long) LONGS.get(buf, pa + e) ^ pl;
      long ah = (long) LONGS.get(buf, pa + 32 + e) ^ ph;
      LONGS.set(buf, pa + e, al);
      LONGS.set(buf, pa + 32 + e, ah);
      LONGS.set(buf, pb + e, bl ^ al);
      LONGS.set(buf, pb + 32 + e, bh ^ ah);
    }
  }

  private static void ifftBlock(byte[] buf, char[] t, int pa, int pb) {
    for (int e = 0; e < 32; e += 8) {
      long al = (long) LONGS.get(buf, pa + e);
      long ah = (long) LONGS.get(buf, pa + 32 + e);
      long bl = (long) LONGS.get(buf, pb + e) ^ al;
      long bh = (long) LONGS.get(buf, pb + 32 + e) ^ ah;
      long pl = 0;
      long ph = 0;
      for (int k = 0; k < 64; k += 8) {
        int x = t[(int) (bl >>> k) & 0xFF] ^ t[256 + ((int) (bh >>> k) & 0xFF)];
        pl |= (long) (x & 0xFF) << k;
        ph |= (long) (x >>> 8) << k;
      }
      LONGS.set(buf, pb + e, bl);
      LONGS.set(buf, pb + 32 + e, bh);
      LONGS.set(buf, pa + e, al ^ pl);
      LONGS.set(buf, pa + 32 + e, ah ^ ph);
    }
  }

  private static void fftSeg(byte[] buf, char[] t, int pa, int pb, int half) {
    for (int e = 0; e < half; e++) {
      int blo = buf[pb + e] & 0xFF;
      int bhi = buf[pb + half + e] & 0xFF;
      int prod = t[blo] ^ t[256 + bhi];
      int alo = (buf[pa + e] ^ prod) & 0xFF;
      int ahi = (buf[pa + half + e] & 0xFF) ^ (prod >>> 8);
      buf[pa + e] = (byte) alo;
      buf[pa + half + e] = (byte) ahi;
      buf[pb + e] = (byte) (blo ^ alo);
      buf[pb + half + e] = (byte) (bhi ^ ahi);
    }
  }

  @Override
  public void ifftButterfly(byte[] buf, int a, int b, int len, int symbolSize, int logM) {
    if (logM == GF16.MODULUS) {
      xor(buf, b, a, len);
      return;
    }
    char[] t = table(logM);
    if (symbolSize == 2) {
      for (int i = 0; i < len; i += 2) {
        ifftSeg(buf, t, a + i, b + i, 1);
      }
      return;
    }
    int full = symbolSize & ~63;
    for (int done = 0; done < len; done += symbolSize) {
      int pa = a + done;
      int pb = b + done;
      for (int seg = 0; seg < full; seg += 64) {
        ifftBlock(buf, t, pa + seg, pb + seg);
      }
      if (full < symbolSize) {
        ifftSeg(buf, t, pa + full, pb + full, (symbolSize - full) >>> 1);
      }
    }
  }

  private static void ifftSeg(byte[] buf, char[] t, int pa, int pb, int half) {
    for (int e = 0; e < half; e++) {
      int alo = buf[pa + e] & 0xFF;
      int ahi = buf[pa + half + e] & 0xFF;
      int blo = (buf[pb + e] & 0xFF) ^ alo;
      int bhi = (buf[pb + half + e] & 0xFF) ^ ahi;
      int prod = t[blo] ^ t[256 + bhi];
      buf[pb + e] = (byte) blo;
      buf[pb + half + e] = (byte) bhi;
      buf[pa + e] = (byte) (alo ^ prod);
      buf[pa + half + e] = (byte) (ahi ^ (prod >>> 8));
    }
  }

  @Override
  public void xor(byte[] buf, int dst, int src, int len) {
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      long v = (long) LONGS.get(buf, dst + i) ^ (long) LONGS.get(buf, src + i);
      LONGS.set(buf, dst + i, v);
    }
    for (; i < len; i++) {
      buf[dst + i] ^= buf[src + i];
    }
  }

  @Override
  public void mulInPlace(byte[] buf, int off, int len, int symbolSize, int logM) {
    if (logM == GF16.MODULUS) {
      java.util.Arrays.fill(buf, off, off + len, (byte) 0);
      return;
    }
    char[] t = table(logM);
    for (int done = 0; done < len; done += symbolSize) {
      for (int seg = 0; seg < symbolSize; seg += 64) {
        int half = Math.min(64, symbolSize - seg) >>> 1;
        int p = off + done + seg;
        for (int e = 0; e < half; e++) {
          int prod = t[buf[p + e] & 0xFF] ^ t[256 + (buf[p + half + e] & 0xFF)];
          buf[p + e] = (byte) prod;
          buf[p + half + e] = (byte) (prod >>> 8);
        }
      }
    }
  }

  @Override
  public String name() {
    return "table";
  }

  @Override
  public String toString() {
    return name();
  }
}
