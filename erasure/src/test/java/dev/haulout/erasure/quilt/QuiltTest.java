package dev.haulout.erasure.quilt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.ErasureException.NotEnoughSliversException;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.erasure.encoding.EncodedBlob;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuiltTest {

  /** Cases of walrus-core's {@code test_quilt_find_min_length}: sizes; columns; rows; max index columns; S. */
  @ParameterizedTest(name = "{0} in {1}x{2}")
  @CsvSource(delimiter = ';', value = {
    "1000 1 1; 4; 7; 2; 72",
    "1; 3; 2; 1; 4",
    "115 80 4; 17; 9; 3; 6",
    "20 20 20; 3; 5; 2; 4",
    "5 5 5; 5; 1; 1; 6",
    "25 35 45; 200; 1; 3; 10",
    "10 0 0 0; 17; 9; 2; 2",
    "416 253 258 384 492 303 276 464 143 251 388 263 515 433 505 385 346 69 48 495 329 450 494 104 539 245 109 317 60; 34; 16; 3; 32",
  })
  void symbolSizeIsTheSmallestEvenThatFits(String sizes, int cols, int rows, int maxIndexCols, int expected) {
    long[] s = java.util.Arrays.stream(sizes.trim().split(" ")).mapToLong(Long::parseLong).toArray();
    assertEquals(expected, Quilt.symbolSize(s, cols, rows, maxIndexCols));
  }

  @Test
  void tooManyBlobsIsRejectedNamingTheCount() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quilt.symbolSize(new long[] {2, 1, 2, 1}, 3, 3, 1));
    assertTrue(e.getMessage().contains("3"), e.getMessage());
  }

  @Test
  void encodesBlobsAndReadsEachPatchBackFromItsSecondarySlivers() {
    EncodingConfig cfg = EncodingConfig.forShards(13);
    SplittableRandom rnd = new SplittableRandom(11);
    List<QuiltBlob> blobs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      byte[] d = new byte[rnd.nextInt(3000)];
      rnd.nextBytes(d);
      Map<String, String> tags = i % 2 == 0 ? Map.of("type", "t" + i, "é", "ü") : Map.of();
      blobs.add(QuiltBlob.of("file-" + (5 - i) + ".bin", d, tags));
    }
    Quilt quilt = Quilt.construct(cfg, blobs);
    byte[] qb = quilt.blob();
    assertEquals((long) cfg.primarySourceSymbols() * cfg.secondarySourceSymbols() * quilt.symbolSize(), qb.length);
    assertEquals(quilt.symbolSize(), cfg.symbolSize(qb.length));
    assertEquals("file-0.bin", quilt.patches().get(0).identifier());
    EncodedBlob e = BlobEncoder.create(cfg).encode(qb);
    List<SliverData> secondary = new ArrayList<>();
    for (int j = 0; j < cfg.nShards(); j++) {
      secondary.add(e.secondarySliver(j));
    }
    QuiltReader reader = QuiltReader.fromSecondarySlivers(secondary);
    assertEquals(quilt.patches().size(), reader.patches().size());
    for (QuiltBlob b : blobs) {
      assertEquals(b, reader.get(b.identifier()));
      assertEquals(b, quilt.get(b.identifier()));
    }
    // a patch needs only its own columns
    QuiltPatch p = reader.patches().get(3);
    List<SliverData> only = new ArrayList<>();
    for (int c = p.startIndex(); c < p.endIndex(); c++) {
      only.add(e.sliver(Axis.SECONDARY, c));
    }
    assertEquals(blobs.stream().filter(b -> b.identifier().equals(p.identifier())).findFirst().orElseThrow(),
        QuiltReader.fromSecondarySlivers(only).read(p));
    assertThrows(NotEnoughSliversException.class, () -> QuiltReader.fromSecondarySlivers(only).patches());
    // patch ID = quilt ID ‖ 0x01 ‖ u16 start ‖ u16 end
    BlobId quiltId = e.blobId();
    byte[] pid = Base64.getUrlDecoder().decode(p.patchId(quiltId));
    assertEquals(37, pid.length);
    assertArrayEquals(quiltId.toBytes(), java.util.Arrays.copyOf(pid, 32));
    assertEquals(1, pid[32]);
    assertEquals(p.startIndex(), (pid[33] & 0xFF) | (pid[34] & 0xFF) << 8);
    assertEquals(p.endIndex(), (pid[35] & 0xFF) | (pid[36] & 0xFF) << 8);
  }

  @Test
  void rejectsBadIdentifiersAndDuplicates() {
    EncodingConfig cfg = EncodingConfig.forShards(7);
    assertThrows(IllegalArgumentException.class, () -> QuiltBlob.of("", new byte[1]));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuiltBlob.of("name ", new byte[1]));
    assertTrue(e.getMessage().contains("\"name \""), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> QuiltBlob.of("a\u0007b", new byte[1]));
    e = assertThrows(IllegalArgumentException.class,
        () -> Quilt.construct(cfg, List.of(QuiltBlob.of("x", new byte[1]), QuiltBlob.of("x", new byte[2]))));
    assertTrue(e.getMessage().contains("\"x\""), e.getMessage());
    List<QuiltBlob> many = new ArrayList<>();
    for (int i = 0; i < cfg.secondarySourceSymbols(); i++) {
      many.add(QuiltBlob.of("b" + i, new byte[1]));
    }
    e = assertThrows(IllegalArgumentException.class, () -> Quilt.construct(cfg, many));
    assertTrue(e.getMessage().contains(String.valueOf(cfg.secondarySourceSymbols())), e.getMessage());
  }
}
