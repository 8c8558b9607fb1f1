package dev.haulout.chain;

import dev.haulout.chain.model.SystemState;
import dev.haulout.walrus.ShardGeometry;

/**
 * Walrus storage prices (walrus SPEC §12): sizes are counted in 1 MiB units, storage costs
 * {@code units · storage_price} per epoch and registering a blob {@code units · write_price} once.
 * The ledger charges exactly this; clients (the storage write path, the CLI) quote with it. The
 * encoded length a blob needs is Walrus encoding arithmetic, not a price, and lives elsewhere.
 */
public final class StoragePrices {
  public static final long BYTES_PER_UNIT_SIZE = ShardGeometry.BYTES_PER_UNIT;

  private StoragePrices() {}

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

  /**
   * What buying {@code encodedLength} bytes of storage for {@code epochs} epochs and registering a
   * blob of that encoded length costs at {@code sys}'s current prices (exact, throws on overflow).
   */
  public static long quote(SystemState sys, long encodedLength, int epochs) {
    return Math.addExact(storageCost(encodedLength, epochs, sys.storagePricePerUnit()),
        writeCost(encodedLength, sys.writePricePerUnit()));
  }
}
