package dev.haulout.walrus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShardGeometryTest {
  @Test
  void thousandShardsHaveTheWalrusParameters() {
    ShardGeometry g = ShardGeometry.forShards(1000);
    assertEquals(333, g.maxFaulty());
    assertEquals(334, g.primarySourceSymbols());
    assertEquals(667, g.secondarySourceSymbols());
    assertEquals(64_032, g.metadataLength());
    // walrus SPEC §1.2/§12: a 17-byte blob encodes to 66 034 000 B = 63 units
    assertEquals(66_034_000L, g.encodedLength(17));
    assertEquals(63, g.storageUnits(17));
    assertEquals(63, ShardGeometry.units(66_034_000L));
  }

  @Test
  void symbolSizeIsEvenAndAtLeastTwo() {
    ShardGeometry g = ShardGeometry.forShards(4); // f = 1, k1 = 2, k2 = 3
    assertEquals(2, g.symbolSize(0));
    assertEquals(2, g.symbolSize(12));
    assertEquals(4, g.symbolSize(13));
    assertEquals(4, g.symbolSize(24));
    assertEquals(6, g.symbolSize(25));
  }

  @Test
  void largestBlobStillEncodesAndOneMoreByteFails() {
    ShardGeometry g = ShardGeometry.forShards(1000);
    long max = 334L * 667 * 65_534;
    assertEquals(max, g.maxBlobSize());
    assertTrue(g.encodedLength(max) > 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.encodedLength(max + 1));
    assertTrue(e.getMessage().contains(Long.toString(max + 1)), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> g.symbolSize(-1));
  }

  @Test
  void refusesShardCountsOutsideTheRange() {
    assertThrows(IllegalArgumentException.class, () -> ShardGeometry.forShards(3));
    assertThrows(IllegalArgumentException.class, () -> ShardGeometry.forShards(65536));
    assertEquals(ShardGeometry.forShards(7), ShardGeometry.forShards(7));
  }
}
