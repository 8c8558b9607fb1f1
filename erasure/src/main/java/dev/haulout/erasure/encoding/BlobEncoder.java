package dev.haulout.erasure.encoding;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import java.io.IOException;
import java.io.InputStream;

/**
 * Walrus RS2 encoder: metadata (sliver hashes, root, blob ID) and slivers of a blob, byte-identical
 * to walrus-core. Thread-safe; each call allocates its own working memory.
 *
 * <pre>{@code
 * BlobEncoder enc = BlobEncoder.create(EncodingConfig.forShards(1000));
 * VerifiedBlobMetadata meta = enc.computeMetadata(bytes);   // blob ID only
 * EncodedBlob all = enc.encode(bytes);                        // + 2n slivers
 * }</pre>
 */
public final class BlobEncoder {
  private final EncodingConfig config;
  private final EncoderOptions options;

  private BlobEncoder(EncodingConfig config, EncoderOptions options) {
    this.config = config;
    this.options = options;
  }

  public static BlobEncoder create(EncodingConfig config) {
    return create(config, EncoderOptions.defaults());
  }

  public static BlobEncoder create(EncodingConfig config, EncoderOptions options) {
    if (config == null || options == null) {
      throw new IllegalArgumentException("config and options must not be null");
    }
    return new BlobEncoder(config, options);
  }

  public EncodingConfig config() {
    return config;
  }

  /** Metadata and blob ID without keeping slivers (Walrus {@code compute_metadata}). */
  public VerifiedBlobMetadata computeMetadata(byte[] blob) {
    Expansion x = Expansion.forMetadata(config, blob.length, options);
    try {
      x.fill(blob);
      return metadataOnly(x);
    } finally {
      x.recycle(); // nothing of x escapes: its arrays go back for the next blob ID
    }
  }

  /** As {@link #computeMetadata(byte[])}, reading exactly {@code length} bytes from {@code in}. */
  public VerifiedBlobMetadata computeMetadata(InputStream in, long length) throws IOException {
    Expansion x = Expansion.forMetadata(config, length, options);
    try {
      x.fill(in);
      return metadataOnly(x);
    } finally {
      x.recycle();
    }
  }

  private VerifiedBlobMetadata metadataOnly(Expansion x) {
    x.expandRows();
    x.expandColumns(null, null);
    x.primaryRoots();
    return VerifiedBlobMetadata.fromEncoder(x.metadata(), config);
  }

  /** All 2n slivers and the metadata. */
  public EncodedBlob encode(byte[] blob) {
    Expansion x = new Expansion(config, blob.length, options);
    x.fill(blob);
    SliverData[] primary = new SliverData[x.n];
    SliverData[] secondary = new SliverData[x.n];
    VerifiedBlobMetadata meta = encode(x, s -> (s.axis() == Axis.PRIMARY ? primary : secondary)[s.index()] = s);
    return new EncodedBlob(meta, primary, secondary);
  }

  /**
   * Streams the encoding of exactly {@code length} bytes from {@code in}: every sliver goes to
   * {@code sink} (secondary slivers as their columns are done, primary slivers afterwards) and the
   * metadata are returned. To stay under 3x the blob in memory it never holds the secondary
   * slivers and collects the 2f primary parity slivers in two halves, running the column code a
   * second time (about 30 % more CPU than {@link #encode(byte[])}); peak is about 2.6x the blob at
   * n = 1000 (blob, row parities, half of the primary parity slivers, 32 n^2 bytes of leaf hashes).
   */
  public VerifiedBlobMetadata encode(InputStream in, long length, SliverSink sink) throws IOException {
    Expansion x = new Expansion(config, length, options);
    x.fill(in);
    x.expandRows();
    int half = (2 * x.f + 1) / 2;
    byte[][] parity = new byte[half][x.k2 * x.s];
    x.expandColumns(sink, parity, 0, true);
    x.primaryRoots();
    VerifiedBlobMetadata meta = VerifiedBlobMetadata.fromEncoder(x.metadata(), config);
    for (int j = 0; j < half; j++) {
      sink.accept(SliverData.wrap(Axis.PRIMARY, x.k1 + j, x.s, parity[j]));
      parity[j] = null;
    }
    parity = new byte[2 * x.f - half][x.k2 * x.s];
    x.expandColumns(null, parity, half, false);
    for (int j = 0; j < parity.length; j++) {
      sink.accept(SliverData.wrap(Axis.PRIMARY, x.k1 + half + j, x.s, parity[j]));
      parity[j] = null;
    }
    for (int i = 0; i < x.k1; i++) {
      sink.accept(SliverData.wrap(Axis.PRIMARY, i, x.s, x.rowData[i]));
    }
    return meta;
  }

  private VerifiedBlobMetadata encode(Expansion x, SliverSink sink) {
    x.expandRows();
    byte[][] primaryParity = new byte[2 * x.f][x.k2 * x.s];
    x.expandColumns(sink, primaryParity);
    x.primaryRoots();
    VerifiedBlobMetadata meta = VerifiedBlobMetadata.fromEncoder(x.metadata(), config);
    for (int i = 0; i < x.k1; i++) {
      sink.accept(SliverData.wrap(Axis.PRIMARY, i, x.s, x.rowData[i]));
    }
    for (int j = 0; j < 2 * x.f; j++) {
      sink.accept(SliverData.wrap(Axis.PRIMARY, x.k1 + j, x.s, primaryParity[j]));
      primaryParity[j] = null;
    }
    return meta;
  }
}
