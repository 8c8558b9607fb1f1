package dev.haulout.erasure;

import dev.haulout.erasure.ErasureException.DataTooLargeException;
import dev.haulout.erasure.rs.ReedSolomon;
import dev.haulout.walrus.ShardGeometry;

/**
 * RS2 parameters derived from the shard count {@code n} alone (SPEC §1): {@code f = (n-1)/3},
 * {@code k1 = n - 2f} primary and {@code k2 = n - f} secondary source symbols, symbol size from
 * the blob length — the arithmetic is walrus-types' {@link ShardGeometry} — plus the two
 * Reed-Solomon codes. Immutable.
 */
public final class EncodingConfig {
  /** Largest symbol size of RS2 ({@code u16::MAX - 1}); symbols are always even. */
  public static final int MAX_SYMBOL_SIZE = ShardGeometry.MAX_SYMBOL_SIZE;
  /** BCS / u8 value of the RS2 encoding type. */
  public static final int ENCODING_TYPE_RS2 = ShardGeometry.ENCODING_TYPE_RS2;
  /** Storage is paid in units of 1 MiB. */
  public static final long BYTES_PER_UNIT = ShardGeometry.BYTES_PER_UNIT;

  private final ShardGeometry geometry;
  private final int n;
  private final int f;
  private final ReedSolomon primaryCode;
  private final ReedSolomon secondaryCode;

  private EncodingConfig(ShardGeometry geometry) {
    this.geometry = geometry;
    this.n = geometry.nShards();
    this.f = geometry.maxFaulty();
    try {
      this.primaryCode = ReedSolomon.create(n - 2 * f, 2 * f);
      this.secondaryCode = ReedSolomon.create(n - f, f);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unsupported shard count " + n + ": " + e.getMessage(), e);
    }
  }

  /**
   * The configuration for {@code nShards} shards (Walrus Mainnet and Testnet use 1000).
   *
   * @throws IllegalArgumentException if {@code nShards < 4}, {@code > 65535}, or too large for
   *     the GF(2^16) code
   */
  public static EncodingConfig forShards(int nShards) {
    return new EncodingConfig(ShardGeometry.forShards(nShards));
  }

  /** The pure shard arithmetic of this configuration. */
  public ShardGeometry geometry() {
    return geometry;
  }

  public int nShards() {
    return n;
  }

  /** {@code f}, the maximum number of faulty shards. */
  public int maxFaulty() {
    return f;
  }

  /** {@code k1 = n - 2f}: symbols per secondary sliver, rows of the message matrix. */
  public int primarySourceSymbols() {
    return geometry.primarySourceSymbols();
  }

  /** {@code k2 = n - f}: symbols per primary sliver, columns of the message matrix. */
  public int secondarySourceSymbols() {
    return geometry.secondarySourceSymbols();
  }

  /** The column code RS(k1, 2f). */
  public ReedSolomon primaryCode() {
    return primaryCode;
  }

  /** The row code RS(k2, f). */
  public ReedSolomon secondaryCode() {
    return secondaryCode;
  }

  /** Source symbols per sliver of the given axis. */
  public int sourceSymbols(Axis axis) {
    return axis == Axis.PRIMARY ? secondarySourceSymbols() : primarySourceSymbols();
  }

  /** Largest blob this shard count can encode: {@code k1 * k2 * 65534}. */
  public long maxBlobSize() {
    return geometry.maxBlobSize();
  }

  /**
   * Symbol size for a blob of {@code length} bytes: {@code ceil(max(L,1) / (k1 k2))}, rounded up
   * to even.
   *
   * @throws DataTooLargeException above {@link #maxBlobSize()}
   * @throws IllegalArgumentException for a negative length
   */
  public int symbolSize(long length) {
    if (length > maxBlobSize()) {
      throw new DataTooLargeException(length, maxBlobSize());
    }
    return geometry.symbolSize(length);
  }

  /** Bytes in one sliver of the axis for symbol size {@code s}. */
  public int sliverLength(Axis axis, int symbolSize) {
    return sourceSymbols(axis) * symbolSize;
  }

  /** Metadata bytes each node stores: {@code 64 n + 32}. */
  public long metadataLength() {
    return geometry.metadataLength();
  }

  /**
   * Bytes storage is paid for: {@code n ((k1 + k2) S + 64 n + 32)}.
   *
   * @throws DataTooLargeException above {@link #maxBlobSize()}
   */
  public long encodedLength(long length) {
    symbolSize(length);
    return geometry.encodedLength(length);
  }

  /** 1 MiB storage units for a blob of {@code length} bytes. */
  public long storageUnits(long length) {
    return ShardGeometry.units(encodedLength(length));
  }

  /** Index of the secondary sliver in sliver pair {@code pair}: {@code n - 1 - pair}. */
  public int secondaryIndexOfPair(int pair) {
    checkIndex("pair", pair);
    return n - 1 - pair;
  }

  void checkIndex(String what, int index) {
    if (index < 0 || index >= n) {
      throw new IllegalArgumentException(what + " index " + index + " out of range [0, " + n + ")");
    }
  }

  @Override
  public String toString() {
    return "EncodingConfig[n=" + n + ", f=" + f + ", k1=" + primarySourceSymbols() + ", k2="
        + secondarySourceSymbols() + "]";
  }
}
