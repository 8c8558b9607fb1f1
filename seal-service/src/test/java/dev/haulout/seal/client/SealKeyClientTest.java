package dev.haulout.seal.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.crypto.DataKeySealer;
import dev.haulout.seal.crypto.DemType;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.SealEncryptor;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.crypto.ibe.ObjectIds;
import dev.haulout.seal.envelope.EnvelopeReader;
import dev.haulout.seal.envelope.EnvelopeWriter;
import dev.haulout.seal.policy.AddressAllowlistPolicy;
import dev.haulout.seal.server.KeyServer;
import dev.haulout.seal.server.KeyServerHandle;
import dev.haulout.seal.server.KeyServerOptions;
import dev.haulout.seal.server.LoopbackKeyServers;
import dev.haulout.seal.session.SessionKey;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SealKeyClientTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final SuiAddress PKG = LoopbackKeyServers.randomAddress();
  private static final Ed25519KeyPair ALICE = Ed25519KeyPair.generate();
  private static final byte[] ID = {1, 2, 3, 4};
  /**
   * Per-request timeout where a test proves the client does not wait for a hung server: long enough
   * that the honest servers answer well within it even on a loaded machine. The tests never measure
   * time; a client that wrongly waited would return only after this timeout (and fail them).
   */
  private static final Duration HUNG_SERVER_TIMEOUT = Duration.ofSeconds(60);

  @Test
  void fetchesVerifiedKeysFromAnyThresholdOfServers() {
    try (LoopbackKeyServers s = start(3)) {
      SealKeyClient client = SealKeyClient.create(s.infos(), Duration.ofSeconds(5));
      List<VerifiedUserSecretKey> keys = client.fetchKeys(session(), ptb(), ID, weights(s, 1, 1, 1), 2);
      assertTrue(keys.size() >= 2);
      byte[] fullId = ObjectIds.fullId(PKG.bytes(), ID);
      for (VerifiedUserSecretKey k : keys) {
        int i = indexOf(s, k.keyServer());
        assertEquals(BonehFranklin.extract(s.masterKey(i).secretKey(), fullId), k.key());
      }
    }
  }

  @Test
  void toleratesOneOfThreeServersBeingDown() {
    try (LoopbackKeyServers s = start(3)) {
      SealKeyClient client = SealKeyClient.create(s.infos(), Duration.ofSeconds(5));
      s.get(1).close();
      List<VerifiedUserSecretKey> keys = client.fetchKeys(session(), ptb(), ID, weights(s, 1, 1, 1), 2);
      assertEquals(Set.of(s.get(0).objectId(), s.get(2).objectId()), servers(keys));
    }
  }

  @Test
  void discardsAKeyFromALyingServerAndUsesTheHonestOnes() {
    try (LoopbackKeyServers s = start(2)) {
      // a third server registered under public key A but serving with master key B: its keys are wrong
      MasterKeyPair registered = MasterKeyPair.generate(RANDOM);
      SuiAddress liarId = LoopbackKeyServers.randomAddress();
      try (KeyServerHandle liar =
          KeyServer.start(
              new KeyServerOptions()
                  .masterKey(MasterKeyPair.generate(RANDOM))
                  .objectId(liarId)
                  .policyPackage(PKG)
                  .policy(AddressAllowlistPolicy.of(List.of(ALICE.address()))))) {
        List<KeyServerInfo> infos = new ArrayList<>(s.infos());
        infos.add(new KeyServerInfo(liarId, URI.create(liar.url()), registered.publicKey()));
        SealKeyClient client = SealKeyClient.create(infos, Duration.ofSeconds(5));
        Map<SuiAddress, Integer> w = new LinkedHashMap<>();
        w.put(liarId, 1);
        w.put(s.get(0).objectId(), 1);
        w.put(s.get(1).objectId(), 1);
        List<VerifiedUserSecretKey> keys = client.fetchKeys(session(), ptb(), ID, w, 2);
        assertFalse(servers(keys).contains(liarId));
        assertEquals(2, keys.size());

        // with only the liar and one honest server, the threshold of 2 cannot be met
        SealKeyClient fresh = SealKeyClient.create(infos, Duration.ofSeconds(5));
        Map<SuiAddress, Integer> w2 = new LinkedHashMap<>();
        w2.put(liarId, 1);
        w2.put(s.get(0).objectId(), 1);
        KeyFetchException e =
            assertThrows(KeyFetchException.class, () -> fresh.fetchKeys(session(), ptb(), ID, w2, 2));
        assertEquals(KeyFetchException.Code.THRESHOLD_NOT_REACHED, e.code());
        assertEquals("InvalidKey", e.majorityError());
      }
    }
  }

  @Test
  void doesNotWaitForAHungServerOnceTheThresholdIsReached() throws Exception {
    try (LoopbackKeyServers s = start(2);
        FakeHangingKeyServer hung = new FakeHangingKeyServer()) {
      SuiAddress hungId = LoopbackKeyServers.randomAddress();
      List<KeyServerInfo> infos = new ArrayList<>(s.infos());
      infos.add(new KeyServerInfo(hungId, hung.url(), MasterKeyPair.generate(RANDOM).publicKey()));
      SealKeyClient client = SealKeyClient.create(infos, HUNG_SERVER_TIMEOUT);
      Map<SuiAddress, Integer> w = new LinkedHashMap<>();
      w.put(hungId, 1);
      w.put(s.get(0).objectId(), 1);
      w.put(s.get(1).objectId(), 1);
      List<VerifiedUserSecretKey> keys = client.fetchKeys(session(), ptb(), ID, w, 2);
      assertEquals(Set.of(s.get(0).objectId(), s.get(1).objectId()), servers(keys));
      // a client that waited for the hung server could only have returned once it gave up on it
      // (its request timed out and it closed the connection); no clock involved
      assertEquals(0, hung.connectionsClosedByClient(), "returned only after giving up on the hung server");
    }
  }

  @Test
  void reportsATimeoutWhenAHungServerIsNeeded() throws Exception {
    try (LoopbackKeyServers s = start(1);
        FakeHangingKeyServer hung = new FakeHangingKeyServer()) {
      SuiAddress hungId = LoopbackKeyServers.randomAddress();
      List<KeyServerInfo> infos = new ArrayList<>(s.infos());
      infos.add(new KeyServerInfo(hungId, hung.url(), MasterKeyPair.generate(RANDOM).publicKey()));
      SealKeyClient client = SealKeyClient.create(infos, Duration.ofMillis(800));
      Map<SuiAddress, Integer> w = new LinkedHashMap<>();
      w.put(hungId, 1);
      w.put(s.get(0).objectId(), 1);
      KeyFetchException e = assertThrows(KeyFetchException.class, () -> client.fetchKeys(session(), ptb(), ID, w, 2));
      assertEquals(KeyFetchException.Code.THRESHOLD_NOT_REACHED, e.code());
      assertEquals("Timeout", e.majorityError());
    }
  }

  @Test
  void failsFastOnceTheRemainingServersCannotReachTheThreshold() throws Exception {
    try (LoopbackKeyServers s = LoopbackKeyServers.start(2, PKG, AddressAllowlistPolicy.of(List.of()));
        FakeHangingKeyServer hung = new FakeHangingKeyServer()) {
      SuiAddress hungId = LoopbackKeyServers.randomAddress();
      List<KeyServerInfo> infos = new ArrayList<>(s.infos());
      infos.add(new KeyServerInfo(hungId, hung.url(), MasterKeyPair.generate(RANDOM).publicKey()));
      SealKeyClient client = SealKeyClient.create(infos, HUNG_SERVER_TIMEOUT);
      Map<SuiAddress, Integer> w = new LinkedHashMap<>();
      w.put(hungId, 1);
      w.put(s.get(0).objectId(), 1);
      w.put(s.get(1).objectId(), 1);
      KeyFetchException e = assertThrows(KeyFetchException.class, () -> client.fetchKeys(session(), ptb(), ID, w, 2));
      assertEquals(KeyFetchException.Code.THRESHOLD_NOT_REACHED, e.code());
      // the verdict came from the two refusals alone: the hung server's outcome was not awaited
      assertEquals(
          Set.of(s.get(0).objectId().toString(), s.get(1).objectId().toString()),
          e.failures().stream().map(KeyFetchException.ServerFailure::objectId).collect(Collectors.toSet()));
      assertEquals(2, e.failures().size());
      assertEquals("NoAccess", e.majorityError());
      assertEquals(0, hung.connectionsClosedByClient(), "returned only after giving up on the hung server");
    }
  }

  @Test
  void failsClearlyWhenFewerThanThresholdServersAreUp() {
    try (LoopbackKeyServers s = start(3)) {
      SealKeyClient client = SealKeyClient.create(s.infos(), Duration.ofSeconds(5));
      s.get(0).close();
      s.get(2).close();
      KeyFetchException e =
          assertThrows(KeyFetchException.class, () -> client.fetchKeys(session(), ptb(), ID, weights(s, 1, 1, 1), 2));
      assertEquals(KeyFetchException.Code.THRESHOLD_NOT_REACHED, e.code());
      assertEquals(2, e.failures().size());
      assertEquals("Unreachable", e.majorityError());
      assertTrue(e.isRetriable());
      assertTrue(e.getMessage().contains("threshold 2"), e.getMessage());
    }
  }

  @Test
  void reportsNoAccessWhenEveryServerDenies() {
    try (LoopbackKeyServers s = LoopbackKeyServers.start(3, PKG, AddressAllowlistPolicy.of(List.of()))) {
      SealKeyClient client = SealKeyClient.create(s.infos(), Duration.ofSeconds(5));
      KeyFetchException e =
          assertThrows(KeyFetchException.class, () -> client.fetchKeys(session(), ptb(), ID, weights(s, 1, 1, 1), 2));
      assertEquals("NoAccess", e.majorityError());
      assertFalse(e.isRetriable());
    }
  }

  @Test
  void countsWeightsTowardsTheThreshold() {
    try (LoopbackKeyServers s = start(3)) {
      SealKeyClient client = SealKeyClient.create(s.infos(), Duration.ofSeconds(5));
      s.get(1).close();
      s.get(2).close();
      // server 0 holds 3 of 5 shares: alone it reaches t = 3
      List<VerifiedUserSecretKey> keys = client.fetchKeys(session(), ptb(), ID, weights(s, 3, 1, 1), 3);
      assertEquals(Set.of(s.get(0).objectId()), servers(keys));
    }
  }

  @Test
  void servesRepeatedFetchesForAnIdentityFromItsCache() {
    try (LoopbackKeyServers s = start(3)) {
      SealKeyClient client = SealKeyClient.create(s.infos(), Duration.ofSeconds(5));
      SessionKey session = session();
      client.fetchKeys(session, ptb(), ID, weights(s, 1, 1, 1), 3);
      assertEquals(3, client.cachedKeyCount());
      for (int i = 0; i < s.size(); i++) {
        s.get(i).close();
      }
      assertEquals(3, client.fetchKeys(session, ptb(), ID, weights(s, 1, 1, 1), 3).size());
    }
  }

  @Test
  void verifiesEachServersProofOfPossession() throws Exception {
    try (LoopbackKeyServers s = start(1)) {
      KeyServerClient ok = new KeyServerClient(s.infos().get(0), KeyServerClient.defaultHttpClient(Duration.ofSeconds(2)), Duration.ofSeconds(2));
      assertTrue(ok.verifyProofOfPossession().get());
      KeyServerInfo wrongKey = new KeyServerInfo(s.get(0).objectId(), URI.create(s.get(0).url()), MasterKeyPair.generate(RANDOM).publicKey());
      KeyServerClient bad = new KeyServerClient(wrongKey, KeyServerClient.defaultHttpClient(Duration.ofSeconds(2)), Duration.ofSeconds(2));
      assertFalse(bad.verifyProofOfPossession().get());
    }
  }

  @Test
  void decryptsATwoOfThreeObjectWithOneServerDown() {
    try (LoopbackKeyServers s = start(3)) {
      byte[] msg = "two of three".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] obj = encrypt(s, new int[] {0, 1, 2}, 2, msg);
      SealKeyClient client = SealKeyClient.create(s.infos(), Duration.ofSeconds(5));
      s.get(0).close();
      assertArrayEquals(msg, client.decrypt(obj, session(), "harness"));
    }
  }

  @Test
  void decryptsAWeightedThreeOfFiveObject() {
    try (LoopbackKeyServers s = start(3)) {
      byte[] msg = "weighted".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      // server 1 holds three of the five shares
      byte[] obj = encrypt(s, new int[] {0, 1, 1, 1, 2}, 3, msg);
      SealKeyClient client = SealKeyClient.create(s.infos(), Duration.ofSeconds(5));
      s.get(0).close();
      s.get(2).close();
      assertArrayEquals(msg, client.decrypt(obj, session(), "harness"));
    }
  }

  @Test
  void decryptsAStreamingEnvelopeWhoseDataKeyIsSealedToTheServers() throws Exception {
    try (LoopbackKeyServers s = start(3)) {
      byte[] msg = new byte[100_000];
      RANDOM.nextBytes(msg);
      byte[] dataKey = DataKeySealer.newDataKey(RANDOM);
      List<KeyServerPublicKey> pks = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        pks.add(new KeyServerPublicKey(s.get(i).objectId().bytes(), s.get(i).publicKey()));
      }
      java.io.ByteArrayOutputStream env = new java.io.ByteArrayOutputStream();
      EnvelopeWriter.write(
          new java.io.ByteArrayInputStream(msg), msg.length, env, dataKey,
          DataKeySealer.seal(dataKey, PKG.bytes(), ID, pks, 2, RANDOM), "application/octet-stream", 16 * 1024, RANDOM);
      SealKeyClient client = SealKeyClient.create(s.infos(), Duration.ofSeconds(5));
      s.get(2).close();
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      EnvelopeReader.decrypt(new java.io.ByteArrayInputStream(env.toByteArray()), out, client.dataKeyResolver(session(), "harness"));
      assertArrayEquals(msg, out.toByteArray());
    }
  }

  @Test
  void refusesAnObjectOfAnotherPackage() {
    try (LoopbackKeyServers s = start(1)) {
      byte[] obj = encrypt(s, new int[] {0}, 1, new byte[] {1});
      SealKeyClient client = SealKeyClient.create(s.infos(), Duration.ofSeconds(5));
      SessionKey other = SessionKey.create(ALICE, LoopbackKeyServers.randomAddress(), 10, Clock.systemUTC(), RANDOM);
      KeyFetchException e = assertThrows(KeyFetchException.class, () -> client.decrypt(obj, other, "harness"));
      assertEquals(KeyFetchException.Code.PACKAGE_MISMATCH, e.code());
    }
  }

  private static byte[] encrypt(LoopbackKeyServers s, int[] positions, int t, byte[] msg) {
    List<KeyServerPublicKey> pks = new ArrayList<>();
    for (int i : positions) {
      pks.add(new KeyServerPublicKey(s.get(i).objectId().bytes(), s.get(i).publicKey()));
    }
    return SealEncryptor.encrypt(PKG.bytes(), ID, pks, t, DemType.AES_256_GCM, msg, null, RANDOM).object().toBytes();
  }

  private static LoopbackKeyServers start(int n) {
    return LoopbackKeyServers.start(n, PKG, AddressAllowlistPolicy.of(List.of(ALICE.address())));
  }

  private static SessionKey session() {
    return SessionKey.create(ALICE, PKG, 10, Clock.systemUTC(), RANDOM);
  }

  private static byte[] ptb() {
    return SealApproveTransactions.sealApprove(PKG, "harness", ID);
  }

  private static Map<SuiAddress, Integer> weights(LoopbackKeyServers s, int... w) {
    Map<SuiAddress, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < w.length; i++) {
      m.put(s.get(i).objectId(), w[i]);
    }
    return m;
  }

  private static int indexOf(LoopbackKeyServers s, SuiAddress id) {
    for (int i = 0; i < s.size(); i++) {
      if (s.get(i).objectId().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("unknown server " + id);
  }

  private static Set<SuiAddress> servers(List<VerifiedUserSecretKey> keys) {
    return keys.stream().map(VerifiedUserSecretKey::keyServer).collect(Collectors.toSet());
  }
}
