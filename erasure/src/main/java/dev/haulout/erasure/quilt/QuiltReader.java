package dev.haulout.erasure.quilt;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.ErasureException.MalformedDataException;
import dev.haulout.erasure.ErasureException.NotEnoughSliversException;
import dev.haulout.erasure.SliverData;
import dev.haulout.wire.BcsReader;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.IntFunction;

/**
 * Reads a quilt's index and patches from its secondary slivers (columns): the index needs the
 * first column(s), a patch only its own columns. Slivers should have been verified against the
 * quilt's metadata (see {@code BlobDecoder.verifySliver}).
 */
public final class QuiltReader {
  private final IntFunction<byte[]> column;
  private List<QuiltPatch> patches;

  private QuiltReader(IntFunction<byte[]> column) {
    this.column = column;
  }

  static QuiltReader fromColumns(IntFunction<byte[]> column) {
    return new QuiltReader(column);
  }

  /** A reader over the given secondary slivers (others are reported missing when needed). */
  public static QuiltReader fromSecondarySlivers(Collection<SliverData> slivers) {
    Map<Integer, byte[]> byIndex = new HashMap<>();
    for (SliverData s : slivers) {
      if (s.axis() != Axis.SECONDARY) {
        throw new IllegalArgumentException("quilts are read from secondary slivers, got " + s);
      }
      byIndex.put(s.index(), s.dataView());
    }
    return new QuiltReader(c -> {
      byte[] d = byIndex.get(c);
      if (d == null) {
        throw new NotEnoughSliversException("secondary sliver " + c + " (quilt column)", 1, 0);
      }
      return d;
    });
  }

  /** Bytes {@code [skip, skip + len)} of the column stream starting at {@code startCol}. */
  private byte[] read(int startCol, long skip, int len) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(len);
    int col = startCol;
    long pos = skip;
    int left = len;
    while (left > 0) {
      byte[] c = column.apply(col);
      if (pos >= c.length) {
        pos -= c.length;
        col++;
        continue;
      }
      int n = (int) Math.min(left, c.length - pos);
      out.write(c, (int) pos, n);
      left -= n;
      pos = 0;
      col++;
    }
    return out.toByteArray();
  }

  private static long u32(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v |= (long) (b[off + i] & 0xFF) << (8 * i);
    }
    return v;
  }

  /** The patches listed in the quilt index (read from column 0 onwards). */
  public List<QuiltPatch> patches() {
    if (patches == null) {
      byte[] head = read(0, 0, Quilt.INDEX_PREFIX);
      if (head[0] != Quilt.VERSION) {
        throw new MalformedDataException("quilt index", 0, "unknown quilt version " + (head[0] & 0xFF));
      }
      long size = u32(head, 1);
      int columnSize = column.apply(0).length;
      if (size > (long) columnSize * Quilt.MAX_INDEX_COLUMNS) {
        throw new MalformedDataException("quilt index", 1, "index size " + size + " exceeds " + Quilt.MAX_INDEX_COLUMNS + " columns");
      }
      BcsReader r = MalformedDataException.reader("QuiltIndexV1", read(0, Quilt.INDEX_PREFIX, (int) size));
      int count = r.length();
      int start = (int) ((size + Quilt.INDEX_PREFIX + columnSize - 1) / columnSize);
      List<QuiltPatch> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int end = r.u16();
        String id = r.string();
        SortedMap<String, String> tags = QuiltTags.readTags(r);
        if (end <= start) {
          throw r.fail("patch \"" + id + "\" ends at column " + end + ", not after its start " + start);
        }
        out.add(new QuiltPatch(id, start, end, Collections.unmodifiableSortedMap(tags)));
        start = end;
      }
      r.expectEnd();
      patches = Collections.unmodifiableList(out);
    }
    return patches;
  }

  /**
   * The blob with this identifier.
   *
   * @throws IllegalArgumentException naming the identifier if the quilt has no such patch
   */
  public QuiltBlob get(String identifier) {
    for (QuiltPatch p : patches()) {
      if (p.identifier().equals(identifier)) {
        return read(p);
      }
    }
    throw new IllegalArgumentException("no patch \"" + identifier + "\" in this quilt");
  }

  /** Reads the patch starting at column {@code p.startIndex()}. */
  public QuiltBlob read(QuiltPatch p) {
    int c = p.startIndex();
    byte[] h = read(c, 0, Quilt.BLOB_HEADER);
    if (h[0] != Quilt.VERSION) {
      throw new MalformedDataException("quilt patch", 0, "unknown patch version " + (h[0] & 0xFF) + " at column " + c);
    }
    long length = u32(h, 1);
    boolean hasTags = (h[5] & 1) != 0;
    long pos = Quilt.BLOB_HEADER;
    byte[] idLen = read(c, pos, 2);
    int idSize = (idLen[0] & 0xFF) | (idLen[1] & 0xFF) << 8;
    pos += 2;
    String id = MalformedDataException.reader("quilt identifier", read(c, pos, idSize)).string();
    pos += idSize;
    long consumed = 2L + idSize;
    SortedMap<String, String> tags = Collections.emptySortedMap();
    if (hasTags) {
      byte[] tl = read(c, pos, 2);
      int tagsSize = (tl[0] & 0xFF) | (tl[1] & 0xFF) << 8;
      pos += 2;
      BcsReader tr = MalformedDataException.reader("quilt tags", read(c, pos, tagsSize));
      tags = QuiltTags.readTags(tr);
      tr.expectEnd();
      pos += tagsSize;
      consumed += 2L + tagsSize;
    }
    if (consumed > length) {
      throw new MalformedDataException("quilt patch", pos, "header length " + length + " shorter than its prefix");
    }
    byte[] data = read(c, pos, (int) (length - consumed));
    return QuiltBlob.of(id, data, tags);
  }
}
