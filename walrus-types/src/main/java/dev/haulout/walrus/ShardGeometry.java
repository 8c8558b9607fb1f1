package dev.haulout.walrus;

/**
 * RS2 arithmetic from the shard count {@code n} alone (walrus SPEC §1.1, §1.2): {@code f = ⌊(n−1)/3⌋}
 * faulty shards, {@code k1 = n − 2f} primary and {@code k2 = n − f} secondary source symbols, the
 * symbol size of a blob, its encoded length (what storage is paid for) and 1 MiB storage units.
 * Pure arithmetic, shared by the codec (erasure's {@code EncodingConfig}) and the ledger's pricing.
 * Immutable.
 */
public final class ShardGeometry {
  /** Largest symbol size of RS2 ({@code u16::MAX - 1}); symbols are always even. */
  public static final int MAX_SYMBOL_SIZE = 65534;
  /** BCS / u8 value of the RS2 encoding type. */
  public static final int ENCODING_TYPE_RS2 = 1;
  /** Storage is paid in units of 1 MiB. */
  public static final long BYTES_PER_UNIT = 1L << 20;
  /** Fewest shards RS2 works with ({@code f ≥ 1}). */
  public static final int MIN_SHARDS = 4;
  /** Most shards: a shard index is a u16. */
  public static final int MAX_SHARDS = 65535;

  private final int n;
  private final int f;

  private ShardGeometry(int n) {
    this.n = n;
    this.f = (n - 1) / 3;
  }

  /**
   * The geometry of {@code nShards} shards (Walrus Mainnet and Testnet use 1000).
   *
   * @throws IllegalArgumentException outside {@code [4, 65535]}
   */
  public static ShardGeometry forShards(int nShards) {
    if (nShards < MIN_SHARDS || nShards > MAX_SHARDS) {
      throw new IllegalArgumentException("shard count must be in [4, 65535]: " + nShards);
    }
    return new ShardGeometry(nShards);
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
    return n - 2 * f;
  }

  /** {@code k2 = n - f}: symbols per primary sliver, columns of the message matrix. */
  public int secondarySourceSymbols() {
    return n - f;
  }

  /** Largest blob this shard count can encode: {@code k1 * k2 * 65534}. */
  public long maxBlobSize() {
    return (long) primarySourceSymbols() * secondarySourceSymbols() * MAX_SYMBOL_SIZE;
  }

  /**
   * Symbol size for a blob of {@code length} bytes: {@code ceil(max(L,1) / (k1 k2))}, rounded up
   * to even.
   *
   * @throws IllegalArgumentException for a negative length or one above {@link #maxBlobSize()}
   */
  public int symbolSize(long length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative blob length: " + length);
    }
    if (length > maxBlobSize()) {
      throw new IllegalArgumentException(
          "blob of " + length + " bytes too large for " + n + " shards (at most " + maxBlobSize() + ")");
    }
    long cells = (long) primarySourceSymbols() * secondarySourceSymbols();
    long s = (Math.max(length, 1) + cells - 1) / cells;
    if ((s & 1) != 0) {
      s++;
    }
    return (int) s;
  }

  /** Metadata bytes each node stores: {@code 64 n + 32}. */
  public long metadataLength() {
    return 64L * n + 32;
  }

  /** Bytes storage is paid for: {@code n ((k1 + k2) S + 64 n + 32)}. */
  public long encodedLength(long length) {
    long s = symbolSize(length);
    return n * ((primarySourceSymbols() + secondarySourceSymbols()) * s + metadataLength());
  }

  /** {@code ceil(bytes / 1 MiB)}. */
  public static long units(long bytes) {
    return (bytes + BYTES_PER_UNIT - 1) / BYTES_PER_UNIT;
  }

  /** 1 MiB storage units for a blob of {@code length} bytes. */
  public long storageUnits(long length) {
    return units(encodedLength(length));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShardGeometry g && g.n == n;
  }

  @Override
  public int hashCode() {
    return n;
  }

  @Override
  public String toString() {
    return "ShardGeometry[n=" + n + ", f=" + f + ", k1=" + primarySourceSymbols() + ", k2="
        + secondarySourceSymbols() + "]";
  }
}
