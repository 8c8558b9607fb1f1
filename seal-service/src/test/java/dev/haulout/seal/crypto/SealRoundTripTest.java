package dev.haulout.seal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.crypto.ibe.ObjectIds;
import dev.haulout.seal.crypto.tss.Shamir;
import dev.haulout.seal.crypto.tss.Share;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Round trips with weights and thresholds, and the security properties of decryption. */
class SealRoundTripTest {
  private static final SecureRandom RNG = new SecureRandom();
  private static final byte[] PACKAGE = filled(32, 7);
  private static final byte[] INNER = {1, 2, 3, 4};
  private static final byte[] MESSAGE = "dataset key material".getBytes(StandardCharsets.UTF_8);

  record Cluster(List<MasterKeyPair> keys, List<byte[]> ids) {
    static Cluster of(int distinct) {
      List<MasterKeyPair> keys = new ArrayList<>();
      List<byte[]> ids = new ArrayList<>();
      for (int i = 0; i < distinct; i++) {
        keys.add(MasterKeyPair.generate(RNG));
        ids.add(filled(32, 0x10 + i));
      }
      return new Cluster(keys, ids);
    }

    /** weights[i] copies of server i, in order. */
    List<KeyServerPublicKey> weighted(int... weights) {
      List<KeyServerPublicKey> out = new ArrayList<>();
      for (int i = 0; i < weights.length; i++) {
        for (int w = 0; w < weights[i]; w++) {
          out.add(new KeyServerPublicKey(ids.get(i), keys.get(i).publicKey()));
        }
      }
      return out;
    }

    List<KeyServerPublicKey> publicKeys() {
      List<KeyServerPublicKey> out = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        out.add(new KeyServerPublicKey(ids.get(i), keys.get(i).publicKey()));
      }
      return out;
    }

    UserSecretKey usk(int i, byte[] fullId) {
      return new UserSecretKey(ids.get(i), BonehFranklin.extract(keys.get(i).secretKey(), fullId));
    }
  }

  @ParameterizedTest(name = "{0} over weights {1}: servers {2} decrypt")
  @CsvSource({
    "AES_256_GCM, 1 1 1, 2, 0 2",
    "HMAC_256_CTR, 1 1 1, 2, 1 2",
    "AES_256_GCM, 1 2 1 1, 3, 1 3",
    "HMAC_256_CTR, 2 1 2, 3, 0 2",
    "PLAIN, 1 1 1 1 1, 3, 0 1 4",
  })
  void decryptsWithAnyQualifiedSetOfServers(DemType dem, String weights, int t, String use) {
    int[] w = ints(weights);
    Cluster c = Cluster.of(w.length);
    byte[] msg = dem == DemType.PLAIN ? new byte[0] : MESSAGE;
    SealEncryptor.Result r =
        SealEncryptor.encrypt(PACKAGE, INNER, c.weighted(w), t, dem, msg, null, RNG);
    EncryptedObject o = EncryptedObject.fromBytes(r.object().toBytes());
    List<UserSecretKey> usks = new ArrayList<>();
    for (int i : ints(use)) {
      usks.add(c.usk(i, o.fullId()));
    }
    byte[] want = dem == DemType.PLAIN ? r.demKey() : msg;
    assertArrayEquals(want, SealDecryptor.decrypt(o, usks));
    assertArrayEquals(want, SealDecryptor.decrypt(o, usks, c.publicKeys()));
  }

  @Test
  void lyingServerWithWrongUserKeyIsDetected() {
    Cluster c = Cluster.of(3);
    EncryptedObject o = encrypt(c, 2);
    // Server 0 answers with a key for another identity.
    UserSecretKey lie =
        new UserSecretKey(c.ids().get(0), BonehFranklin.extract(c.keys().get(0).secretKey(), new byte[33]));
    List<UserSecretKey> usks = List.of(lie, c.usk(1, o.fullId()));
    SealCryptoException verified =
        assertThrows(SealCryptoException.class, () -> SealDecryptor.decrypt(o, usks, c.publicKeys()));
    assertEquals(SealCryptoException.Code.INVALID_USER_KEY, verified.code());
    SealCryptoException unverified =
        assertThrows(SealCryptoException.class, () -> SealDecryptor.decrypt(o, usks));
    assertEquals(SealCryptoException.Code.INVALID_NONCE, unverified.code());
  }

  @Test
  void inconsistentShareFromMaliciousEncryptorIsDetectedByConsistencyCheck() {
    Cluster c = Cluster.of(3);
    Cluster other = Cluster.of(1);
    // The encryptor pads server 2's share under a key server 2 does not hold: subsets {0,1} and
    // {0,2} would disagree.
    List<KeyServerPublicKey> servers = c.weighted(1, 1, 0);
    servers.add(new KeyServerPublicKey(c.ids().get(2), other.keys().get(0).publicKey()));
    EncryptedObject o =
        SealEncryptor.encrypt(PACKAGE, INNER, servers, 2, DemType.AES_256_GCM, MESSAGE, null, RNG)
            .object();
    List<UserSecretKey> first = List.of(c.usk(0, o.fullId()), c.usk(1, o.fullId()));
    assertArrayEquals(MESSAGE, SealDecryptor.decrypt(o, first));
    SealCryptoException e =
        assertThrows(SealCryptoException.class, () -> SealDecryptor.decrypt(o, first, c.publicKeys()));
    assertEquals(SealCryptoException.Code.INCONSISTENT_SHARES, e.code());
  }

  @Test
  void fewerThanThresholdSharesAreRefused() {
    Cluster c = Cluster.of(5);
    EncryptedObject o = encrypt(c, 3);
    SealCryptoException e =
        assertThrows(
            SealCryptoException.class,
            () -> SealDecryptor.decrypt(o, List.of(c.usk(0, o.fullId()), c.usk(4, o.fullId()))));
    assertEquals(SealCryptoException.Code.NOT_ENOUGH_SHARES, e.code());
  }

  @Test
  void fewerThanThresholdSharesAreConsistentWithEverySecret() {
    // Perfect secrecy of the t-of-n split: for t-1 known shares, every candidate value of a secret
    // byte is explained by exactly one choice of the missing share, so t-1 shares reveal nothing.
    byte[] secret = filled(32, 0x5A);
    List<Share> shares = Shamir.split(secret, 3, 5, RNG);
    List<Share> known = shares.subList(0, 2);
    Set<Integer> reachable = new HashSet<>();
    for (int candidate = 0; candidate < 256; candidate++) {
      Share guess = new Share(5, filled(32, candidate));
      List<Share> set = new ArrayList<>(known);
      set.add(guess);
      reachable.add(Shamir.combine(set)[0] & 0xFF);
    }
    assertEquals(256, reachable.size());
  }

  @Test
  void everySingleBitFlipInAnObjectFailsAuthenticationOrParsing() {
    Cluster c = Cluster.of(3);
    for (DemType dem : List.of(DemType.AES_256_GCM, DemType.HMAC_256_CTR)) {
      byte[] aad = {9, 9};
      byte[] bytes =
          SealEncryptor.encrypt(PACKAGE, INNER, c.weighted(1, 1, 1), 2, dem, MESSAGE, aad, RNG)
              .object()
              .toBytes();
      byte[] fullId = EncryptedObject.fromBytes(bytes).fullId();
      List<UserSecretKey> usks = List.of(c.usk(0, fullId), c.usk(1, fullId), c.usk(2, fullId));
      for (int pos = 0; pos < bytes.length; pos++) {
        byte[] tampered = bytes.clone();
        tampered[pos] ^= (byte) (1 << (pos % 8));
        final int p = pos;
        assertThrows(
            SealCryptoException.class,
            () -> SealDecryptor.decrypt(EncryptedObject.fromBytes(tampered), usks),
            () -> dem + ": flip at byte " + p + " was not detected");
      }
    }
  }

  @Test
  void usksForAnotherIdentityDoNotDecrypt() {
    Cluster c = Cluster.of(2);
    EncryptedObject o = encrypt(c, 2);
    byte[] otherId = ObjectIds.fullId(PACKAGE, new byte[] {1, 2, 3, 5});
    assertNotEquals(
        BonehFranklin.extract(c.keys().get(0).secretKey(), otherId),
        BonehFranklin.extract(c.keys().get(0).secretKey(), o.fullId()));
    List<UserSecretKey> wrong = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      G1Point k = BonehFranklin.extract(c.keys().get(i).secretKey(), otherId);
      wrong.add(new UserSecretKey(c.ids().get(i), k));
    }
    assertThrows(SealCryptoException.class, () -> SealDecryptor.decrypt(o, wrong));
  }

  private static EncryptedObject encrypt(Cluster c, int t) {
    int[] ones = new int[c.ids().size()];
    Arrays.fill(ones, 1);
    return SealEncryptor.encrypt(PACKAGE, INNER, c.weighted(ones), t, DemType.AES_256_GCM, MESSAGE, null, RNG)
        .object();
  }

  static byte[] filled(int n, int v) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) v);
    return b;
  }

  private static int[] ints(String s) {
    return Arrays.stream(s.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
  }
}
