package dev.haulout.chain.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.StoragePrices;
import dev.haulout.walrus.ShardGeometry;
import dev.haulout.chain.model.CommitteeMember;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoragePricesTest {
  @Test
  void encodedLengthMatchesWalrusDocsExample() {
    // walrus SPEC §1.2/§12: n = 1000, a 17-byte blob encodes to 66 034 000 B = 63 units
    assertEquals(66_034_000L, ShardGeometry.forShards(1000).encodedLength(17));
    assertEquals(63, StoragePrices.units(66_034_000L));
    // storing-blobs.mdx: 132 300 FROST for 1 epoch at 2 100 FROST per unit (storage + write)
    assertEquals(132_300L, StoragePrices.storageCost(66_034_000L, 1, 1_100)
        + StoragePrices.writeCost(66_034_000L, 1_000));
  }


  @Test
  void quorumNeedsTwoThirdsPlusOneOfShards() {
    List<CommitteeMember> c = List.of(
        new CommitteeMember("0x1", "0xa", "k1", List.of(0, 1, 2, 3)),
        new CommitteeMember("0x2", "0xb", "k2", List.of(4, 5, 6)),
        new CommitteeMember("0x3", "0xc", "k3", List.of(7, 8, 9)));
    // n = 10: need 3w >= 21, i.e. w >= 7
    assertTrue(Quorum.isQuorum(Quorum.weight(c, List.of(0, 1)), 10));
    assertFalse(Quorum.isQuorum(Quorum.weight(c, List.of(1, 2)), 10));
    assertThrows(IllegalArgumentException.class, () -> Quorum.weight(c, List.of(1, 1, 2)));
    assertThrows(IllegalArgumentException.class, () -> Quorum.weight(c, List.of(3)));
  }
}
