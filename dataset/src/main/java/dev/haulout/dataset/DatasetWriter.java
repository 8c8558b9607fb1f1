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
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
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

  /** Smallest part size {@link #maxPartBytes} accepts from configuration. */
  public static final long MIN_PART_BYTES = 4096;

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

  /**
   * What was stored: the blob the listing names ({@code stored}: the envelope, or the manifest of
   * its parts), the identity's inner id (listing id ‖ nonce), the envelope's size, and the blobs
   * holding the envelope in order ({@code parts}: just {@code stored} when it fits one blob).
   */
  public record Written(StoreResult stored, byte[] innerId, long envelopeLength, List<StoreResult> parts) {
    public Written {
      innerId = innerId.clone();
      parts = List.copyOf(parts);
    }

    /** An envelope stored as one blob. */
    public Written(StoreResult stored, byte[] innerId, long envelopeLength) {
      this(stored, innerId, envelopeLength, List.of(stored));
    }

    @Override
    public byte[] innerId() {
      return innerId.clone();
    }

    /** Whether the envelope was cut into parts under a manifest ({@code stored} is the manifest). */
    public boolean hasManifest() {
      return parts.size() > 1;
    }
  }

  /**
   * The largest part {@code store} is given: its largest blob ({@link BlobStore#maxBlobLength},
   * from the committee's shard count), or {@code configured} when that is smaller (tests cut tiny
   * parts); unbounded when neither is known (the store refuses what it cannot take).
   *
   * @throws IllegalArgumentException for a configured size below {@link #MIN_PART_BYTES}
   */
  public static long maxPartBytes(BlobStore store, OptionalLong configured) {
    long limit = store.maxBlobLength().orElse(Long.MAX_VALUE);
    if (configured.isPresent()) {
      if (configured.getAsLong() < MIN_PART_BYTES) {
        throw new IllegalArgumentException("a part must be allowed at least " + MIN_PART_BYTES + " bytes, got "
            + configured.getAsLong());
      }
      limit = Math.min(limit, configured.getAsLong());
    }
    return limit;
  }

  /** The size of the envelope of {@code length} plaintext bytes, to check a budget before storing. */
  public static long envelopeLength(long length, String contentType, int sealedKeyLength, int chunkSize) {
    return new EnvelopeHeader(chunkSize, length, new byte[EnvelopeHeader.SALT_SIZE], contentType,
        new byte[sealedKeyLength]).envelopeLength();
  }

  /**
   * Encrypts exactly {@code length} bytes of {@code plaintext} and stores the envelope for {@code
   * epochs} epochs through {@code store} (which pays with its own wallet), in parts of at most
   * {@link #maxPartBytes maxPartBytes(store, none)}.
   */
  public static Written write(InputStream plaintext, long length, String contentType, SuiAddress listingId,
      Sealing sealing, BlobStore store, int epochs, ProgressListener progress, SecureRandom rng) throws IOException {
    return write(plaintext, length, contentType, listingId, sealing, store, epochs,
        maxPartBytes(store, OptionalLong.empty()), progress, rng);
  }

  /**
   * As {@link #write(InputStream, long, String, SuiAddress, Sealing, BlobStore, int, ProgressListener,
   * SecureRandom)}, with parts of at most {@code maxPartBytes}: an envelope that fits is one blob as
   * ever; a larger one is cut into consecutive parts, each streamed into its own certified blob, then
   * a {@link DatasetManifest} naming them is stored and becomes {@link Written#stored}. Progress of
   * a multi-part store: every phase of a part before the last is reported as {@code "encode"} and
   * every phase's bytes are scaled to the whole envelope, so {@code encode} completes, and
   * {@code confirm}/{@code certify} begin, only with the last part.
   *
   * @throws IllegalArgumentException when the envelope would need more than {@link DatasetManifest#MAX_PARTS} parts
   */
  public static Written write(InputStream plaintext, long length, String contentType, SuiAddress listingId,
      Sealing sealing, BlobStore store, int epochs, long maxPartBytes, ProgressListener progress, SecureRandom rng)
      throws IOException {
    Objects.requireNonNull(plaintext, "plaintext");
    if (maxPartBytes < 1) {
      throw new IllegalArgumentException("maxPartBytes must be positive, got " + maxPartBytes);
    }
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
      long partCount = 1 + (envelopeLength - 1) / maxPartBytes; // an envelope is never empty (its header)
      if (partCount > DatasetManifest.MAX_PARTS) {
        throw new IllegalArgumentException("an envelope of " + envelopeLength + " bytes in parts of at most "
            + maxPartBytes + " bytes needs " + partCount + " parts; a manifest names at most " + DatasetManifest.MAX_PARTS);
      }
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
      List<StoreResult> parts = new ArrayList<>();
      List<Long> lengths = new ArrayList<>();
      try (pipeIn) {
        long offset = 0;
        for (int i = 0; i < partCount; i++) {
          long partLength = Math.min(maxPartBytes, envelopeLength - offset);
          ProgressListener p = partCount == 1 ? progress
              : new PartProgress(progress, offset, partLength, envelopeLength, i == partCount - 1);
          Slice slice = new Slice(pipeIn, partLength);
          parts.add(store.store(slice, partLength, epochs, p));
          if (slice.remaining > 0) {
            throw new IOException("the store took " + (partLength - slice.remaining) + " of part " + i + "'s "
                + partLength + " bytes");
          }
          lengths.add(partLength);
          offset += partLength;
        }
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
      if (parts.size() == 1) {
        return new Written(parts.get(0), innerId, envelopeLength);
      }
      byte[] manifest = DatasetManifest.of(parts.stream().map(StoreResult::blobId).toList(), lengths).toBytes();
      StoreResult named = store.store(new ByteArrayInputStream(manifest), manifest.length, epochs, ProgressListener.NONE);
      return new Written(named, innerId, envelopeLength, parts);
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

  /** Exactly {@code length} bytes of the envelope pipe, for one part's store; closing it leaves the pipe open. */
  private static final class Slice extends InputStream {
    private final InputStream in;
    private long remaining;

    Slice(InputStream in, long length) {
      this.in = in;
      this.remaining = length;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (remaining <= 0) {
        return -1;
      }
      int n = in.read(buf, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }

    @Override
    public void close() {}
  }

  /** One part's store phases as progress over the whole envelope (see {@link #write}). */
  private record PartProgress(ProgressListener inner, long offset, long length, long total, boolean last)
      implements ProgressListener {
    @Override
    public void onProgress(String phase, long done, long of) {
      double fraction = of <= 0 ? 1.0 : Math.min(1.0, (double) done / of);
      long scaled = offset + (long) (fraction * length);
      inner.onProgress(last ? phase : "encode", last && done >= of ? total : Math.min(scaled, total - 1), total);
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
