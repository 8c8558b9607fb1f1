package dev.haulout.dataset;

import dev.haulout.seal.client.SealKeyClient;
import dev.haulout.seal.envelope.DataKeyResolver;
import dev.haulout.seal.envelope.EnvelopeHeader;
import dev.haulout.seal.envelope.EnvelopeReader;
import dev.haulout.seal.policy.LedgerAccessPolicy;
import dev.haulout.seal.session.SessionKey;
import dev.haulout.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads plaintext ranges of one revision (an envelope stored as a blob, or as parts under a {@link
 * DatasetManifest}, followed transparently: ranges cross part boundaries): the header is fetched
 * once with a small ranged read, the data key is resolved once through a {@link DataKeyResolver}
 * (typically {@link #keysOf(SealKeyClient, SessionKey)}: key shares from t key servers that ask the
 * ledger) and kept until {@link #close}, and each {@link #range} decrypts only the chunks that
 * overlap it, each authenticated before any of its bytes are released. Memory per open range: the
 * channel's read-ahead plus two chunk buffers, whatever the blob size.
 *
 * <p>Every failure is a {@link DatasetReadException} with a stable code: {@code NO_ACCESS} and
 * {@code RENTAL_EXPIRED} (the key servers' refusal), {@code CONTENT_CORRUPT} (a chunk or the header
 * failed authentication, or the blob is short), {@code BLOB_NOT_FOUND}, {@code UNAVAILABLE},
 * {@code RANGE_NOT_SATISFIABLE}. A stream that fails midway throws it from {@code read}; bytes it
 * already returned were authenticated.
 */
public final class DatasetReader implements AutoCloseable {
  /** Read-ahead of the header fetch: a header is 46 B plus its content type and sealed key. */
  static final int HEADER_PROBE = 8 << 10;

  private final BlobStore store;
  private final String blobId;
  private final long blobLength;
  private final DatasetManifest manifest;
  private final int readAhead;
  private final EnvelopeHeader header;
  private final byte[] headerBytes;
  private final DataKeyResolver keys;
  private byte[] dataKey;

  private DatasetReader(BlobStore store, String blobId, long blobLength, DatasetManifest manifest, int readAhead,
      EnvelopeHeader header, DataKeyResolver keys) {
    this.store = store;
    this.blobId = blobId;
    this.blobLength = blobLength;
    this.manifest = manifest;
    this.readAhead = readAhead;
    this.header = header;
    this.headerBytes = header.toBytes();
    this.keys = keys;
  }

  /** The resolver the gateway and the CLI use: {@code listing::seal_approve} through these key servers. */
  public static DataKeyResolver keysOf(SealKeyClient client, SessionKey session) {
    return client.dataKeyResolver(session, LedgerAccessPolicy.DEFAULT_MODULE);
  }

  /** Opens {@code blobId} with the default read-ahead ({@link BlobChannel#DEFAULT_READ_AHEAD}). */
  public static DatasetReader open(BlobStore store, String blobId, DataKeyResolver keys) throws DatasetReadException {
    return open(store, blobId, keys, BlobChannel.DEFAULT_READ_AHEAD);
  }

  /**
   * Reads the header of {@code blobId}; the data key is resolved on the first {@link #range}. A
   * blob that is a {@link DatasetManifest} is followed: every part must be stored with its length
   * ({@code BLOB_NOT_FOUND} / {@code CONTENT_CORRUPT} naming the part otherwise) and the parts must
   * add up to the envelope the header declares.
   */
  public static DatasetReader open(BlobStore store, String blobId, DataKeyResolver keys, int readAhead)
      throws DatasetReadException {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(keys, "keys");
    try {
      long length = store.length(blobId);
      byte[] head = DatasetManifest.head(store, blobId, length, HEADER_PROBE);
      DatasetManifest manifest = DatasetManifest.read(store, blobId, length, head).orElse(null);
      EnvelopeHeader header;
      long envelopeLength;
      if (manifest == null) {
        envelopeLength = length;
        try (BlobChannel probe = BlobChannel.open(store, blobId, length, HEADER_PROBE)) {
          probe.prime(head);
          header = EnvelopeReader.readHeader(probe);
        }
      } else {
        manifest.checkStored(store, blobId);
        envelopeLength = manifest.envelopeLength();
        try (PartsChannel probe = new PartsChannel(store, manifest, HEADER_PROBE)) {
          header = EnvelopeReader.readHeader(probe);
        }
      }
      if (header.envelopeLength() != envelopeLength) {
        throw new DatasetReadException(DatasetReadException.Code.CONTENT_CORRUPT,
            (manifest == null ? "blob " + blobId + " is " : "the parts of manifest " + blobId + " hold ")
                + envelopeLength + " bytes, its envelope header declares " + header.envelopeLength(), null);
      }
      return new DatasetReader(store, blobId, envelopeLength, manifest, Math.max(readAhead, header.encodedLength()),
          header, keys);
    } catch (IOException | RuntimeException e) {
      throw DatasetReadException.of(e);
    }
  }

  /** The blob the listing names: the envelope, or the manifest of its parts. */
  public String blobId() {
    return blobId;
  }

  /** The manifest {@link #blobId} is, or empty for an envelope stored as one blob. */
  public Optional<DatasetManifest> manifest() {
    return Optional.ofNullable(manifest);
  }

  /** Every blob the dataset lives in: {@link #blobId}, then each part in order if it has a manifest. */
  public List<String> blobIds() {
    List<String> ids = new ArrayList<>();
    ids.add(blobId);
    if (manifest != null) {
      ids.addAll(manifest.blobIds());
    }
    return ids;
  }

  /** Envelope length: the blob's, or the sum of the parts'. */
  public long envelopeLength() {
    return blobLength;
  }

  public EnvelopeHeader header() {
    return header;
  }

  /** Plaintext length. */
  public long length() {
    return header.totalLength();
  }

  public String contentType() {
    return header.contentType();
  }

  /** The sealed key's full identity id (policy package is separate): listing id ‖ nonce. */
  public byte[] innerId() {
    return header.sealedKeyObject().id();
  }

  /**
   * Resolves the data key now (asking the key servers at most once per reader), so a caller can
   * answer a refusal before sending anything.
   */
  public synchronized void authorize() throws DatasetReadException {
    if (dataKey == null) {
      try {
        dataKey = keys.dataKey(header);
      } catch (RuntimeException e) {
        throw DatasetReadException.of(e);
      }
    }
  }

  /** Plaintext {@code [start, end)} as a stream of authenticated bytes; close it when done. */
  public InputStream range(long start, long end) throws DatasetReadException {
    if (start < 0 || end < start || end > length()) {
      throw new DatasetReadException(DatasetReadException.Code.RANGE_NOT_SATISFIABLE,
          "range [" + start + ", " + end + ") outside the dataset's " + length() + " bytes", null);
    }
    authorize();
    byte[] key;
    synchronized (this) {
      key = dataKey.clone();
    }
    SeekableByteChannel channel;
    if (manifest == null) {
      BlobChannel c = BlobChannel.open(store, blobId, blobLength, readAhead);
      c.prime(headerBytes);
      channel = c;
    } else {
      PartsChannel c = new PartsChannel(store, manifest, readAhead);
      c.prime(headerBytes);
      channel = c;
    }
    try {
      return new Checked(EnvelopeReader.openRange(channel, start, end - start, DataKeyResolver.of(key)), channel);
    } catch (IOException | RuntimeException e) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw DatasetReadException.of(e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The whole plaintext. */
  public InputStream all() throws DatasetReadException {
    return range(0, length());
  }

  /** Wipes the data key. */
  @Override
  public synchronized void close() {
    if (dataKey != null) {
      Arrays.fill(dataKey, (byte) 0);
      dataKey = null;
    }
  }

  /** Translates every failure of the underlying range stream into a coded {@link DatasetReadException}. */
  private static final class Checked extends InputStream {
    private final InputStream in;
    private final SeekableByteChannel channel;

    Checked(InputStream in, SeekableByteChannel channel) {
      this.in = in;
      this.channel = channel;
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException | RuntimeException e) {
        throw DatasetReadException.of(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException | RuntimeException e) {
        throw DatasetReadException.of(e);
      }
    }

    @Override
    public void close() throws IOException {
      try (channel) {
        in.close();
      }
    }
  }
}
