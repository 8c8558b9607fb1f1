package dev.haulout.erasure;

import dev.haulout.erasure.ErasureException.MalformedDataException;
import dev.haulout.wire.BcsReader;
import dev.haulout.wire.BcsWriter;
import java.util.Arrays;

/**
 * One sliver: {@code axis}, sliver {@code index} (not pair index), symbol size and the raw bytes
 * (a whole number of symbols). Wire format (BCS {@code SliverData}, SPEC §2): {@code
 * ULEB128(len) ‖ bytes ‖ u16le symbolSize ‖ u16le index}. Immutable; the data is copied in and out
 * except through {@link #dataView()}.
 */
public final class SliverData {
  private final Axis axis;
  private final int index;
  private final int symbolSize;
  private final byte[] data;

  private SliverData(Axis axis, int index, int symbolSize, byte[] data) {
    this.axis = axis;
    this.index = index;
    this.symbolSize = symbolSize;
    this.data = data;
  }

  /**
   * A sliver over {@code data} (not copied: the caller hands it over).
   *
   * @throws IllegalArgumentException if the index is not a u16, the symbol size is not positive
   *     and even, or the data is not a whole number of symbols
   */
  public static SliverData wrap(Axis axis, int index, int symbolSize, byte[] data) {
    if (index < 0 || index > 0xFFFF) {
      throw new IllegalArgumentException("sliver index must be a u16: " + index);
    }
    if (symbolSize <= 0 || symbolSize > EncodingConfig.MAX_SYMBOL_SIZE || (symbolSize & 1) != 0) {
      throw new IllegalArgumentException("symbol size must be even and in [2, 65534]: " + symbolSize);
    }
    if (data.length == 0 || data.length % symbolSize != 0) {
      throw new IllegalArgumentException(
          "sliver length " + data.length + " is not a positive multiple of symbol size " + symbolSize);
    }
    return new SliverData(axis, index, symbolSize, data);
  }

  /** As {@link #wrap} but copies {@code data}. */
  public static SliverData of(Axis axis, int index, int symbolSize, byte[] data) {
    return wrap(axis, index, symbolSize, data.clone());
  }

  /** Parses the BCS form; the axis is not on the wire and comes from context (URL path). */
  public static SliverData fromBcs(Axis axis, byte[] bcs) {
    BcsReader in = MalformedDataException.reader("SliverData", bcs);
    byte[] data = in.bytes();
    int symbolSize = in.u16();
    int index = in.u16();
    in.expectEnd();
    if (symbolSize == 0 || (symbolSize & 1) != 0 || data.length == 0 || data.length % symbolSize != 0) {
      throw in.fail("sliver length " + data.length + " and symbol size " + symbolSize + " do not match");
    }
    return new SliverData(axis, index, symbolSize, data);
  }

  public byte[] toBcs() {
    return new BcsWriter(data.length + 9).bytes(data).u16(symbolSize).u16(index).toByteArray();
  }

  public Axis axis() {
    return axis;
  }

  public int index() {
    return index;
  }

  public int symbolSize() {
    return symbolSize;
  }

  public int symbolCount() {
    return data.length / symbolSize;
  }

  public int length() {
    return data.length;
  }

  /** A copy of the raw bytes. */
  public byte[] data() {
    return data.clone();
  }

  /** The raw bytes without copying; callers must not modify them. */
  public byte[] dataView() {
    return data;
  }

  /** Symbol {@code i} (a copy). */
  public byte[] symbol(int i) {
    if (i < 0 || i >= symbolCount()) {
      throw new IllegalArgumentException("symbol index " + i + " out of range [0, " + symbolCount() + ")");
    }
    return Arrays.copyOfRange(data, i * symbolSize, (i + 1) * symbolSize);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SliverData)) {
      return false;
    }
    SliverData s = (SliverData) o;
    return axis == s.axis && index == s.index && symbolSize == s.symbolSize && Arrays.equals(data, s.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * axis.hashCode() + index) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return axis.pathName() + " sliver " + index + " (" + data.length + " bytes, S=" + symbolSize + ")";
  }
}
