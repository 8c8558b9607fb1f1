package dev.haulout.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.erasure.ErasureException.DataTooLargeException;
import dev.haulout.erasure.ErasureException.InvalidMetadataException;
import dev.haulout.erasure.ErasureException.MalformedDataException;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.erasure.encoding.RecoverySymbol;
import dev.haulout.erasure.metadata.BlobMetadata;
import dev.haulout.erasure.metadata.UnverifiedBlobMetadata;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.walrus.BlobId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Wrong-size and malformed inputs are rejected with errors naming the bad value. */
class MalformedInputTest {

  private static void assertMentions(Exception e, String text) {
    assertTrue(e.getMessage().contains(text), "message \"" + e.getMessage() + "\" should mention " + text);
  }

  @Test
  void shardCountOutOfRange() {
    assertMentions(assertThrows(IllegalArgumentException.class, () -> EncodingConfig.forShards(3)), "3");
    assertMentions(assertThrows(IllegalArgumentException.class, () -> EncodingConfig.forShards(70000)), "70000");
    // the GF(2^16) limit: RS(k1, 2f) at n = 65535 does not fit
    assertMentions(assertThrows(IllegalArgumentException.class, () -> EncodingConfig.forShards(65535)), "65535");
  }

  @Test
  void blobTooLargeNamesLengthAndLimit() {
    EncodingConfig cfg = EncodingConfig.forShards(4);
    assertEquals(393_204, cfg.maxBlobSize());
    assertEquals(65534, cfg.symbolSize(393_204));
    DataTooLargeException e = assertThrows(DataTooLargeException.class, () -> cfg.symbolSize(393_205));
    assertEquals(393_205, e.length());
    assertEquals(393_204, e.maxLength());
    assertMentions(e, "393205");
    assertMentions(assertThrows(IllegalArgumentException.class, () -> cfg.symbolSize(-1)), "-1");
  }

  @Test
  void sliverBcsMustBeWellFormed() {
    SliverData s = SliverData.wrap(Axis.PRIMARY, 7, 2, new byte[] {1, 2, 3, 4});
    byte[] bcs = s.toBcs();
    assertEquals(s, SliverData.fromBcs(Axis.PRIMARY, bcs));
    MalformedDataException trunc =
        assertThrows(MalformedDataException.class, () -> SliverData.fromBcs(Axis.PRIMARY, Arrays.copyOf(bcs, bcs.length - 1)));
    assertEquals("SliverData", trunc.what());
    byte[] longer = Arrays.copyOf(bcs, bcs.length + 1);
    assertMentions(assertThrows(MalformedDataException.class, () -> SliverData.fromBcs(Axis.PRIMARY, longer)), "trailing");
    byte[] oddSymbol = bcs.clone();
    oddSymbol[5] = 3; // symbol size 3
    assertMentions(assertThrows(MalformedDataException.class, () -> SliverData.fromBcs(Axis.PRIMARY, oddSymbol)), "symbol size 3");
    assertMentions(assertThrows(IllegalArgumentException.class, () -> SliverData.wrap(Axis.PRIMARY, 70000, 2, new byte[2])), "70000");
    assertMentions(assertThrows(IllegalArgumentException.class, () -> SliverData.wrap(Axis.PRIMARY, 1, 2, new byte[3])), "3");
  }

  @Test
  void metadataWithEncodingTypeZeroOrWrongIdIsRejected() {
    EncodingConfig cfg = EncodingConfig.forShards(4);
    VerifiedBlobMetadata m = BlobEncoder.create(cfg).computeMetadata(new byte[] {1, 2, 3});
    byte[] bcs = m.toBcsWithId();
    assertEquals(0, bcs[32]); // variant V1
    assertEquals(1, bcs[33]); // RS2
    byte[] typeZero = bcs.clone();
    typeZero[33] = 0; // the retired RaptorQ
    MalformedDataException e = assertThrows(MalformedDataException.class, () -> UnverifiedBlobMetadata.fromBcs(typeZero));
    assertEquals(33, e.offset() - 1);
    assertMentions(e, "encoding type 0");
    byte[] wrongId = bcs.clone();
    wrongId[0] ^= 1;
    assertMentions(assertThrows(InvalidMetadataException.class, () -> UnverifiedBlobMetadata.fromBcs(wrongId).verify(cfg)), "does not match");
    assertMentions(assertThrows(InvalidMetadataException.class, () -> UnverifiedBlobMetadata.fromBcs(bcs).verify(EncodingConfig.forShards(7))), "expected 7");
    byte[] emptyNode = bcs.clone();
    emptyNode[32 + 2 + 8 + 1] = 0;
    assertMentions(assertThrows(MalformedDataException.class, () -> UnverifiedBlobMetadata.fromBcs(emptyNode)), "empty hash node");
    assertThrows(MalformedDataException.class, () -> BlobMetadata.fromBcs(Arrays.copyOf(m.toBcs(), 20)));
  }

  @Test
  void blobIdParsingNamesTheText() {
    assertMentions(assertThrows(IllegalArgumentException.class, () -> BlobId.fromBase64("not-an-id")), "not-an-id");
    assertMentions(assertThrows(IllegalArgumentException.class, () -> BlobId.fromBytes(new byte[31])), "31");
  }

  @Test
  void recoverySymbolBcsIsChecked() {
    assertThrows(MalformedDataException.class, () -> RecoverySymbol.fromBcs(new byte[] {2, 0, 0}));
    assertMentions(assertThrows(MalformedDataException.class, () -> RecoverySymbol.fromBcs(new byte[] {0, 1, 0, 3, 1, 2, 3, 0, 0, 0})), "symbol length 3");
  }
}
