package dev.haulout.chain.engine;

import dev.haulout.walrus.ShardGeometry;

/**
 * Walrus encoding arithmetic the ledger needs (walrus SPEC §1.1, §1.2): the encoded length of an
 * RS2 blob. The prices charged for it are the public {@link dev.haulout.chain.StoragePrices}.
 */
public final class StoragePricing {

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
}
