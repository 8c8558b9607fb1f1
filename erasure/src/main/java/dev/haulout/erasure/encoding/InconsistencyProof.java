package dev.haulout.erasure.encoding;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import java.util.List;

/**
 * Evidence that a blob was encoded inconsistently: recovery symbols for one target sliver that all
 * verify against the metadata, yet decode to a sliver whose hash differs from the metadata's.
 * Anyone holding the metadata can re-check it with {@link #verify}.
 */
public final class InconsistencyProof {
  private final Axis targetAxis;
  private final int targetIndex;
  private final List<RecoverySymbol> symbols;

  InconsistencyProof(Axis targetAxis, int targetIndex, List<RecoverySymbol> symbols) {
    this.targetAxis = targetAxis;
    this.targetIndex = targetIndex;
    this.symbols = List.copyOf(symbols);
  }

  public Axis targetAxis() {
    return targetAxis;
  }

  public int targetIndex() {
    return targetIndex;
  }

  public List<RecoverySymbol> symbols() {
    return symbols;
  }

  /** Whether the proof holds: every symbol verifies and the decoded sliver mismatches its hash. */
  public boolean verify(VerifiedBlobMetadata metadata) {
    try {
      SliverRecovery.create(metadata).recover(targetAxis, targetIndex, symbols);
      return false;
    } catch (InconsistentBlobException e) {
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
