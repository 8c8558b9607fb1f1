package dev.haulout.chain.engine;

/**
 * Walrus storage arithmetic (walrus SPEC §1.1, §1.2, §12): encoded length of an RS2 blob,
 * 1 MiB storage units, and prices {@code units · (storage_price · epochs + write_price)}.
 */
public final class StoragePricing {
  public static final long BYTES_PER_UNIT_SIZE = 1L << 20;
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

  /** {@code ceil(bytes / 1 MiB)}. */
  public static long units(long bytes) {
    return (bytes + BYTES_PER_UNIT_SIZE - 1) / BYTES_PER_UNIT_SIZE;
  }

  /** Storage cost for {@code storageSize} bytes over {@code epochs} epochs (exact, throws on overflow). */
  public static long storageCost(long storageSize, int epochs, long pricePerUnitPerEpoch) {
    return Math.multiplyExact(Math.multiplyExact(units(storageSize), pricePerUnitPerEpoch), (long) epochs);
  }

  /** One-time write fee when registering a blob of {@code encodedLength} bytes. */
  public static long writeCost(long encodedLength, long writePricePerUnit) {
    return Math.multiplyExact(units(encodedLength), writePricePerUnit);
  }
}
