package dev.haulout.erasure.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.ErasureException.InvalidRecoverySymbolException;
import dev.haulout.erasure.ErasureException.NotEnoughSliversException;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.metadata.BlobMetadata;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SliverRecoveryTest {

  private static List<RecoverySymbol> symbolsFor(EncodedBlob e, Axis target, int targetIndex, int count, SplittableRandom rnd) {
    EncodingConfig cfg = e.metadata().config();
    List<RecoverySymbol> out = new ArrayList<>();
    for (SliverData src : BlobDecoderTest.randomSubset(e, target.orthogonal(), count, rnd)) {
      out.add(SliverRecovery.recoverySymbol(cfg, src, targetIndex));
    }
    return out;
  }

  @ParameterizedTest(name = "n={0} length={1}")
  @CsvSource({"4, 100", "7, 5000", "10, 33", "13, 70000", "100, 250000", "31, 1"})
  void recoversRandomLostSliversOfBothAxes(int n, int length) {
    SplittableRandom rnd = new SplittableRandom(n * 1000L + length);
    byte[] blob = new byte[length];
    rnd.nextBytes(blob);
    EncodingConfig cfg = EncodingConfig.forShards(n);
    EncodedBlob e = BlobEncoder.create(cfg).encode(blob);
    SliverRecovery rec = SliverRecovery.create(e.metadata());
    for (int t = 0; t < 3; t++) {
      int lost = rnd.nextInt(n);
      List<RecoverySymbol> forPrimary = symbolsFor(e, Axis.PRIMARY, lost, cfg.secondarySourceSymbols(), rnd);
      assertEquals(e.primarySliver(lost), rec.recover(Axis.PRIMARY, lost, forPrimary));
      List<RecoverySymbol> forSecondary = symbolsFor(e, Axis.SECONDARY, lost, cfg.primarySourceSymbols(), rnd);
      assertEquals(e.secondarySliver(lost), rec.recover(Axis.SECONDARY, lost, forSecondary));
      // BCS round trip of the symbol list
      assertEquals(forSecondary.size(), RecoverySymbol.listFromBcs(RecoverySymbol.listToBcs(forSecondary)).size());
      assertEquals(e.secondarySliver(lost),
          rec.recover(Axis.SECONDARY, lost, RecoverySymbol.listFromBcs(RecoverySymbol.listToBcs(forSecondary))));
    }
  }

  @Test
  void rejectsTamperedSymbolsAndNeedsEnough() {
    EncodingConfig cfg = EncodingConfig.forShards(10);
    byte[] blob = new byte[4000];
    new SplittableRandom(3).nextBytes(blob);
    EncodedBlob e = BlobEncoder.create(cfg).encode(blob);
    SliverRecovery rec = SliverRecovery.create(e.metadata());
    List<RecoverySymbol> syms = symbolsFor(e, Axis.SECONDARY, 2, cfg.primarySourceSymbols(), new SplittableRandom(4));
    RecoverySymbol good = syms.get(0);
    byte[] d = good.data();
    d[0] ^= 1;
    RecoverySymbol bad = RecoverySymbol.of(good.targetAxis(), good.sourceIndex(), d, good.targetIndex(), good.proof());
    InvalidRecoverySymbolException ex =
        assertThrows(InvalidRecoverySymbolException.class, () -> rec.verify(bad, Axis.SECONDARY, 2));
    assertEquals(good.sourceIndex(), ex.sourceIndex());
    List<RecoverySymbol> withBad = new ArrayList<>(syms);
    withBad.set(0, bad);
    NotEnoughSliversException ne = assertThrows(NotEnoughSliversException.class, () -> rec.recover(Axis.SECONDARY, 2, withBad));
    assertEquals(cfg.primarySourceSymbols(), ne.needed());
    assertEquals(cfg.primarySourceSymbols() - 1, ne.available());
    assertThrows(InvalidRecoverySymbolException.class, () -> rec.verify(good, Axis.SECONDARY, 3));
  }

  @Test
  void detectsInconsistentEncodingAndProducesAVerifiableProof() {
    EncodingConfig cfg = EncodingConfig.forShards(7);
    int n = cfg.nShards();
    byte[] blob = new byte[2000];
    new SplittableRandom(8).nextBytes(blob);
    EncodedBlob e = BlobEncoder.create(cfg).encode(blob);
    int s = e.metadata().symbolSize();
    // A malicious writer: secondary sliver 0 altered in row 1, and the metadata made to match it.
    byte[] altered = e.secondarySliver(0).data();
    altered[s] ^= 0x5A;
    SliverData evil = SliverData.wrap(Axis.SECONDARY, 0, s, altered);
    byte[] p = new byte[32 * n];
    byte[] q = new byte[32 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(e.metadata().sliverHash(Axis.PRIMARY, i), 0, p, 32 * i, 32);
      System.arraycopy(e.metadata().sliverHash(Axis.SECONDARY, i), 0, q, 32 * i, 32);
    }
    dev.haulout.wire.Blake2b256 h = new dev.haulout.wire.Blake2b256();
    System.arraycopy(SliverExpansion.of(cfg, evil, dev.haulout.erasure.rs.CodingLoop.defaultLoop(), h).root(h), 0, q, 0, 32);
    VerifiedBlobMetadata meta = VerifiedBlobMetadata.fromEncoder(BlobMetadata.of(blob.length, p, q), cfg);
    BlobDecoder.create(meta).verifySliver(evil);
    List<RecoverySymbol> syms = new ArrayList<>();
    syms.add(SliverRecovery.recoverySymbol(cfg, evil, 1));
    for (int j = 1; j < cfg.secondarySourceSymbols(); j++) {
      syms.add(SliverRecovery.recoverySymbol(cfg, e.secondarySliver(j), 1));
    }
    InconsistentBlobException ex = assertThrows(InconsistentBlobException.class,
        () -> SliverRecovery.create(meta).recover(Axis.PRIMARY, 1, syms));
    assertEquals(1, ex.sliverIndex());
    assertNotNull(ex.proof());
    assertTrue(ex.proof().verify(meta));
    assertFalse(ex.proof().verify(e.metadata()));
  }
}
