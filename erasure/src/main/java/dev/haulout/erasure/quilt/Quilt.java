package dev.haulout.erasure.quilt;

import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.ErasureException.DataTooLargeException;
import dev.haulout.wire.BcsWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A quilt (SPEC §8): many small blobs laid out in one RS2 blob so that each can be read from a
 * few secondary slivers. The message matrix is filled column by column (a column is one
 * systematic secondary sliver of {@code k1 S} bytes): first the index ({@code 0x01 ‖ u32le size ‖
 * BCS QuiltIndexV1}, at most 10 columns), then each blob, sorted by identifier, starting on a fresh
 * column with {@code 0x01 ‖ u32le length ‖ mask ‖ u16le idLen ‖ BCS id ‖ [u16le tagsLen ‖ BCS
 * tags] ‖ data}. The symbol size is the smallest even one for which everything fits in k2
 * columns, and the quilt blob is exactly {@code k1 k2 S} bytes. Encode {@link #blob()} with the
 * ordinary {@code BlobEncoder} to get the quilt ID and slivers.
 */
public final class Quilt {
  static final int VERSION = 1;
  static final int INDEX_PREFIX = 5;
  static final int BLOB_HEADER = 6;
  static final int MAX_INDEX_COLUMNS = 10;

  private final EncodingConfig config;
  private final int symbolSize;
  private final byte[] blob;
  private final List<QuiltPatch> patches;

  private Quilt(EncodingConfig config, int symbolSize, byte[] blob, List<QuiltPatch> patches) {
    this.config = config;
    this.symbolSize = symbolSize;
    this.blob = blob;
    this.patches = patches;
  }

  /**
   * Lays out {@code blobs} as a quilt for {@code config}.
   *
   * @throws IllegalArgumentException for no blobs, more than {@code k2 - 1}, or a duplicate identifier
   * @throws DataTooLargeException if the symbol size would exceed 65534
   */
  public static Quilt construct(EncodingConfig config, Collection<QuiltBlob> blobs) {
    List<QuiltBlob> sorted = new ArrayList<>(blobs);
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("a quilt needs at least one blob");
    }
    sorted.sort((a, b) -> QuiltTags.UTF8_ORDER.compare(a.identifier(), b.identifier()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).identifier().equals(sorted.get(i - 1).identifier())) {
        throw new IllegalArgumentException("duplicate quilt identifier: \"" + sorted.get(i).identifier() + "\"");
      }
    }
    int rows = config.primarySourceSymbols();
    int cols = config.secondarySourceSymbols();
    if (sorted.size() + 1 > cols) {
      throw new IllegalArgumentException(
          "too many blobs for one quilt: " + sorted.size() + ", at most " + (cols - 1) + " for " + config.nShards() + " shards");
    }
    List<byte[]> pieces = new ArrayList<>();
    long[] sizes = new long[sorted.size() + 1];
    for (int i = 0; i < sorted.size(); i++) {
      byte[] prefix = prefix(sorted.get(i));
      pieces.add(prefix);
      sizes[i + 1] = (long) prefix.length + sorted.get(i).dataView().length;
    }
    int indexBcsLength = indexBcs(sorted, new int[sorted.size()]).length;
    sizes[0] = INDEX_PREFIX + indexBcsLength;
    int s = symbolSize(sizes, cols, rows, MAX_INDEX_COLUMNS);
    long columnSize = (long) rows * s;
    byte[] columns = new byte[(int) (columnSize * cols)];
    int indexCols = (int) ((sizes[0] + columnSize - 1) / columnSize);
    int col = indexCols;
    int[] ends = new int[sorted.size()];
    List<QuiltPatch> patches = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      QuiltBlob b = sorted.get(i);
      int off = (int) (col * columnSize);
      System.arraycopy(pieces.get(i), 0, columns, off, pieces.get(i).length);
      System.arraycopy(b.dataView(), 0, columns, off + pieces.get(i).length, b.dataView().length);
      int used = (int) ((sizes[i + 1] + columnSize - 1) / columnSize);
      patches.add(new QuiltPatch(b.identifier(), col, col + used, b.tags()));
      col += used;
      ends[i] = col;
    }
    byte[] index = indexBcs(sorted, ends);
    columns[0] = VERSION;
    for (int i = 0; i < 4; i++) {
      columns[1 + i] = (byte) (index.length >>> (8 * i));
    }
    System.arraycopy(index, 0, columns, INDEX_PREFIX, index.length);
    // column-major -> the row-major message matrix of the blob
    byte[] blob = new byte[columns.length];
    int rowSize = cols * s;
    for (int c = 0; c < cols; c++) {
      for (int r = 0; r < rows; r++) {
        System.arraycopy(columns, (int) (c * columnSize) + r * s, blob, r * rowSize + c * s, s);
      }
    }
    return new Quilt(config, s, blob, Collections.unmodifiableList(patches));
  }

  static byte[] prefix(QuiltBlob b) {
    byte[] id = new BcsWriter(b.identifier().length() + 4).string(b.identifier()).toByteArray();
    byte[] tags = b.tags().isEmpty() ? null : QuiltTags.toBcs(b.tags());
    if (tags != null && tags.length > 0xFFFF) {
      throw new IllegalArgumentException("tags of \"" + b.identifier() + "\" too large: " + tags.length + " bytes");
    }
    long length = 2L + id.length + (tags == null ? 0 : 2L + tags.length) + b.dataView().length;
    if (length > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("quilt blob \"" + b.identifier() + "\" too large: " + b.dataView().length + " bytes");
    }
    BcsWriter w = new BcsWriter(16 + id.length);
    w.u8(VERSION).u32(length).u8(tags == null ? 0 : 1).u16(id.length).fixed(id);
    if (tags != null) {
      w.u16(tags.length).fixed(tags);
    }
    return w.toByteArray();
  }

  static byte[] indexBcs(List<QuiltBlob> sorted, int[] ends) {
    BcsWriter w = new BcsWriter(64 * sorted.size());
    w.uleb128(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      w.u16(ends[i]).string(sorted.get(i).identifier());
      QuiltTags.writeTags(w, sorted.get(i).tags());
    }
    return w.toByteArray();
  }

  /**
   * Smallest even symbol size at which every piece (index first) fits in whole columns of {@code
   * rows * S} bytes within {@code cols} columns, with the index in at most 10 columns (walrus-core
   * {@code compute_symbol_size}).
   */
  static int symbolSize(long[] sizes, int cols, int rows, int maxIndexColumns) {
    if (sizes.length > cols) {
      throw new IllegalArgumentException("too many blobs: " + (sizes.length - 1) + ", at most " + (cols - 1));
    }
    long sum = 0;
    long max = 0;
    for (long x : sizes) {
      sum += x;
      max = Math.max(max, x);
    }
    long lo = Math.max(ceilDiv(sum, (long) cols * rows), ceilDiv(sizes[0], (long) rows * maxIndexColumns));
    lo = Math.max(lo, ceilDiv(INDEX_PREFIX, rows));
    long hi = ceilDiv(max, (long) (cols / sizes.length) * rows);
    while (lo < hi) {
      long mid = (lo + hi) / 2;
      if (fits(sizes, cols, mid * rows)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    long s = lo + (lo & 1);
    if (s > EncodingConfig.MAX_SYMBOL_SIZE) {
      throw new DataTooLargeException(sum, (long) EncodingConfig.MAX_SYMBOL_SIZE * cols * rows);
    }
    return (int) s;
  }

  private static boolean fits(long[] sizes, int cols, long columnSize) {
    long need = 0;
    for (long x : sizes) {
      need += ceilDiv(x, columnSize);
    }
    return need <= cols;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  public EncodingConfig config() {
    return config;
  }

  /** The quilt as one ordinary blob of {@code k1 k2 S} bytes (a copy). */
  public byte[] blob() {
    return blob.clone();
  }

  public int symbolSize() {
    return symbolSize;
  }

  /** Patches in identifier order. */
  public List<QuiltPatch> patches() {
    return patches;
  }

  /** Reads a blob back from the quilt's own bytes (columns of the message matrix). */
  public QuiltBlob get(String identifier) {
    int rows = config.primarySourceSymbols();
    int cols = config.secondarySourceSymbols();
    QuiltReader reader = QuiltReader.fromColumns(c -> {
      byte[] col = new byte[rows * symbolSize];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(blob, r * cols * symbolSize + c * symbolSize, col, r * symbolSize, symbolSize);
      }
      return col;
    });
    return reader.get(identifier);
  }
}
