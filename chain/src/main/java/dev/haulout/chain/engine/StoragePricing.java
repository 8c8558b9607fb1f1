package dev.haulout.chain.engine;

/**
 * Walrus encoding arithmetic the ledger needs (walrus SPEC §1.1, §1.2): the encoded length of an
 * RS2 blob. The prices charged for it are the public {@link dev.haulout.chain.StoragePrices}.
 */
public final class StoragePricing {
  private static final long MAX_SYMBOL_SIZE = 65_534;

  private StoragePricing() {}

  /** {@code n · ((k1 + k2)·S + 64·n + 32)} with {@code k1 = n − 2f}, {@code k2 = n − f}, {@code f = ⌊(n−1)/3⌋}. */
  public static long encodedBlobLength(long unencodedLength, int nShards) {
    if (nShards < 4) {
      throw new IllegalArgumentException("RS2 needs at least 4 shards: " + nShards);
    }
    if (unencodedLength < 0) {
      throw new IllegalArgumentException("negative blob length: " + unencodedLength);
    }
    long n = nShards;
    long f = (n - 1) / 3;
    long k1 = n - 2 * f;
    long k2 = n - f;
    long l = Math.max(unencodedLength, 1);
    long s = (l + k1 * k2 - 1) / (k1 * k2);
    if (s % 2 == 1) {
      s++;
    }
    if (s > MAX_SYMBOL_SIZE) {
      throw new IllegalArgumentException("blob too large for " + nShards + " shards: " + unencodedLength);
    }
    return n * ((k1 + k2) * s + 64 * n + 32);
  }
}
