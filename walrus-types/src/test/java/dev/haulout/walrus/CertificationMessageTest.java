package dev.haulout.walrus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.haulout.wire.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CertificationMessageTest {
  private static final BlobId ID = BlobId.fromBase64("RcU82Mwf-CFkv1LaI_2qcpANwpGUuG3TMwnVzZxD2kY");

  @Test
  void permanentConfirmationIsIntentEpochIdAndZero() {
    byte[] m = CertificationMessage.permanent(0x01020304, ID);
    assertEquals(40, m.length);
    assertEquals("01000304030201", Hex.encode(Arrays.copyOf(m, 7)));
    assertArrayEquals(ID.toBytes(), Arrays.copyOfRange(m, 7, 39));
    assertEquals(0, m[39]);
    assertArrayEquals(m, CertificationMessage.blobCertified(0x01020304, ID, null));
  }

  @Test
  void deletableConfirmationCarriesTheBlobObjectId() {
    byte[] obj = new byte[32];
    Arrays.fill(obj, (byte) 0xab);
    byte[] m = CertificationMessage.blobCertified(7, ID, obj);
    assertEquals(72, m.length);
    assertEquals(1, m[39]);
    assertArrayEquals(obj, Arrays.copyOfRange(m, 40, 72));
    assertThrows(IllegalArgumentException.class, () -> CertificationMessage.blobCertified(7, ID, new byte[31]));
  }

  @Test
  void invalidBlobAttestationIsIntentTwoEpochAndId() {
    byte[] m = CertificationMessage.invalidBlobId(5, ID);
    assertEquals(39, m.length);
    assertEquals("02000305000000", Hex.encode(Arrays.copyOf(m, 7)));
    assertArrayEquals(ID.toBytes(), Arrays.copyOfRange(m, 7, 39));
  }
}
