package dev.haulout.seal.envelope;

import dev.haulout.seal.crypto.SealCryptoException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;

/**
 * Envelope decryption: whole-stream in bounded memory, or a byte range from a seekable source
 * reading only the chunks that overlap the range. Every chunk is authenticated before any of its
 * bytes are released; truncation, reordering, extension and header changes fail authentication.
 */
public final class EnvelopeReader {
  private EnvelopeReader() {}

  /**
   * Decrypts a whole envelope from {@code envelope} to {@code out}. Chunks are released as they
   * verify, so on failure {@code out} may hold a verified prefix; callers needing all-or-nothing
   * must stage the output.
   *
   * @return the header
   */
  public static EnvelopeHeader decrypt(InputStream envelope, OutputStream out, DataKeyResolver keys)
      throws IOException {
    EnvelopeHeader header = EnvelopeHeader.read(envelope);
    EnvelopeFormat format = new EnvelopeFormat(keys.dataKey(header), header);
    int cs = header.chunkSize();
    byte[] sealed = new byte[cs + EnvelopeFormat.TAG_SIZE];
    byte[] plain = new byte[cs + EnvelopeFormat.TAG_SIZE];
    long chunks = header.chunkCount();
    for (long i = 0; i < chunks; i++) {
      int clen = header.plaintextLength(i) + EnvelopeFormat.TAG_SIZE;
      if (envelope.readNBytes(sealed, 0, clen) != clen) {
        throw truncated(i);
      }
      int n = format.open(i, i == chunks - 1, sealed, clen, plain);
      out.write(plain, 0, n);
    }
    if (envelope.read() != -1) {
      throw new SealCryptoException(
          SealCryptoException.Code.AUTHENTICATION_FAILED, "trailing bytes after the final chunk");
    }
    out.flush();
    return header;
  }

  /** Reads only the header (e.g. to find the sealed key and its key servers). */
  public static EnvelopeHeader readHeader(SeekableByteChannel envelope) throws IOException {
    envelope.position(0);
    return EnvelopeHeader.read(Channels.newInputStream(envelope));
  }

  /**
   * Opens plaintext bytes {@code [offset, offset + length)} of the envelope in {@code source}.
   * Reads the header and then only the chunks overlapping the range, each authenticated before
   * use. The returned stream does not close {@code source}.
   */
  public static InputStream openRange(
      SeekableByteChannel source, long offset, long length, DataKeyResolver keys)
      throws IOException {
    EnvelopeHeader header = readHeader(source);
    if (offset < 0 || length < 0 || offset > header.totalLength()
        || length > header.totalLength() - offset) {
      throw new IllegalArgumentException(
          "range [" + offset + ", +" + length + ") outside plaintext of " + header.totalLength());
    }
    if (source.size() != header.envelopeLength()) {
      throw new SealCryptoException(
          SealCryptoException.Code.AUTHENTICATION_FAILED,
          "envelope is " + source.size() + " bytes, header declares " + header.envelopeLength());
    }
    return new RangeStream(source, header, new EnvelopeFormat(keys.dataKey(header), header), offset, length);
  }

  private static SealCryptoException truncated(long chunk) {
    return new SealCryptoException(
        SealCryptoException.Code.AUTHENTICATION_FAILED, "envelope truncated in chunk " + chunk);
  }

  /** Lazily decrypts the chunks of one range. */
  private static final class RangeStream extends InputStream {
    private final SeekableByteChannel source;
    private final EnvelopeHeader header;
    private final EnvelopeFormat format;
    private final long bodyStart;
    private final byte[] sealed;
    private final byte[] plain;
    private long position;
    private final long end;
    private long loadedChunk = -1;
    private int loadedLength;

    RangeStream(SeekableByteChannel source, EnvelopeHeader header, EnvelopeFormat format, long offset, long length) {
      this.source = source;
      this.header = header;
      this.format = format;
      this.bodyStart = header.encodedLength();
      this.sealed = new byte[header.chunkSize() + EnvelopeFormat.TAG_SIZE];
      this.plain = new byte[header.chunkSize() + EnvelopeFormat.TAG_SIZE];
      this.position = offset;
      this.end = offset + length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (position >= end) {
        return -1;
      }
      long cs = header.chunkSize();
      long chunk = position / cs;
      if (chunk != loadedChunk) {
        load(chunk);
      }
      int inChunk = (int) (position - chunk * cs);
      int n = (int) Math.min(Math.min(len, loadedLength - inChunk), end - position);
      System.arraycopy(plain, inChunk, b, off, n);
      position += n;
      return n;
    }

    private void load(long chunk) throws IOException {
      int clen = header.plaintextLength(chunk) + EnvelopeFormat.TAG_SIZE;
      source.position(bodyStart + chunk * (header.chunkSize() + (long) EnvelopeFormat.TAG_SIZE));
      ByteBuffer buf = ByteBuffer.wrap(sealed, 0, clen);
      while (buf.hasRemaining()) {
        if (source.read(buf) < 0) {
          throw new EOFException("envelope truncated in chunk " + chunk);
        }
      }
      loadedLength = format.open(chunk, chunk == header.chunkCount() - 1, sealed, clen, plain);
      loadedChunk = chunk;
    }
  }
}
