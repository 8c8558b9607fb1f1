package dev.haulout.dataset;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.haulout.dataset.DatasetReadException.Code;
import dev.haulout.storage.BlobStore;
import dev.haulout.storage.ByteRange;
import dev.haulout.walrus.BlobId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The manifest of an envelope stored as consecutive parts ({@code haulout.parts.v1},
 * docs/commerce.md "Parts"): an envelope larger than one blob is cut into parts, each its own
 * certified blob, and this small JSON blob names them in order; the listing names the manifest.
 * An envelope that fits one blob has no manifest (the listing names the envelope itself).
 *
 * <p>On the wire: {@code {"v":"haulout.parts.v1","envelopeLength":N,"parts":[{"blobId":…,
 * "offset":…,"length":…},…]}}, always starting with {@link #PREFIX} (an envelope starts with
 * {@code HLSE}, so a reader tells them apart by their first bytes). Integrity: blob IDs are
 * content addresses (the storage client verifies every sliver against the metadata the ID hashes),
 * so the listing's blob ID fixes the manifest and the manifest fixes each part; and whatever a
 * store returns, every envelope chunk is authenticated with the header's hash, its index and a
 * last-chunk flag, so parts swapped, dropped, cut or replaced read as {@code CONTENT_CORRUPT},
 * never as other plaintext.
 */
@JsonPropertyOrder({"v", "envelopeLength", "parts"})
public record DatasetManifest(String v, long envelopeLength, List<Part> parts) {
  public static final String VERSION = "haulout.parts.v1";
  /** The first bytes of every manifest. */
  static final byte[] PREFIX = ("{\"v\":\"" + VERSION + "\"").getBytes(StandardCharsets.US_ASCII);
  /** Most parts one manifest names (about 100 bytes each on the wire). */
  public static final int MAX_PARTS = 10_000;
  /** Largest manifest blob a reader accepts. */
  public static final int MAX_BYTES = 2 << 20;

  /** One part: its blob and the envelope bytes {@code [offset, offset + length)} it holds. */
  @JsonPropertyOrder({"blobId", "offset", "length"})
  public record Part(String blobId, long offset, long length) {}

  /** Checks the shape: version, 2..MAX_PARTS parts of well-formed blob IDs, contiguous from 0, summing to the envelope. */
  public DatasetManifest {
    if (!VERSION.equals(v)) {
      throw new IllegalArgumentException("manifest version must be " + VERSION + ", got " + v);
    }
    if (parts == null || parts.size() < 2 || parts.size() > MAX_PARTS) {
      throw new IllegalArgumentException("a manifest names 2.." + MAX_PARTS + " parts, got "
          + (parts == null ? 0 : parts.size()));
    }
    parts = List.copyOf(parts);
    long next = 0;
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      if (p == null || !BlobId.isBase64(p.blobId())) {
        throw new IllegalArgumentException("part " + i + " has no valid blob ID");
      }
      if (p.offset() != next) {
        throw new IllegalArgumentException("part " + i + " starts at " + p.offset() + ", expected " + next);
      }
      if (p.length() < 1) {
        throw new IllegalArgumentException("part " + i + " has length " + p.length());
      }
      next = Math.addExact(next, p.length());
    }
    if (next != envelopeLength) {
      throw new IllegalArgumentException("parts hold " + next + " bytes, the manifest declares " + envelopeLength);
    }
  }

  /** The manifest of parts stored in this order with these lengths. */
  public static DatasetManifest of(List<String> blobIds, List<Long> lengths) {
    if (blobIds.size() != lengths.size()) {
      throw new IllegalArgumentException(blobIds.size() + " blob IDs for " + lengths.size() + " lengths");
    }
    List<Part> parts = new ArrayList<>(blobIds.size());
    long offset = 0;
    for (int i = 0; i < blobIds.size(); i++) {
      parts.add(new Part(blobIds.get(i), offset, lengths.get(i)));
      offset += lengths.get(i);
    }
    return new DatasetManifest(VERSION, offset, parts);
  }

  /** The parts' blob IDs, in order. */
  public List<String> blobIds() {
    return parts.stream().map(Part::blobId).toList();
  }

  /** The manifest blob's bytes. */
  public byte[] toBytes() {
    return SignedPayload.json(this);
  }

  /** Whether {@code head}, the first bytes of a blob, start a manifest (rather than an envelope). */
  public static boolean isManifest(byte[] head) {
    return head.length >= PREFIX.length && Arrays.equals(head, 0, PREFIX.length, PREFIX, 0, PREFIX.length);
  }

  /** Parses a manifest blob; anything else than a well-formed manifest is {@code CONTENT_CORRUPT}. */
  public static DatasetManifest parse(byte[] bytes) throws DatasetReadException {
    if (bytes.length > MAX_BYTES || !isManifest(bytes)) {
      throw corrupt("not a " + VERSION + " manifest", null);
    }
    try {
      DatasetManifest m = SignedPayload.JSON.readValue(bytes, DatasetManifest.class);
      if (m == null) {
        throw corrupt("empty manifest", null);
      }
      return m;
    } catch (IOException | IllegalArgumentException e) {
      Throwable why = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw corrupt("the manifest is malformed: " + firstLine(why.getMessage()), e);
    }
  }

  /**
   * The manifest stored as {@code blobId}, or empty when that blob is no manifest (an envelope
   * stored as one blob). Reads a few bytes, then the whole manifest if it is one.
   */
  public static Optional<DatasetManifest> read(BlobStore store, String blobId) throws DatasetReadException {
    try {
      long length = store.length(blobId);
      return read(store, blobId, length, head(store, blobId, length, PREFIX.length));
    } catch (IOException | RuntimeException e) {
      throw DatasetReadException.of(e);
    }
  }

  /** As {@link #read(BlobStore, String)} with the blob's length and first bytes already fetched. */
  static Optional<DatasetManifest> read(BlobStore store, String blobId, long length, byte[] head) throws IOException {
    if (!isManifest(head)) {
      return Optional.empty();
    }
    if (length > MAX_BYTES) {
      throw corrupt("blob " + blobId + " starts like a manifest but is " + length + " bytes", null);
    }
    byte[] all = length == head.length ? head : head(store, blobId, length, (int) length);
    return Optional.of(parse(all));
  }

  /** Every blob a dataset stored as {@code blobId} lives in: that blob, then each part if it is a manifest. */
  public static List<String> blobsOf(BlobStore store, String blobId) throws DatasetReadException {
    List<String> ids = new ArrayList<>();
    ids.add(blobId);
    read(store, blobId).ifPresent(m -> ids.addAll(m.blobIds()));
    return ids;
  }

  /**
   * Checks that every part is stored with the length the manifest gives it (one metadata read per
   * part, no content): a part the network does not hold is {@code BLOB_NOT_FOUND}, one of another
   * length {@code CONTENT_CORRUPT}, each naming the part.
   */
  void checkStored(BlobStore store, String manifestBlobId) throws DatasetReadException {
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      String which = "part " + (i + 1) + " of " + parts.size() + " (blob " + p.blobId() + ") of manifest " + manifestBlobId;
      long stored;
      try {
        stored = store.length(p.blobId());
      } catch (RuntimeException e) {
        DatasetReadException d = DatasetReadException.of(e);
        throw new DatasetReadException(d.code(), which + ": " + (d.code() == Code.BLOB_NOT_FOUND ? "not stored" : d.getMessage()), e);
      }
      if (stored != p.length()) {
        throw corrupt(which + " is " + stored + " bytes, the manifest says " + p.length(), null);
      }
    }
  }

  /** The first {@code min(want, length)} bytes of a blob, with one ranged read. */
  static byte[] head(BlobStore store, String blobId, long length, int want) throws IOException {
    int n = (int) Math.min(want, length);
    if (n == 0) {
      return new byte[0];
    }
    try (InputStream in = store.read(blobId, new ByteRange(0, n))) {
      byte[] b = in.readNBytes(n);
      if (b.length != n) {
        throw new java.io.EOFException("blob " + blobId + " ended at " + b.length + ", expected " + length + " bytes");
      }
      return b;
    }
  }

  private static DatasetReadException corrupt(String message, Throwable cause) {
    return new DatasetReadException(Code.CONTENT_CORRUPT, message, cause);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
