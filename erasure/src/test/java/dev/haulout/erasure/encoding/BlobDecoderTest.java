package dev.haulout.erasure.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.ErasureException.InvalidSliverException;
import dev.haulout.erasure.ErasureException.NotEnoughSliversException;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.rs.CodingLoop;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlobDecoderTest {

  static List<SliverData> randomSubset(EncodedBlob e, Axis axis, int count, SplittableRandom rnd) {
    int n = e.nShards();
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    List<SliverData> out = new ArrayList<>();
    for (int q = 0; q < count; q++) {
      out.add(e.sliver(axis, idx[q]));
    }
    return out;
  }

  /** Property: decode(encode(x)) == x for random (n, length, seed), both axes, minimum slivers. */
  static Stream<Arguments> randomCases() {
    SplittableRandom rnd = new SplittableRandom(20261123);
    int[] shards = {4, 5, 6, 7, 10, 13, 16, 31, 100, 301};
    List<Arguments> out = new ArrayList<>();
    for (int t = 0; t < 24; t++) {
      int n = shards[rnd.nextInt(shards.length)];
      EncodingConfig cfg = EncodingConfig.forShards(n);
      long max = Math.min(cfg.maxBlobSize(), n >= 100 ? 300_000 : 60_000);
      int length = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : rnd.nextInt((int) max);
      out.add(Arguments.of(n, length, rnd.nextLong()));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "n={0} length={1} seed={2}")
  @MethodSource("randomCases")
  void decodeOfEncodeIsIdentityFromAnyMinimalSubset(int n, int length, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] blob = new byte[length];
    rnd.nextBytes(blob);
    EncodingConfig cfg = EncodingConfig.forShards(n);
    EncodedBlob e = BlobEncoder.create(cfg).encode(blob);
    CodingLoop loop = CodingLoop.all().get(rnd.nextInt(CodingLoop.all().size()));
    BlobDecoder dec = BlobDecoder.create(e.metadata(), EncoderOptions.defaults().withCodingLoop(loop).withParallelism(2));
    assertArrayEquals(blob, dec.decode(randomSubset(e, Axis.PRIMARY, cfg.primarySourceSymbols(), rnd)), "primary");
    assertArrayEquals(blob, dec.decode(randomSubset(e, Axis.SECONDARY, cfg.secondarySourceSymbols(), rnd)), "secondary");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    dec.decode(randomSubset(e, Axis.PRIMARY, n, rnd), out);
    assertArrayEquals(blob, out.toByteArray(), "all primary (systematic path)");
  }

  @Test
  void worstCaseOnlyParityPrimarySlivers() {
    EncodingConfig cfg = EncodingConfig.forShards(100);
    byte[] blob = new byte[123_457];
    new SplittableRandom(5).nextBytes(blob);
    EncodedBlob e = BlobEncoder.create(cfg).encode(blob);
    List<SliverData> parity = new ArrayList<>();
    for (int i = cfg.nShards() - cfg.primarySourceSymbols(); i < cfg.nShards(); i++) {
      parity.add(e.primarySliver(i));
    }
    assertArrayEquals(blob, BlobDecoder.create(e.metadata()).decode(parity));
  }

  @Test
  void skipsATamperedSliverAndUsesAnother() {
    EncodingConfig cfg = EncodingConfig.forShards(10);
    byte[] blob = new byte[5000];
    new SplittableRandom(9).nextBytes(blob);
    EncodedBlob e = BlobEncoder.create(cfg).encode(blob);
    BlobDecoder dec = BlobDecoder.create(e.metadata());
    byte[] bad = e.primarySliver(0).data();
    bad[3] ^= 1;
    SliverData tampered = SliverData.wrap(Axis.PRIMARY, 0, e.metadata().symbolSize(), bad);
    InvalidSliverException ex = assertThrows(InvalidSliverException.class, () -> dec.verifySliver(tampered));
    assertEquals(0, ex.sliverIndex());
    List<SliverData> slivers = new ArrayList<>(List.of(tampered));
    for (int i = 1; i <= cfg.primarySourceSymbols(); i++) {
      slivers.add(e.primarySliver(i));
    }
    assertArrayEquals(blob, dec.decode(slivers));
    slivers.remove(slivers.size() - 1);
    NotEnoughSliversException ne = assertThrows(NotEnoughSliversException.class, () -> dec.decode(slivers));
    assertEquals(cfg.primarySourceSymbols(), ne.needed());
  }

  @Test
  void fallsBackToSecondarySliversWhenPrimaryOnesFailVerification() {
    EncodingConfig cfg = EncodingConfig.forShards(10);
    byte[] blob = new byte[7777];
    new SplittableRandom(12).nextBytes(blob);
    EncodedBlob e = BlobEncoder.create(cfg).encode(blob);
    List<SliverData> slivers = new ArrayList<>();
    for (int i = 0; i < cfg.primarySourceSymbols(); i++) {
      byte[] d = e.primarySliver(i).data();
      if (i == 2) {
        d[0] ^= 1;
      }
      slivers.add(SliverData.wrap(Axis.PRIMARY, i, e.metadata().symbolSize(), d));
    }
    for (int j = 0; j < cfg.secondarySourceSymbols(); j++) {
      slivers.add(e.secondarySliver(cfg.nShards() - 1 - j));
    }
    assertArrayEquals(blob, BlobDecoder.create(e.metadata()).decode(slivers));
  }

  @Test
  void rejectsSliversOfTheWrongShape() {
    EncodingConfig cfg = EncodingConfig.forShards(7);
    EncodedBlob e = BlobEncoder.create(cfg).encode(new byte[1000]);
    BlobDecoder dec = BlobDecoder.create(e.metadata());
    SliverData shortOne = SliverData.wrap(Axis.PRIMARY, 1, e.metadata().symbolSize(), new byte[e.metadata().symbolSize()]);
    InvalidSliverException ex = assertThrows(InvalidSliverException.class, () -> dec.verifySliver(shortOne));
    assertTrue(ex.getMessage().contains("length " + e.metadata().symbolSize()), ex.getMessage());
    SliverData wrongS = SliverData.wrap(Axis.PRIMARY, 1, 2, new byte[2]);
    ex = assertThrows(InvalidSliverException.class, () -> dec.verifySliver(wrongS));
    assertTrue(ex.getMessage().contains("symbol size 2"), ex.getMessage());
  }

  @Test
  void detectsAnInconsistentEncoding() {
    // A writer that encodes a different blob for one systematic sliver's hash: the parity slivers
    // verify, but the rebuilt sliver 0 does not hash to the metadata.
    EncodingConfig cfg = EncodingConfig.forShards(7);
    byte[] blob = new byte[3000];
    new SplittableRandom(1).nextBytes(blob);
    byte[] other = blob.clone();
    other[0] ^= 0x55;
    EncodedBlob good = BlobEncoder.create(cfg).encode(blob);
    EncodedBlob evil = BlobEncoder.create(cfg).encode(other);
    byte[] p = new byte[32 * 7];
    byte[] q = new byte[32 * 7];
    for (int i = 0; i < 7; i++) {
      System.arraycopy(good.metadata().sliverHash(Axis.PRIMARY, i), 0, p, 32 * i, 32);
      System.arraycopy(good.metadata().sliverHash(Axis.SECONDARY, i), 0, q, 32 * i, 32);
    }
    // sliver 0's hash from the other encoding: parity rows stay those of `blob`
    System.arraycopy(evil.metadata().sliverHash(Axis.PRIMARY, 0), 0, p, 0, 32);
    var meta = dev.haulout.erasure.metadata.VerifiedBlobMetadata.fromEncoder(
        dev.haulout.erasure.metadata.BlobMetadata.of(blob.length, p, q), cfg);
    List<SliverData> slivers = new ArrayList<>();
    for (int i = 1; i < 7; i++) {
      slivers.add(good.primarySliver(i));
    }
    InconsistentBlobException ex =
        assertThrows(InconsistentBlobException.class, () -> BlobDecoder.create(meta).decode(slivers));
    assertEquals(0, ex.sliverIndex());
    assertEquals(Axis.PRIMARY, ex.axis());
  }
}
