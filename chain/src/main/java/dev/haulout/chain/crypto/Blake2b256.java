package dev.haulout.chain.crypto;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** BLAKE2b with a 32-byte output, the hash Sui uses for addresses, digests and intents. */
public final class Blake2b256 {
  private Blake2b256() {}

  /** Hashes the concatenation of {@code parts}. */
  public static byte[] hash(byte[]... parts) {
    Blake2bDigest d = new Blake2bDigest(256);
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
