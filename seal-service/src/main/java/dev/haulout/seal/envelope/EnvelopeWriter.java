package dev.haulout.seal.envelope;

import dev.haulout.seal.crypto.EncryptedObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;

/**
 * Streaming envelope encryption in bounded memory (two chunk buffers): header, then fixed-size
 * AES-256-GCM chunks. The plaintext length must be known up front because it is part of the
 * authenticated header (it lets readers detect truncation and seek).
 */
public final class EnvelopeWriter {
  private EnvelopeWriter() {}

  /**
   * Encrypts exactly {@code length} bytes of {@code plaintext} to {@code out} under {@code dataKey},
   * whose sealed form {@code sealedKey} goes into the header.
   *
   * @throws IOException if {@code plaintext} ends early or has more than {@code length} bytes
   */
  public static EnvelopeHeader write(
      InputStream plaintext,
      long length,
      OutputStream out,
      byte[] dataKey,
      EncryptedObject sealedKey,
      String contentType,
      int chunkSize,
      SecureRandom rng)
      throws IOException {
    byte[] salt = new byte[EnvelopeHeader.SALT_SIZE];
    rng.nextBytes(salt);
    EnvelopeHeader header =
        new EnvelopeHeader(chunkSize, length, salt, contentType, sealedKey.toBytes());
    EnvelopeFormat format = new EnvelopeFormat(dataKey, header);
    out.write(header.toBytes());
    byte[] in = new byte[chunkSize];
    byte[] sealed = new byte[chunkSize + EnvelopeFormat.TAG_SIZE];
    long chunks = header.chunkCount();
    for (long i = 0; i < chunks; i++) {
      int n = header.plaintextLength(i);
      if (plaintext.readNBytes(in, 0, n) != n) {
        throw new IOException("plaintext ended before the declared length " + length);
      }
      int c = format.seal(i, i == chunks - 1, in, n, sealed);
      out.write(sealed, 0, c);
    }
    if (plaintext.read() != -1) {
      throw new IOException("plaintext is longer than the declared length " + length);
    }
    out.flush();
    return header;
  }
}
