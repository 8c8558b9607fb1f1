package dev.haulout.erasure.encoding;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.ErasureException.InvalidRecoverySymbolException;
import dev.haulout.erasure.ErasureException.NotEnoughSliversException;
import dev.haulout.erasure.SliverData;
import dev.haulout.wire.Blake2b256;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.erasure.rs.ReedSolomon;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Rebuilding one lost sliver from symbols of the orthogonal slivers (SPEC §7). A primary sliver
 * {@code i} needs {@code k2 = n - f} symbols {@code E[i][j]} from secondary slivers {@code j}; a
 * secondary sliver {@code j} needs {@code k1 = n - 2f} symbols {@code E[i][j]} from primary
 * slivers {@code i}. Each symbol is checked against the metadata first; if the rebuilt sliver does
 * not hash to the metadata the blob is inconsistent and the symbols form an {@link
 * InconsistencyProof}.
 */
public final class SliverRecovery {
  private final VerifiedBlobMetadata meta;
  private final EncodingConfig config;
  private final EncoderOptions options;

  private SliverRecovery(VerifiedBlobMetadata meta, EncoderOptions options) {
    this.meta = meta;
    this.config = meta.config();
    this.options = options;
  }

  public static SliverRecovery create(VerifiedBlobMetadata metadata) {
    return create(metadata, EncoderOptions.defaults());
  }

  public static SliverRecovery create(VerifiedBlobMetadata metadata, EncoderOptions options) {
    if (metadata == null || options == null) {
      throw new IllegalArgumentException("metadata and options must not be null");
    }
    return new SliverRecovery(metadata, options);
  }

  /**
   * What the holder of {@code source} sends to help rebuild sliver {@code targetIndex} of the
   * orthogonal axis: symbol {@code targetIndex} of the source's expansion and its Merkle proof.
   */
  public static RecoverySymbol recoverySymbol(EncodingConfig config, SliverData source, int targetIndex) {
    if (targetIndex < 0 || targetIndex >= config.nShards()) {
      throw new IllegalArgumentException("target index " + targetIndex + " out of range [0, " + config.nShards() + ")");
    }
    if (source.length() != config.sliverLength(source.axis(), source.symbolSize())) {
      throw new IllegalArgumentException("source sliver length " + source.length() + " does not fit " + config);
    }
    Blake2b256 h = new Blake2b256();
    SliverExpansion x = SliverExpansion.of(config, source, dev.haulout.erasure.rs.CodingLoop.defaultLoop(), h);
    return RecoverySymbol.of(source.axis().orthogonal(), source.index(), x.symbol(targetIndex), targetIndex, x.proof(h, targetIndex));
  }

  /** Recovery symbols for several targets from one source sliver (shares the expansion). */
  public static List<RecoverySymbol> recoverySymbols(EncodingConfig config, SliverData source, int... targetIndices) {
    Blake2b256 h = new Blake2b256();
    SliverExpansion x = SliverExpansion.of(config, source, dev.haulout.erasure.rs.CodingLoop.defaultLoop(), h);
    List<RecoverySymbol> out = new ArrayList<>(targetIndices.length);
    for (int t : targetIndices) {
      if (t < 0 || t >= config.nShards()) {
        throw new IllegalArgumentException("target index " + t + " out of range [0, " + config.nShards() + ")");
      }
      out.add(RecoverySymbol.of(source.axis().orthogonal(), source.index(), x.symbol(t), t, x.proof(h, t)));
    }
    return out;
  }

  /**
   * Checks one symbol: right target, symbol size, index range and Merkle proof against the
   * source sliver's hash.
   *
   * @throws InvalidRecoverySymbolException naming the source and the failed check
   */
  public void verify(RecoverySymbol symbol, Axis targetAxis, int targetIndex) {
    int src = symbol.sourceIndex();
    if (symbol.targetAxis() != targetAxis || symbol.targetIndex() != targetIndex) {
      throw new InvalidRecoverySymbolException(src, "is for " + symbol.targetAxis().pathName() + " sliver "
          + symbol.targetIndex() + ", not " + targetAxis.pathName() + " sliver " + targetIndex);
    }
    if (src >= config.nShards()) {
      throw new InvalidRecoverySymbolException(src, "source index out of range [0, " + config.nShards() + ")");
    }
    if (symbol.dataView().length != meta.symbolSize()) {
      throw new InvalidRecoverySymbolException(src, "symbol of " + symbol.dataView().length + " bytes, expected " + meta.symbolSize());
    }
    byte[] root = meta.sliverHash(targetAxis.orthogonal(), src);
    if (!symbol.proof().verifies(root, symbol.dataView(), targetIndex)) {
      throw new InvalidRecoverySymbolException(src, "Merkle proof does not verify");
    }
  }

  /**
   * Rebuilds sliver {@code targetIndex} of {@code targetAxis}. Invalid symbols and duplicates are
   * skipped.
   *
   * @throws NotEnoughSliversException if fewer than the needed valid symbols remain
   * @throws InconsistentBlobException (with {@link InconsistentBlobException#proof()}) if the
   *     rebuilt sliver does not match its hash
   */
  public SliverData recover(Axis targetAxis, int targetIndex, Collection<RecoverySymbol> symbols) {
    if (targetIndex < 0 || targetIndex >= config.nShards()) {
      throw new IllegalArgumentException("target index " + targetIndex + " out of range [0, " + config.nShards() + ")");
    }
    ReedSolomon rs = targetAxis == Axis.PRIMARY ? config.secondaryCode() : config.primaryCode();
    int k = rs.originalCount();
    byte[][] codeword = new byte[config.nShards()][];
    List<RecoverySymbol> used = new ArrayList<>(k);
    for (RecoverySymbol sym : symbols) {
      if (used.size() == k) {
        break;
      }
      if (sym.sourceIndex() < config.nShards() && codeword[sym.sourceIndex()] != null) {
        continue;
      }
      try {
        verify(sym, targetAxis, targetIndex);
      } catch (InvalidRecoverySymbolException e) {
        continue;
      }
      codeword[sym.sourceIndex()] = sym.dataView();
      used.add(sym);
    }
    if (used.size() < k) {
      throw new NotEnoughSliversException("valid recovery symbols for " + targetAxis.pathName() + " sliver " + targetIndex, k, used.size());
    }
    byte[][] originals = rs.decode(options.codingLoop(), codeword);
    int s = meta.symbolSize();
    byte[] data = new byte[k * s];
    for (int i = 0; i < k; i++) {
      System.arraycopy(originals[i], 0, data, i * s, s);
    }
    SliverData sliver = SliverData.wrap(targetAxis, targetIndex, s, data);
    Blake2b256 h = new Blake2b256();
    byte[] actual = SliverExpansion.of(config, sliver, options.codingLoop(), h).root(h);
    if (!MessageDigest.isEqual(actual, meta.sliverHash(targetAxis, targetIndex))) {
      throw new InconsistentBlobException(meta.blobId(), targetAxis, targetIndex,
          new InconsistencyProof(targetAxis, targetIndex, used));
    }
    return sliver;
  }
}
