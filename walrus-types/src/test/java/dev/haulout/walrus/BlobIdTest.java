package dev.haulout.walrus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.wire.Hex;
import org.junit.jupiter.api.Test;

class BlobIdTest {
  // the empty blob at n = 4, from the official @mysten/walrus-wasm (erasure's vectors/blob-ids.json)
  private static final byte[] ROOT = Hex.decode("669f802f68a03496fb92340718031ee1cf14cbe78a9ebd7d065f2e72b1e3bc1d");
  private static final String ID = "CmzciFdWJP1IIM-rD3cqXlVBXYM0fpAfHahZBvkaZUI";

  @Test
  void blobIdOfTheEmptyBlobIsStable() {
    BlobId id = BlobId.compute(0, ROOT);
    assertEquals(ID, id.toBase64());
    assertEquals("0a6cdc88575624fd4820cfab0f772a5e55415d83347e901f1da85906f91a6542", id.toHex());
    assertEquals("30031285719138691499908173054154181527264463065269085110323636905507196529674", id.toU256().toString());
    assertEquals(2, id.rotationOffset(4));
    assertEquals(id, BlobId.fromBase64(ID));
    assertEquals(id, BlobId.fromBytes(id.toBytes()));
    assertEquals(ID, id.toString());
  }

  @Test
  void deriveTakesTheEncodingTypeByte() {
    assertEquals(BlobId.compute(0, ROOT), BlobId.derive(ShardGeometry.ENCODING_TYPE_RS2, 0, ROOT));
    assertNotEquals(BlobId.compute(0, ROOT), BlobId.derive(0, 0, ROOT));
    assertNotEquals(BlobId.compute(0, ROOT), BlobId.compute(1, ROOT));
    assertThrows(IllegalArgumentException.class, () -> BlobId.derive(1, 0, new byte[31]));
  }

  @Test
  void refusesMalformedText() {
    for (String bad : new String[] {null, "", ID + "A", ID.substring(1), ID + "=", "!".repeat(43)}) {
      assertThrows(IllegalArgumentException.class, () -> BlobId.fromBase64(bad), String.valueOf(bad));
      assertFalse(BlobId.isBase64(bad));
    }
    assertTrue(BlobId.isBase64(ID));
    assertThrows(IllegalArgumentException.class, () -> BlobId.fromBytes(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> BlobId.fromBytes(null));
  }

  @Test
  void shardRotationMapsPairsAndShardsBothWays() {
    BlobId id = BlobId.compute(0, ROOT);
    for (int pair = 0; pair < 4; pair++) {
      assertEquals(pair, id.pairOnShard(id.shardOfPair(pair, 4), 4));
    }
    assertEquals((0 + 2) % 4, id.shardOfPair(0, 4));
    assertThrows(IllegalArgumentException.class, () -> id.rotationOffset(0));
    assertArrayEquals(Hex.decode(id.toHex()), id.toBytes());
  }
}
