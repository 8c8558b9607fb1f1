package dev.haulout.erasure.encoding;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.ErasureException.InvalidSliverException;
import dev.haulout.erasure.ErasureException.NotEnoughSliversException;
import dev.haulout.erasure.SliverData;
import dev.haulout.wire.Blake2b256;
import dev.haulout.erasure.internal.Parallel;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.erasure.rs.DecodePlan;
import dev.haulout.erasure.rs.ReedSolomon;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Collection;

/**
 * Rebuilds a blob from any {@code k1 = n - 2f} primary or {@code k2 = n - f} secondary slivers
 * (SPEC §7), each verified against the metadata first. With primary slivers {@code 0..k1-1} the
 * blob is their concatenation (no Reed-Solomon work). After an RS decode the default consistency
 * check recomputes the hashes of the rebuilt systematic slivers; a mismatch means the writer
 * encoded inconsistently and raises {@link InconsistentBlobException}. Thread-safe.
 */
public final class BlobDecoder {
  private final VerifiedBlobMetadata meta;
  private final EncodingConfig config;
  private final EncoderOptions options;
  private final int s;

  private BlobDecoder(VerifiedBlobMetadata meta, EncoderOptions options) {
    this.meta = meta;
    this.config = meta.config();
    this.options = options;
    this.s = meta.symbolSize();
  }

  public static BlobDecoder create(VerifiedBlobMetadata metadata) {
    return create(metadata, EncoderOptions.defaults());
  }

  public static BlobDecoder create(VerifiedBlobMetadata metadata, EncoderOptions options) {
    if (metadata == null || options == null) {
      throw new IllegalArgumentException("metadata and options must not be null");
    }
    return new BlobDecoder(metadata, options);
  }

  /**
   * Checks a sliver's shape and recomputes its hash.
   *
   * @throws InvalidSliverException naming the sliver and the mismatch
   */
  public void verifySliver(SliverData sliver) {
    verifySliver(sliver, new Blake2b256());
  }

  private void verifySliver(SliverData sliver, Blake2b256 h) {
    meta.checkShape(sliver);
    byte[] actual = SliverExpansion.of(config, sliver, options.codingLoop(), h).root(h);
    if (!MessageDigest.isEqual(actual, meta.sliverHash(sliver.axis(), sliver.index()))) {
      throw new InvalidSliverException(sliver.axis(), sliver.index(), "hash does not match the metadata");
    }
  }

  /** Decodes to a byte array; see {@link #decode(Collection, OutputStream)}. */
  public byte[] decode(Collection<SliverData> slivers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(meta.unencodedLength(), Integer.MAX_VALUE - 8));
    try {
      decode(slivers, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Verifies the slivers (invalid ones are skipped) and decodes from the primary axis when it
   * has k1 valid distinct slivers, else from the secondary axis when it has k2; writes exactly
   * {@code unencodedLength} bytes to {@code out}.
   *
   * @throws NotEnoughSliversException if neither axis has enough valid slivers
   * @throws InconsistentBlobException if the consistency check fails
   */
  public void decode(Collection<SliverData> slivers, OutputStream out) throws IOException {
    SliverData[] primary = new SliverData[config.nShards()];
    SliverData[] secondary = new SliverData[config.nShards()];
    for (SliverData sl : slivers) {
      SliverData[] into = sl.axis() == Axis.PRIMARY ? primary : secondary;
      if (sl.index() < config.nShards() && into[sl.index()] == null) {
        into[sl.index()] = sl;
      }
    }
    int k1 = config.primarySourceSymbols();
    int k2 = config.secondarySourceSymbols();
    int primaryCandidates = count(primary);
    int secondaryCandidates = count(secondary);
    if (primaryCandidates >= k1) {
      verifyAll(primary, k1);
      if (count(primary) >= k1) {
        decodeRows(primary, out);
        return;
      }
    }
    if (secondaryCandidates >= k2) {
      verifyAll(secondary, k2);
      if (count(secondary) >= k2) {
        decodeColumns(secondary, out);
        return;
      }
    }
    if (primaryCandidates < k1 && secondaryCandidates < k2) {
      throw new NotEnoughSliversException(
          "primary or " + k2 + " secondary slivers", k1, Math.max(primaryCandidates, secondaryCandidates));
    }
    throw new NotEnoughSliversException("valid primary (or " + k2 + " valid secondary) slivers", k1, count(primary));
  }

  /** Verifies slivers in index order (systematic first) until {@code need} are valid; drops the rest. */
  private void verifyAll(SliverData[] chosen, int need) {
    int n = chosen.length;
    int[] order = new int[count(chosen)];
    int q = 0;
    for (int i = 0; i < n; i++) {
      if (chosen[i] != null) {
        order[q++] = i;
      }
    }
    boolean[] ok = new boolean[n];
    int good = 0;
    int next = 0;
    while (good < need && next < order.length) {
      int take = Math.min(need - good, order.length - next);
      int[] batch = java.util.Arrays.copyOfRange(order, next, next + take);
      next += take;
      Parallel.forEach(
          options.parallelism(),
          batch.length,
          () -> {
            Blake2b256 h = new Blake2b256();
            return item -> {
              int idx = batch[item];
              try {
                verifySliver(chosen[idx], h);
                ok[idx] = true;
              } catch (InvalidSliverException e) {
                ok[idx] = false;
              }
            };
          });
      for (int idx : batch) {
        good += ok[idx] ? 1 : 0;
      }
    }
    for (int i = 0; i < n; i++) {
      if (!ok[i]) {
        chosen[i] = null;
      }
    }
  }

  private static int count(SliverData[] a) {
    int c = 0;
    for (SliverData x : a) {
      c += x == null ? 0 : 1;
    }
    return c;
  }

  /** From primary slivers (rows): column code RS(k1, 2f) per batch of columns. */
  private void decodeRows(SliverData[] rows, OutputStream out) throws IOException {
    int k1 = config.primarySourceSymbols();
    byte[][] data = sourceSlivers(Axis.PRIMARY, rows, k1, config.secondarySourceSymbols(), config.primaryCode());
    long left = meta.unencodedLength();
    for (int i = 0; i < k1 && left > 0; i++) {
      int len = (int) Math.min(left, data[i].length);
      out.write(data[i], 0, len);
      left -= len;
    }
  }

  /** From secondary slivers (columns): row code RS(k2, f) per batch of rows. */
  private void decodeColumns(SliverData[] cols, OutputStream out) throws IOException {
    int k1 = config.primarySourceSymbols();
    int k2 = config.secondarySourceSymbols();
    byte[][] data = sourceSlivers(Axis.SECONDARY, cols, k2, k1, config.secondaryCode());
    long left = meta.unencodedLength();
    byte[] row = new byte[k2 * s];
    for (int i = 0; i < k1 && left > 0; i++) {
      for (int j = 0; j < k2; j++) {
        System.arraycopy(data[j], i * s, row, j * s, s);
      }
      int len = (int) Math.min(left, row.length);
      out.write(row, 0, len);
      left -= len;
    }
  }

  /**
   * The {@code k} source slivers of {@code axis} (each {@code symbols} symbols long): those given are
   * used as they are, missing ones are rebuilt with {@code rs} from the first {@code k} given, in
   * batches of symbol positions, and then checked against the metadata.
   */
  private byte[][] sourceSlivers(Axis axis, SliverData[] given, int k, int symbols, ReedSolomon rs) {
    boolean[] present = new boolean[config.nShards()];
    int have = 0;
    for (int i = 0; i < given.length && have < k; i++) {
      if (given[i] != null) {
        present[i] = true;
        have++;
      }
    }
    byte[][] data = new byte[k][];
    for (int i = 0; i < k; i++) {
      data[i] = present[i] ? given[i].dataView() : null;
    }
    DecodePlan plan = rs.planDecode(present);
    int[] missing = plan.missingOriginals();
    if (missing.length == 0) {
      return data;
    }
    for (int i : missing) {
      data[i] = new byte[symbols * s];
    }
    int batch = Math.max(1, Math.min(symbols, Expansion.TARGET_SHARD_BYTES / s));
    int batches = (symbols + batch - 1) / batch;
    Parallel.forEach(
        options.parallelism(),
        batches,
        () -> {
          byte[] work = new byte[plan.workShards() * batch * s];
          return item -> {
            int p0 = item * batch;
            int shardLen = Math.min(batch, symbols - p0) * s;
            for (int i = 0; i < present.length; i++) {
              if (present[i]) {
                System.arraycopy(given[i].dataView(), p0 * s, work, plan.position(i) * shardLen, shardLen);
              }
            }
            plan.decodeInPlace(options.codingLoop(), work, shardLen, s);
            for (int i : missing) {
              System.arraycopy(work, plan.position(i) * shardLen, data[i], p0 * s, shardLen);
            }
          };
        });
    checkConsistency(axis, missing, data);
    return data;
  }

  /** Default consistency check: rebuilt systematic slivers must hash to the metadata. */
  private void checkConsistency(Axis axis, int[] rebuilt, byte[][] data) {
    boolean[] bad = new boolean[1];
    int[] badIndex = {-1};
    Parallel.forEach(
        options.parallelism(),
        rebuilt.length,
        () -> {
          Blake2b256 h = new Blake2b256();
          return item -> {
            int idx = rebuilt[item];
            SliverData sl = SliverData.wrap(axis, idx, s, data[idx]);
            byte[] actual = SliverExpansion.of(config, sl, options.codingLoop(), h).root(h);
            if (!MessageDigest.isEqual(actual, meta.sliverHash(axis, idx))) {
              synchronized (bad) {
                bad[0] = true;
                badIndex[0] = idx;
              }
            }
          };
        });
    if (bad[0]) {
      throw new InconsistentBlobException(meta.blobId(), axis, badIndex[0]);
    }
  }
}
