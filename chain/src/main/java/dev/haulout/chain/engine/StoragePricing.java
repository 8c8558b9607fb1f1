package dev.haulout.chain.engine;

import dev.haulout.walrus.ShardGeometry;

/**
 * Walrus storage prices (walrus SPEC §12): {@code units · (storage_price · epochs + write_price)}
 * over 1 MiB units of the encoded length, whose arithmetic is walrus-types' {@link ShardGeometry}.
 */
public final class StoragePricing {
  public static final long BYTES_PER_UNIT_SIZE = ShardGeometry.BYTES_PER_UNIT;

  private StoragePricing() {}

  /**
   * {@code n · ((k1 + k2)·S + 64·n + 32)} with {@code k1 = n − 2f}, {@code k2 = n − f}, {@code f = ⌊(n−1)/3⌋}.
   *
   * @throws IllegalArgumentException for a shard count outside [4, 65535], a negative length or a
   *     blob too large for the shard count
   */
  public static long encodedBlobLength(long unencodedLength, int nShards) {
    return ShardGeometry.forShards(nShards).encodedLength(unencodedLength);
  }

  /** {@code ceil(bytes / 1 MiB)}. */
  public static long units(long bytes) {
    return ShardGeometry.units(bytes);
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
