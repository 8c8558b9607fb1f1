package dev.haulout.erasure.rs;

import dev.haulout.erasure.gf.GF16;

/**
 * Reference loop: one word at a time through the log/exp tables of {@link GF16}. Slow and obvious;
 * the faster loops are tested against it.
 */
public final class ScalarCodingLoop implements CodingLoop {
  static final ScalarCodingLoop INSTANCE = new ScalarCodingLoop();

  private ScalarCodingLoop() {}

  /** The shared instance. */
  public static ScalarCodingLoop instance() {
    return INSTANCE;
  }

  @Override
  public void fftButterfly(byte[] buf, int a, int b, int len, int symbolSize, int logM) {
    for (int done = 0; done < len; done += symbolSize) {
      for (int seg = 0; seg < symbolSize; seg += 64) {
        int half = Math.min(64, symbolSize - seg) >>> 1;
        int pa = a + done + seg;
        int pb = b + done + seg;
        for (int e = 0; e < half; e++) {
          int wa = word(buf, pa + e, pa + half + e);
          int wb = word(buf, pb + e, pb + half + e);
          if (logM != GF16.MODULUS) {
            wa ^= GF16.mul(wb, logM);
          }
          wb ^= wa;
          put(buf, pa + e, pa + half + e, wa);
          put(buf, pb + e, pb + half + e, wb);
        }
      }
    }
  }

  @Override
  public void ifftButterfly(byte[] buf, int a, int b, int len, int symbolSize, int logM) {
    for (int done = 0; done < len; done += symbolSize) {
      for (int seg = 0; seg < symbolSize; seg += 64) {
        int half = Math.min(64, symbolSize - seg) >>> 1;
        int pa = a + done + seg;
        int pb = b + done + seg;
        for (int e = 0; e < half; e++) {
          int wa = word(buf, pa + e, pa + half + e);
          int wb = word(buf, pb + e, pb + half + e);
          wb ^= wa;
          if (logM != GF16.MODULUS) {
            wa ^= GF16.mul(wb, logM);
          }
          put(buf, pa + e, pa + half + e, wa);
          put(buf, pb + e, pb + half + e, wb);
        }
      }
    }
  }

  @Override
  public void xor(byte[] buf, int dst, int src, int len) {
    for (int i = 0; i < len; i++) {
      buf[dst + i] ^= buf[src + i];
    }
  }

  @Override
  public void mulInPlace(byte[] buf, int off, int len, int symbolSize, int logM) {
    for (int done = 0; done < len; done += symbolSize) {
      for (int seg = 0; seg < symbolSize; seg += 64) {
        int half = Math.min(64, symbolSize - seg) >>> 1;
        int p = off + done + seg;
        for (int e = 0; e < half; e++) {
          int w = word(buf, p + e, p + half + e);
          put(buf, p + e, p + half + e, logM == GF16.MODULUS ? 0 : GF16.mul(w, logM));
        }
      }
    }
  }

  @Override
  public String name() {
    return "scalar";
  }

  private static int word(byte[] buf, int lo, int hi) {
    return (buf[lo] & 0xFF) | (buf[hi] & 0xFF) << 8;
  }

  private static void put(byte[] buf, int lo, int hi, int w) {
    buf[lo] = (byte) w;
    buf[hi] = (byte) (w >>> 8);
  }

  @Override
  public String toString() {
    return name();
  }
}
