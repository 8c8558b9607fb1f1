package dev.haulout.dataset;

import dev.haulout.chain.AccessIdentity;
import dev.haulout.seal.crypto.DataKeySealer;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.envelope.EnvelopeHeader;
import dev.haulout.seal.envelope.EnvelopeWriter;
import dev.haulout.storage.BlobStore;
import dev.haulout.storage.ProgressListener;
import dev.haulout.storage.StoreResult;
import dev.haulout.wire.SuiAddress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes one revision of a dataset: a fresh data key encrypts the plaintext with the streaming
 * envelope, the data key is sealed t-of-n under {@code policyPackage ‖ listingId ‖ nonce} (16
 * random bytes), and the envelope streams into {@link BlobStore#store} as a certified blob. Nothing
 * holds the file: the envelope is produced chunk by chunk into a bounded pipe the store reads from
 * (the store spools what its encoder needs). The data key is wiped when done.
 *
 * <p>Progress: {@code "encrypt"} (plaintext bytes consumed) plus the store's own phases ({@code
 * encode, register, upload, confirm, certify}).
 */
public final class DatasetWriter {
  /** Nonce bytes after the listing id in a revision's identity. */
  public static final int NONCE_SIZE = 16;

  private static final int PIPE_BUFFER = 1 << 20;

  private DatasetWriter() {}

  /** Who can unseal: the policy package the key servers accept, the servers (an entry per share), t. */
  public record Sealing(SuiAddress policyPackage, List<KeyServerPublicKey> servers, int threshold) {
    public Sealing {
      Objects.requireNonNull(policyPackage, "policyPackage");
      servers = List.copyOf(servers);
      if (threshold < 1 || threshold > servers.size()) {
        throw new IllegalArgumentException("threshold must be in 1.." + servers.size() + ", got " + threshold);
      }
    }
  }

  /** What was stored: the blob, the identity's inner id (listing id ‖ nonce) and the envelope's size. */
  public record Written(StoreResult stored, byte[] innerId, long envelopeLength) {
    public Written {
      innerId = innerId.clone();
    }

    @Override
    public byte[] innerId() {
      return innerId.clone();
    }
  }

  /** The size of the envelope of {@code length} plaintext bytes, to check a budget before storing. */
  public static long envelopeLength(long length, String contentType, int sealedKeyLength, int chunkSize) {
    return new EnvelopeHeader(chunkSize, length, new byte[EnvelopeHeader.SALT_SIZE], contentType,
        new byte[sealedKeyLength]).envelopeLength();
  }

  /**
   * Encrypts exactly {@code length} bytes of {@code plaintext} and stores the envelope for {@code
   * epochs} epochs through {@code store} (which pays with its own wallet).
   */
  public static Written write(InputStream plaintext, long length, String contentType, SuiAddress listingId,
      Sealing sealing, BlobStore store, int epochs, ProgressListener progress, SecureRandom rng) throws IOException {
    Objects.requireNonNull(plaintext, "plaintext");
    String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    byte[] nonce = new byte[NONCE_SIZE];
    rng.nextBytes(nonce);
    byte[] innerId = AccessIdentity.innerId(listingId.toString(), nonce);
    byte[] dataKey = DataKeySealer.newDataKey(rng);
    try {
      EncryptedObject sealed = DataKeySealer.seal(dataKey, sealing.policyPackage().bytes(), innerId,
          sealing.servers(), sealing.threshold(), rng);
      int chunkSize = EnvelopeHeader.DEFAULT_CHUNK_SIZE;
      long envelopeLength = envelopeLength(length, type, sealed.toBytes().length, chunkSize);
      InputStream counted = new Counting(plaintext, length, progress);
      PipedInputStream pipeIn = new PipedInputStream(PIPE_BUFFER);
      PipedOutputStream pipeOut = new PipedOutputStream(pipeIn);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread encryptor = new Thread(() -> {
        try (pipeOut) {
          EnvelopeWriter.write(counted, length, pipeOut, dataKey, sealed, type, chunkSize, rng);
        } catch (IOException | RuntimeException e) {
          failure.set(e);
        }
      }, "dataset-encrypt");
      encryptor.setDaemon(true);
      encryptor.start();
      StoreResult stored;
      try (pipeIn) {
        stored = store.store(pipeIn, envelopeLength, epochs, progress);
      } catch (IOException | RuntimeException e) {
        Throwable f = failure.get();
        if (f != null && f != e) {
          e.addSuppressed(f);
        }
        throw e;
      } finally {
        join(encryptor);
      }
      Throwable f = failure.get();
      if (f instanceof IOException io) {
        throw io;
      }
      if (f != null) {
        throw (RuntimeException) f;
      }
      return new Written(stored, innerId, envelopeLength);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  private static void join(Thread t) throws InterruptedIOException {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      t.interrupt();
      throw new InterruptedIOException("interrupted while encrypting");
    }
  }

  /** Reports {@code "encrypt"} progress as the envelope writer consumes the plaintext. */
  private static final class Counting extends FilterInputStream {
    private final long total;
    private final ProgressListener progress;
    private long done;
    private long reported = -1;

    Counting(InputStream in, long total, ProgressListener progress) {
      super(in);
      this.total = total;
      this.progress = progress;
      progress.onProgress("encrypt", 0, total);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        advance(n);
      }
      return n;
    }

    private void advance(long n) {
      done += n;
      if (done == total || done - reported >= (1 << 20)) {
        reported = done;
        progress.onProgress("encrypt", done, total);
      }
    }
  }
}
