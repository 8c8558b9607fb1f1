package dev.haulout.erasure;

import dev.haulout.erasure.ErasureException.DataTooLargeException;
import dev.haulout.erasure.rs.ReedSolomon;

/**
 * RS2 parameters derived from the shard count {@code n} alone (SPEC §1): {@code f = (n-1)/3},
 * {@code k1 = n - 2f} primary and {@code k2 = n - f} secondary source symbols, symbol size from
 * the blob length. Immutable.
 */
public final class EncodingConfig {
  /** Largest symbol size of RS2 ({@code u16::MAX - 1}); symbols are always even. */
  public static final int MAX_SYMBOL_SIZE = 65534;
  /** BCS / u8 value of the RS2 encoding type. */
  public static final int ENCODING_TYPE_RS2 = 1;
  /** Storage is paid in units of 1 MiB. */
  public static final long BYTES_PER_UNIT = 1L << 20;

  private final int n;
  private final int f;
  private final ReedSolomon primaryCode;
  private final ReedSolomon secondaryCode;

  private EncodingConfig(int n) {
    this.n = n;
    this.f = (n - 1) / 3;
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
    if (nShards < 4 || nShards > 65535) {
      throw new IllegalArgumentException("shard count must be in [4, 65535]: " + nShards);
    }
    return new EncodingConfig(nShards);
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
    return (long) primarySourceSymbols() * secondarySourceSymbols() * MAX_SYMBOL_SIZE;
  }

  /**
   * Symbol size for a blob of {@code length} bytes: {@code ceil(max(L,1) / (k1 k2))}, rounded up
   * to even.
   *
   * @throws DataTooLargeException above {@link #maxBlobSize()}
   * @throws IllegalArgumentException for a negative length
   */
  public int symbolSize(long length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative blob length: " + length);
    }
    long cells = (long) primarySourceSymbols() * secondarySourceSymbols();
    long s = (Math.max(length, 1) + cells - 1) / cells;
    if ((s & 1) != 0) {
      s++;
    }
    if (s > MAX_SYMBOL_SIZE) {
      throw new DataTooLargeException(length, maxBlobSize());
    }
    return (int) s;
  }

  /** Bytes in one sliver of the axis for symbol size {@code s}. */
  public int sliverLength(Axis axis, int symbolSize) {
    return sourceSymbols(axis) * symbolSize;
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

  /** 1 MiB storage units for a blob of {@code length} bytes. */
  public long storageUnits(long length) {
    return (encodedLength(length) + BYTES_PER_UNIT - 1) / BYTES_PER_UNIT;
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
