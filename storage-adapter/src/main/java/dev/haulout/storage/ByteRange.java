package dev.haulout.storage;

/** A half-open byte range {@code [start, end)} of a blob. */
public record ByteRange(long start, long end) {
  public ByteRange {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("invalid byte range [" + start + ", " + end + ")");
    }
  }

  /** {@code start} and {@code length}, as the aggregator's {@code byte-range} query. */
  public static ByteRange ofLength(long start, long length) {
    return new ByteRange(start, Math.addExact(start, length));
  }

  /** Parses the CLI form {@code a-b} (inclusive end, as HTTP Range). */
  public static ByteRange parseInclusive(String text) {
    int dash = text.indexOf('-');
    if (dash <= 0 || dash == text.length() - 1) {
      throw new IllegalArgumentException("range must be a-b (inclusive): " + text);
    }
    long a = Long.parseLong(text.substring(0, dash).trim());
    long b = Long.parseLong(text.substring(dash + 1).trim());
    if (b < a) {
      throw new IllegalArgumentException("range end before start: " + text);
    }
    return new ByteRange(a, b + 1);
  }

  public long length() {
    return end - start;
  }

  /** This range clipped to a blob of {@code size} bytes. */
  public ByteRange clip(long size) {
    return new ByteRange(Math.min(start, size), Math.min(end, size));
  }
}
