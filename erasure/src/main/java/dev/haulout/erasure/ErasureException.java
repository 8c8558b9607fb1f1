package dev.haulout.erasure;

import dev.haulout.wire.BcsReader;

/**
 * Base of the erasure module's exceptions: data that is too large, malformed, inconsistent or
 * insufficient. Programmer errors (bad arguments) are {@link IllegalArgumentException}s instead.
 * Subclasses carry the offending values as fields.
 */
public class ErasureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ErasureException(String message) {
    super(message);
  }

  /** The blob does not fit the symbol-size limit of 65534 bytes for this shard count. */
  public static final class DataTooLargeException extends ErasureException {
    private static final long serialVersionUID = 1L;
    private final long length;
    private final long maxLength;

    public DataTooLargeException(long length, long maxLength) {
      super("blob of " + length + " bytes is too large: at most " + maxLength + " bytes for this shard count");
      this.length = length;
      this.maxLength = maxLength;
    }

    public long length() {
      return length;
    }

    public long maxLength() {
      return maxLength;
    }
  }

  /** Bytes that do not parse (BCS) or fields out of range; {@code offset} is where it went wrong. */
  public static final class MalformedDataException extends ErasureException {
    private static final long serialVersionUID = 1L;
    private final String what;
    private final long offset;

    /** A strict BCS reader over {@code bcs} whose failures are MalformedDataExceptions about {@code what}. */
    public static BcsReader reader(String what, byte[] bcs) {
      return new BcsReader(bcs, (offset, detail) -> new MalformedDataException(what, offset, detail));
    }

    public MalformedDataException(String what, long offset, String detail) {
      super("malformed " + what + " at byte " + offset + ": " + detail);
      this.what = what;
      this.offset = offset;
    }

    public String what() {
      return what;
    }

    public long offset() {
      return offset;
    }
  }

  /** A sliver that does not match its metadata (size, index or hash). */
  public static final class InvalidSliverException extends ErasureException {
    private static final long serialVersionUID = 1L;
    private final Axis axis;
    private final int sliverIndex;

    public InvalidSliverException(Axis axis, int sliverIndex, String detail) {
      super("invalid " + axis.pathName() + " sliver " + sliverIndex + ": " + detail);
      this.axis = axis;
      this.sliverIndex = sliverIndex;
    }

    public Axis axis() {
      return axis;
    }

    public int sliverIndex() {
      return sliverIndex;
    }
  }

  /** Metadata whose blob ID, shard count, length or encoding type does not check out. */
  public static final class InvalidMetadataException extends ErasureException {
    private static final long serialVersionUID = 1L;

    public InvalidMetadataException(String detail) {
      super("invalid blob metadata: " + detail);
    }
  }

  /** Fewer distinct valid slivers or symbols than decoding needs. */
  public static final class NotEnoughSliversException extends ErasureException {
    private static final long serialVersionUID = 1L;
    private final int needed;
    private final int available;

    public NotEnoughSliversException(String what, int needed, int available) {
      super("need " + needed + " " + what + ", have " + available);
      this.needed = needed;
      this.available = available;
    }

    public int needed() {
      return needed;
    }

    public int available() {
      return available;
    }
  }

  /** A recovery symbol whose proof or size does not verify. */
  public static final class InvalidRecoverySymbolException extends ErasureException {
    private static final long serialVersionUID = 1L;
    private final int sourceIndex;

    public InvalidRecoverySymbolException(int sourceIndex, String detail) {
      super("invalid recovery symbol from sliver " + sourceIndex + ": " + detail);
      this.sourceIndex = sourceIndex;
    }

    public int sourceIndex() {
      return sourceIndex;
    }
  }
}
