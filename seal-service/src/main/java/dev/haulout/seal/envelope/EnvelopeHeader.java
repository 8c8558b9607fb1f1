package dev.haulout.seal.envelope;

import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.SealCryptoException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The envelope header (format in seal-service/README.md): magic, version, chunk size, plaintext
 * length, salt, content type and the sealed data key. Every chunk's AAD is the SHA-256 of the
 * encoded header, so any header change fails authentication of every chunk.
 */
public record EnvelopeHeader(
    int chunkSize, long totalLength, byte[] salt, String contentType, byte[] sealedKey) {

  public static final byte[] MAGIC = {'H', 'L', 'S', 'E'};
  public static final int VERSION = 1;
  public static final int SALT_SIZE = 16;
  public static final int MIN_CHUNK_SIZE = 16;
  public static final int MAX_CHUNK_SIZE = 64 << 20;
  public static final int DEFAULT_CHUNK_SIZE = 1 << 20;
  public static final int MAX_CONTENT_TYPE = 1024;
  public static final int MAX_SEALED_KEY = 64 << 10;
  /** Plaintext lengths are capped so that offsets never overflow a long. */
  public static final long MAX_TOTAL_LENGTH = 1L << 60;

  public EnvelopeHeader {
    if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
      throw new IllegalArgumentException("chunk size out of range: " + chunkSize);
    }
    if (totalLength < 0 || totalLength > MAX_TOTAL_LENGTH) {
      throw new IllegalArgumentException("total length out of range: " + totalLength);
    }
    if (salt.length != SALT_SIZE) {
      throw new IllegalArgumentException("salt must be 16 bytes, got " + salt.length);
    }
    if (contentType.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_TYPE) {
      throw new IllegalArgumentException("content type longer than " + MAX_CONTENT_TYPE + " bytes");
    }
    if (sealedKey.length == 0 || sealedKey.length > MAX_SEALED_KEY) {
      throw new IllegalArgumentException("sealed key length out of range: " + sealedKey.length);
    }
  }

  /** The sealed data key as a strictly parsed Seal object. */
  public EncryptedObject sealedKeyObject() {
    return EncryptedObject.fromBytes(sealedKey);
  }

  /** Number of chunks: at least one, so even an empty envelope authenticates its header. */
  public long chunkCount() {
    return Math.max(1, (totalLength + chunkSize - 1) / chunkSize);
  }

  /** Plaintext length of chunk {@code index}. */
  public int plaintextLength(long index) {
    long start = index * chunkSize;
    return (int) Math.min(chunkSize, totalLength - start);
  }

  /** Encoded size of the header. */
  public int encodedLength() {
    return 4 + 1 + 1 + 4 + 8 + SALT_SIZE + 2
        + contentType.getBytes(StandardCharsets.UTF_8).length + 4 + sealedKey.length;
  }

  /** Total envelope size: header plus every chunk with its 16-byte tag. */
  public long envelopeLength() {
    return encodedLength() + totalLength + chunkCount() * EnvelopeFormat.TAG_SIZE;
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encodedLength());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeByte(VERSION);
      out.writeByte(0);
      out.writeInt(chunkSize);
      out.writeLong(totalLength);
      out.write(salt);
      byte[] ct = contentType.getBytes(StandardCharsets.UTF_8);
      out.writeShort(ct.length);
      out.write(ct);
      out.writeInt(sealedKey.length);
      out.write(sealedKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** SHA-256 of the encoded header: the AAD of every chunk. */
  public byte[] hash() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(toBytes());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads exactly one header from {@code in}; malformed headers raise {@code INVALID_OBJECT}. */
  public static EnvelopeHeader read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    try {
      byte[] magic = new byte[4];
      d.readFully(magic);
      if (!MessageDigest.isEqual(magic, MAGIC)) {
        throw invalid("not a Haulout envelope (bad magic)");
      }
      int version = d.readUnsignedByte();
      if (version != VERSION) {
        throw invalid("unsupported envelope version " + version);
      }
      int flags = d.readUnsignedByte();
      if (flags != 0) {
        throw invalid("reserved flags set: " + flags);
      }
      int chunkSize = d.readInt();
      long total = d.readLong();
      byte[] salt = new byte[SALT_SIZE];
      d.readFully(salt);
      int ctLen = d.readUnsignedShort();
      if (ctLen > MAX_CONTENT_TYPE) {
        throw invalid("content type too long: " + ctLen);
      }
      byte[] ct = new byte[ctLen];
      d.readFully(ct);
      int keyLen = d.readInt();
      if (keyLen <= 0 || keyLen > MAX_SEALED_KEY) {
        throw invalid("sealed key length out of range: " + keyLen);
      }
      byte[] key = new byte[keyLen];
      d.readFully(key);
      return new EnvelopeHeader(
          chunkSize, total, salt, new String(ct, StandardCharsets.UTF_8), key);
    } catch (EOFException e) {
      throw invalid("truncated envelope header");
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private static SealCryptoException invalid(String message) {
    return new SealCryptoException(SealCryptoException.Code.INVALID_OBJECT, message);
  }

  @Override
  public String toString() {
    return "EnvelopeHeader[chunkSize=" + chunkSize + ", totalLength=" + totalLength
        + ", contentType=" + contentType + ", sealedKey=" + sealedKey.length + " bytes]";
  }
}
