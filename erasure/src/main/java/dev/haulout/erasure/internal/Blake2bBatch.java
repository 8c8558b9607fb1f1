package dev.haulout.erasure.internal;

import dev.haulout.wire.Blake2b256;

/**
 * BLAKE2b-256 of many independent messages of one fixed length, each optionally prefixed by one
 * byte: the shape of Merkle leaves ({@code 0x00 ‖ symbol}) and inner nodes ({@code 0x01 ‖ l ‖ r}).
 * Messages are queued with {@link #add}; a digest is written to its destination at the latest
 * by {@link #flush}, possibly earlier. A message's bytes are read, and its digest written, in
 * the same call (the one that runs its batch), so a digest may overwrite the input of an earlier
 * queued message but must not overwrite the input of a message still to be added. The vector
 * implementation ({@link VectorSupport}) hashes one message per 64-bit SIMD lane at once (8, 4 or 2); the
 * scalar one hashes each message in {@code add}. Not thread-safe. Not API.
 */
public abstract class Blake2bBatch {
  protected final int prefix;
  protected final int length;

  protected Blake2bBatch(int prefix, int length) {
    if (prefix > 255 || length < 0) {
      throw new IllegalArgumentException("prefix " + prefix + " / length " + length + " out of range");
    }
    this.prefix = prefix;
    this.length = length;
  }

  /**
   * The fastest batch hasher of this JVM for messages {@code prefix ‖ length bytes} ({@code
   * prefix < 0}: no prefix byte).
   */
  public static Blake2bBatch create(int prefix, int length) {
    if (VectorSupport.enabled()) {
      return vector(prefix, length);
    }
    return scalar(prefix, length);
  }

  /** The scalar reference ({@link Blake2b256}, one message at a time). */
  public static Blake2bBatch scalar(int prefix, int length) {
    return new Scalar(prefix, length);
  }

  /** The vector implementation (8, 4 or 2 lanes); only when {@link VectorSupport#available()}. */
  public static Blake2bBatch vector(int prefix, int length) {
    return VectorSupport.create(
        Blake2bBatch.class,
        "dev.haulout.erasure.internal.vector.Blake2bLanes",
        new Class<?>[] {int.class, int.class},
        prefix,
        length);
  }

  /** The prefix byte, or a negative number for none. */
  public final int prefix() {
    return prefix;
  }

  /** Length of each message, without the prefix byte. */
  public final int length() {
    return length;
  }

  /** Messages hashed together. */
  public abstract int lanes();

  /** Queues {@code prefix ‖ data[off, off + length())}; its digest goes to {@code out[outOff, +32)}. */
  public abstract void add(byte[] data, int off, byte[] out, int outOff);

  /** Hashes every queued message and writes its digest. */
  public abstract void flush();

  private static final class Scalar extends Blake2bBatch {
    private final Blake2b256 h = new Blake2b256();

    Scalar(int prefix, int length) {
      super(prefix, length);
    }

    @Override
    public int lanes() {
      return 1;
    }

    @Override
    public void add(byte[] data, int off, byte[] out, int outOff) {
      h.hash(prefix, data, off, length, out, outOff);
    }

    @Override
    public void flush() {}
  }
}
