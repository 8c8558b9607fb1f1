package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.engine.CertificationMessage;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.StorageResource;
import dev.haulout.erasure.BlobId;
import dev.haulout.storage.bls.BlsCertificateVerifier;
import dev.haulout.storage.bls.BlsKeyPair;
import dev.haulout.storage.bls.BlsSignatures;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlsAndConfirmationTest {
  static final BlobId ID = BlobId.fromBase64("RcU82Mwf-CFkv1LaI_2qcpANwpGUuG3TMwnVzZxD2kY");

  @Test
  void confirmationMessageIsTheBcsTheLedgerChecksForPermanentAndDeletableBlobs() {
    String obj = "0x" + "ab".repeat(32);
    StorageResource st = new StorageResource("0x" + "01".repeat(32), "0x" + "02".repeat(32), 1, 3, 1000);
    Blob permanent = new Blob(obj, "0x" + "02".repeat(32), 1, ID.toBase64(), 10, 1, null, st, false);
    Blob deletable = new Blob(obj, "0x" + "02".repeat(32), 1, ID.toBase64(), 10, 1, null, st, true);
    assertArrayEquals(CertificationMessage.blobCertified(7, permanent), StorageConfirmation.permanent(7, ID));
    assertArrayEquals(CertificationMessage.blobCertified(7, deletable),
        StorageConfirmation.message(7, ID, StorageConfirmation.objectIdBytes(obj)));
    // layout of SPEC §9: intent 01 00 03, u32le epoch, blob id, 00
    byte[] m = StorageConfirmation.permanent(0x01020304, ID);
    assertEquals("01000304030201", HexFormat.of().formatHex(m, 0, 7));
    assertEquals(40, m.length);
    assertEquals(0, m[39]);
  }

  @Test
  void signaturesVerifyOnlyForTheSignedMessageAndKey() {
    BlsKeyPair a = BlsKeyPair.generate();
    BlsKeyPair b = BlsKeyPair.generate();
    byte[] msg = StorageConfirmation.permanent(3, ID);
    byte[] sig = a.sign(msg);
    assertEquals(96, sig.length);
    assertEquals(48, a.publicKey().length);
    assertTrue(BlsSignatures.verify(a.publicKey(), msg, sig));
    assertFalse(BlsSignatures.verify(b.publicKey(), msg, sig));
    assertFalse(BlsSignatures.verify(a.publicKey(), StorageConfirmation.permanent(4, ID), sig));
    assertFalse(BlsSignatures.verify(a.publicKey(), msg, new byte[96]));
    byte[] flipped = sig.clone();
    flipped[50] ^= 1;
    assertFalse(BlsSignatures.verify(a.publicKey(), msg, flipped));
  }

  @Test
  void aggregateCertificateVerifiesForExactlyTheSignersKeys() {
    List<BlsKeyPair> keys = List.of(BlsKeyPair.generate(), BlsKeyPair.generate(), BlsKeyPair.generate());
    byte[] msg = StorageConfirmation.permanent(1, ID);
    byte[] agg = BlsSignatures.aggregate(keys.stream().map(k -> k.sign(msg)).toList());
    BlsCertificateVerifier v = BlsCertificateVerifier.create();
    List<String> all = keys.stream().map(BlsKeyPair::publicKeyBase64).toList();
    assertTrue(v.verify(msg, all, agg));
    assertFalse(v.verify(msg, all.subList(0, 2), agg), "a signer missing from the list");
    assertFalse(v.verify(StorageConfirmation.permanent(2, ID), all, agg), "another epoch");
    byte[] twoOnly = BlsSignatures.aggregate(List.of(keys.get(0).sign(msg), keys.get(1).sign(msg)));
    assertFalse(v.verify(msg, all, twoOnly), "claims a signer who did not sign");
    assertFalse(v.verify(msg, List.of("not base64!"), agg));
    assertFalse(v.verify(msg, all, new byte[10]));
  }

  @Test
  void keyFromSeedIsDeterministicAndNeverPrintsTheSecret() {
    byte[] seed = new byte[32];
    seed[0] = 9;
    BlsKeyPair a = BlsKeyPair.fromSeed(seed);
    BlsKeyPair b = BlsKeyPair.fromSeed(seed);
    assertArrayEquals(a.publicKey(), b.publicKey());
    assertFalse(a.toString().contains(HexFormat.of().formatHex(seed)));
  }
}
