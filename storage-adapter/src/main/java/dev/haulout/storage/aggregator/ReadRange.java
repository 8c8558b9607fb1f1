package dev.haulout.storage.aggregator;

import dev.haulout.storage.ByteRange;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;

/**
 * What an aggregator read asks for, resolved against the blob length once it is known: the whole
 * blob, an HTTP {@code Range} header (RFC 9110 §14) or the Walrus {@code byte-range} query.
 *
 * <p>{@code Range}: one {@code bytes=a-b}, {@code bytes=a-} or suffix {@code bytes=-n} range is
 * served as 206. A first position at or past the end, a suffix of 0, or any range of an empty
 * blob is not satisfiable: 416 with {@code Content-Range: bytes *}{@code /LEN}. An invalid
 * range-set (not digits, last before first) and several ranges are rejected with the same 416
 * (RFC 9110 §15.5.17 lets a server reject them; Walrus's aggregator does). A range unit other than
 * {@code bytes} is ignored (§14.2) and the whole blob is sent with 200.
 *
 * <p>{@code byte-range?start=&length=} (Walrus {@code get_blob_byte_range}): length 0,
 * {@code start + length} overflowing, or a start at or past the end → 400
 * {@code INVALID_BYTE_RANGE}; a range running past the end is clipped to it.
 *
 * <p>Public for other HTTP readers of the same range semantics (marketplace-api's content gateway
 * resolves {@code Range} against a dataset's plaintext length with {@link #resolveHeader}).
 */
public abstract class ReadRange {
  /** The range to read and whether the answer is 206 Partial Content. */
  public record Resolved(ByteRange range, boolean partial) {
    boolean whole(long length) {
      return range.start() == 0 && range.end() == length;
    }
  }

  /** 416 Range Not Satisfiable; the answer carries {@code Content-Range: bytes *}{@code /blobLength}. */
  public static final class NotSatisfiable extends StorageException {
    private static final long serialVersionUID = 1L;
    final long blobLength;

    NotSatisfiable(long blobLength, String message) {
      super("RANGE_NOT_SATISFIABLE", 416, StorageErrorCode.INVALID_BYTE_RANGE, message);
      this.blobLength = blobLength;
    }

    /** The length the range was resolved against (for {@code Content-Range: bytes *}{@code /LEN}). */
    public long blobLength() {
      return blobLength;
    }
  }

  abstract Resolved resolve(long length);

  static ReadRange whole() {
    return new ReadRange() {
      @Override
      Resolved resolve(long length) {
        return new Resolved(new ByteRange(0, length), false);
      }
    };
  }

  /** The {@code Range} header {@code h} (null: the whole blob). */
  static ReadRange header(String h) {
    if (h == null) {
      return whole();
    }
    return new ReadRange() {
      @Override
      Resolved resolve(long length) {
        return resolveHeader(h, length);
      }
    };
  }

  /** The Walrus byte-range query; {@code start} and {@code length} are already non-negative. */
  static ReadRange startLength(long start, long count) {
    if (count == 0) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_BYTE_RANGE, "length must be greater than 0");
    }
    if (start > Long.MAX_VALUE - count) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_BYTE_RANGE,
          "start + length overflows (start " + start + ", length " + count + ")");
    }
    return new ReadRange() {
      @Override
      Resolved resolve(long length) {
        if (start >= length) {
          throw StorageException.invalidArgument(StorageErrorCode.INVALID_BYTE_RANGE,
              "start " + start + " is at or past the end of the blob (" + length + " bytes)");
        }
        return new Resolved(new ByteRange(start, Math.min(length, start + count)), false);
      }
    };
  }

  /** Resolves one {@code Range} header value against {@code length}; throws {@link NotSatisfiable}. */
  public static Resolved resolveHeader(String header, long length) {
    String h = header.trim();
    int eq = h.indexOf('=');
    String unit = eq < 0 ? h : h.substring(0, eq).trim();
    if (eq > 0 && unit.chars().allMatch(c -> c > 32 && c < 127 && c != '=') && !unit.equalsIgnoreCase("bytes")) {
      return whole().resolve(length); // a range unit we do not serve: ignored (RFC 9110 §14.2)
    }
    if (eq < 0 || !unit.equalsIgnoreCase("bytes")) {
      throw invalid(length, "invalid Range header (expected bytes=first-last, bytes=first- or bytes=-suffix)");
    }
    String set = h.substring(eq + 1).trim();
    if (set.contains(",")) {
      throw invalid(length, "only one range per request is served");
    }
    int dash = set.indexOf('-');
    if (dash < 0) {
      throw invalid(length, "invalid Range header (expected bytes=first-last, bytes=first- or bytes=-suffix)");
    }
    String first = set.substring(0, dash).trim();
    String last = set.substring(dash + 1).trim();
    if (first.isEmpty()) {
      if (!digits(last)) {
        throw invalid(length, "invalid suffix range (expected bytes=-count)");
      }
      long suffix = saturated(last);
      if (suffix == 0 || length == 0) {
        throw invalid(length, "the range is not satisfiable: the blob has " + length + " bytes");
      }
      return new Resolved(new ByteRange(length - Math.min(suffix, length), length), true);
    }
    if (!digits(first) || !(last.isEmpty() || digits(last))) {
      throw invalid(length, "invalid Range header (positions must be decimal digits)");
    }
    long a = saturated(first);
    long b = last.isEmpty() ? Long.MAX_VALUE : saturated(last);
    if (b < a) {
      throw invalid(length, "invalid range: last position " + b + " before first position " + a);
    }
    if (a >= length) {
      throw invalid(length, "the range is not satisfiable: it starts at " + a + ", the blob has " + length + " bytes");
    }
    return new Resolved(new ByteRange(a, b >= length - 1 ? length : b + 1), true);
  }

  private static NotSatisfiable invalid(long length, String message) {
    return new NotSatisfiable(length, message);
  }

  private static boolean digits(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** Decimal digits as a long, saturating at {@link Long#MAX_VALUE} (every position past any blob). */
  private static long saturated(String digits) {
    String d = digits.replaceFirst("^0+(?=.)", "");
    if (d.length() > 18) {
      return d.length() > 19 || d.compareTo(Long.toString(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : Long.parseLong(d);
    }
    return Long.parseLong(d);
  }
}
