package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.StorageResource;
import dev.haulout.storage.bls.BlsKeyPair;
import dev.haulout.storage.bls.BlsSignatures;
import dev.haulout.walrus.BlobId;
import dev.haulout.walrus.CertificationMessage;
import dev.haulout.wire.SuiAddress;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import supranational.blst.P1;
import supranational.blst.P2;
import supranational.blst.SecretKey;

class BlsAndConfirmationTest {
  static final BlobId ID = BlobId.fromBase64("RcU82Mwf-CFkv1LaI_2qcpANwpGUuG3TMwnVzZxD2kY");

  @Test
  void confirmationMessageIsTheBcsTheLedgerChecksForPermanentAndDeletableBlobs() {
    String obj = "0x" + "ab".repeat(32);
    StorageResource st = new StorageResource("0x" + "01".repeat(32), "0x" + "02".repeat(32), 1, 3, 1000);
    Blob permanent = new Blob(obj, "0x" + "02".repeat(32), 1, ID.toBase64(), 10, 1, null, st, false);
    Blob deletable = new Blob(obj, "0x" + "02".repeat(32), 1, ID.toBase64(), 10, 1, null, st, true);
    assertArrayEquals(permanent.certificationMessage(7), CertificationMessage.permanent(7, ID));
    assertArrayEquals(deletable.certificationMessage(7),
        CertificationMessage.blobCertified(7, ID, SuiAddress.parse(obj).bytes()));
    // layout of SPEC §9: intent 01 00 03, u32le epoch, blob id, 00
    byte[] m = CertificationMessage.permanent(0x01020304, ID);
    assertEquals("01000304030201", HexFormat.of().formatHex(m, 0, 7));
    assertEquals(40, m.length);
    assertEquals(0, m[39]);
  }

  @Test
  void signaturesVerifyOnlyForTheSignedMessageAndKey() {
    BlsKeyPair a = BlsKeyPair.generate();
    BlsKeyPair b = BlsKeyPair.generate();
    byte[] msg = CertificationMessage.permanent(3, ID);
    byte[] sig = a.sign(msg);
    assertEquals(96, sig.length);
    assertEquals(48, a.publicKey().length);
    assertTrue(BlsSignatures.verify(a.publicKey(), msg, sig));
    assertFalse(BlsSignatures.verify(b.publicKey(), msg, sig));
    assertFalse(BlsSignatures.verify(a.publicKey(), CertificationMessage.permanent(4, ID), sig));
    assertFalse(BlsSignatures.verify(a.publicKey(), msg, new byte[96]));
    byte[] flipped = sig.clone();
    flipped[50] ^= 1;
    assertFalse(BlsSignatures.verify(a.publicKey(), msg, flipped));
  }

  @Test
  void aggregateCertificateVerifiesForExactlyTheSignersKeys() {
    List<BlsKeyPair> keys = List.of(BlsKeyPair.generate(), BlsKeyPair.generate(), BlsKeyPair.generate());
    byte[] msg = CertificationMessage.permanent(1, ID);
    byte[] agg = BlsSignatures.aggregate(keys.stream().map(k -> k.sign(msg)).toList());
    BlsCertificates v = BlsCertificates.verifier();
    List<String> all = keys.stream().map(BlsKeyPair::publicKeyBase64).toList();
    assertTrue(v.verify(msg, all, agg));
    assertFalse(v.verify(msg, all.subList(0, 2), agg), "a signer missing from the list");
    assertFalse(v.verify(CertificationMessage.permanent(2, ID), all, agg), "another epoch");
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

  // ------------------------------------------------------------------ known answers (independent sources)

  static final HexFormat HEX = HexFormat.of();

  /**
   * fastcrypto {@code fastcrypto/src/tests/bls12381_tests.rs}, {@code mod min_pk}, {@code
   * regression_test} (github.com/MystenLabs/fastcrypto, commit
   * 8afd59eacef6b4240c6d37cfdef44e27a5cb433c): secret key (32 bytes, big-endian scalar), its public
   * key and its min-pk signature of {@code "hello, narwhal"}. fastcrypto's min-pk is what Walrus
   * uses for protocol keys.
   */
  static final byte[] FC_SECRET = HEX.parseHex("266f9708fd8d3b462b10cdbf5498076c021eb3acfdd47cb1fef647967fe194fb");
  static final byte[] FC_PUBLIC = HEX.parseHex("b157f238403a5b980546fd19ca48f79a2613e3e3a91d14ee69908b8816e4c53665370b2fbd0db62cc4aa0e8caeedc9b5");
  static final byte[] FC_SIGNATURE = HEX.parseHex("8dec0b9a1a629cc96c57144ee8e7dd5c93acb465286f1214df3b8482c3f16e10db4277ead785f5d5bc77b4e51affd2580dead4d0d21cf20fc5e2b4bec2586c2bd6c73fee76c11f214871f77dada4c578034c3b978f1cccb82bdd78fe5ee67de1");
  static final byte[] FC_MESSAGE = "hello, narwhal".getBytes(StandardCharsets.US_ASCII);
  /** fastcrypto {@code fastcrypto/src/bls12381/min_pk/mod.rs} {@code DST_G2} (same commit), written out here, not taken from our code. */
  static final String FASTCRYPTO_MIN_PK_DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_";
  /** BLS12-381 subgroup order r. */
  static final BigInteger R = new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  @Test
  void fastcryptoMinPkRegressionVectorVerifiesAndPinsTheDst() {
    assertEquals(FASTCRYPTO_MIN_PK_DST, BlsSignatures.DST);
    assertTrue(BlsSignatures.verify(FC_PUBLIC, FC_MESSAGE, FC_SIGNATURE));
    assertFalse(BlsSignatures.verify(FC_PUBLIC, "hello, narwhal!".getBytes(StandardCharsets.US_ASCII), FC_SIGNATURE));
    // the vector's public key is the secret's (jblst scalar multiplication, not our code)
    assertArrayEquals(FC_PUBLIC, new P1(secretKey(FC_SECRET)).compress());
  }

  /**
   * A real drand beacon (chained mainnet, round 2373935), the second min-pk vector of fastcrypto's
   * {@code bls12381_tests.rs} ({@code test_verify_drand_signature}, same commit): message =
   * SHA-256(previous signature ‖ u64be round), same DST.
   */
  @Test
  void drandBeaconSignatureVerifies() throws Exception {
    byte[] key = HEX.parseHex("868f005eb8e6e4ca0a47c8a77ceaa5309a47978a7c71bc5cce96366b5d7a569937c529eeda66c7293784a9402801af31");
    byte[] sig = HEX.parseHex("a2cd8577944b84484ef557a7f92f0d5092779497cc470b1b97680b8f7c807d97250d310b801c7c2185c7c8a21032d45403b97530ca87bd8f05d0cf4ffceb4bcb9bf7184fb604967db7e9e6ea555bc51b25a9e41fbd51181f712aa73aaec749fe");
    byte[] prev = HEX.parseHex("a96aace596906562dc525dba4dff734642d71b334d51324f9c9bcb5a3d6caf14b05cde91d6507bf4615cb4285e5b4efd1358ebc46b80b51e338f9dc46cca17cf2e046765ba857c04101a560887fa81aef101a5bb3b2350884558bd3adc72be37");
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(prev);
    sha.update(java.nio.ByteBuffer.allocate(8).putLong(2373935L).array());
    byte[] msg = sha.digest();
    assertTrue(BlsSignatures.verify(key, msg, sig));
    msg[0] ^= 1;
    assertFalse(BlsSignatures.verify(key, msg, sig));
  }

  /** A min-pk signature computed with jblst directly from a secret scalar and fastcrypto's DST (not through our code). */
  static byte[] referenceSign(BigInteger sk, byte[] msg) {
    return new P2().hash_to(msg, FASTCRYPTO_MIN_PK_DST).sign_with(secretKey(be32(sk))).compress();
  }

  static SecretKey secretKey(byte[] bigEndian) {
    SecretKey k = new SecretKey();
    k.from_bendian(bigEndian);
    return k;
  }

  static byte[] be32(BigInteger x) {
    byte[] b = x.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(32, b.length);
    System.arraycopy(b, b.length - n, out, 32 - n, n);
    return out;
  }

  @Test
  void aggregateOfTheFastcryptoSignatureAndASecondKeyIsTheSignatureOfTheSummedKey() {
    BigInteger s1 = new BigInteger(1, FC_SECRET);
    BigInteger s2 = s1.add(BigInteger.ONE).mod(R);
    byte[] sig2 = referenceSign(s2, FC_MESSAGE);
    byte[] pk2 = new P1(secretKey(be32(s2))).compress();
    byte[] agg = BlsSignatures.aggregate(List.of(FC_SIGNATURE, sig2));
    // BLS is linear: sig(s1) + sig(s2) = sig(s1 + s2)
    assertArrayEquals(referenceSign(s1.add(s2).mod(R), FC_MESSAGE), agg);
    assertTrue(BlsSignatures.verifyAggregate(List.of(FC_PUBLIC, pk2), FC_MESSAGE, agg));
    assertFalse(BlsSignatures.verifyAggregate(List.of(FC_PUBLIC), FC_MESSAGE, agg));
    assertTrue(BlsCertificates.verifier().verify(FC_MESSAGE, List.of(
        java.util.Base64.getEncoder().encodeToString(FC_PUBLIC), java.util.Base64.getEncoder().encodeToString(pk2)), agg));
  }

  /**
   * KeyGen of draft-irtf-cfrg-bls-signature-05 §2.3 (salt "BLS-SIG-KEYGEN-SALT-", hashed before
   * each try; HKDF-SHA256 of IKM ‖ 0x00; L = 48; empty key_info), written here with the JDK's HMAC.
   */
  static BigInteger ietfKeyGen(byte[] ikm) throws Exception {
    byte[] salt = "BLS-SIG-KEYGEN-SALT-".getBytes(StandardCharsets.US_ASCII);
    BigInteger sk = BigInteger.ZERO;
    while (sk.signum() == 0) {
      salt = MessageDigest.getInstance("SHA-256").digest(salt);
      byte[] ikm0 = java.util.Arrays.copyOf(ikm, ikm.length + 1);
      byte[] prk = hmac(salt, ikm0);
      byte[] okm = new byte[48];
      byte[] t = new byte[0];
      for (int i = 1, off = 0; off < 48; i++) {
        byte[] in = new byte[t.length + 2 + 1];
        System.arraycopy(t, 0, in, 0, t.length);
        in[t.length] = 0; // key_info (empty) || I2OSP(48, 2)
        in[t.length + 1] = 48;
        in[t.length + 2] = (byte) i;
        t = hmac(prk, in);
        int n = Math.min(32, 48 - off);
        System.arraycopy(t, 0, okm, off, n);
        off += n;
      }
      sk = new BigInteger(1, okm).mod(R);
    }
    return sk;
  }

  static byte[] hmac(byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  @Test
  void keyFromSeedIsTheIetfKeyGenAndSignsAConfirmationAsTheReferenceDoes() throws Exception {
    byte[] seed = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    BigInteger sk = ietfKeyGen(seed);
    BlsKeyPair kp = BlsKeyPair.fromSeed(seed);
    assertArrayEquals(new P1(secretKey(be32(sk))).compress(), kp.publicKey());
    byte[] confirmation = CertificationMessage.permanent(7, ID);
    assertArrayEquals(referenceSign(sk, confirmation), kp.sign(confirmation));
  }
}
