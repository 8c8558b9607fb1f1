package dev.haulout.seal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.client.KeyServerClient;
import dev.haulout.seal.client.KeyServerInfo;
import dev.haulout.seal.client.SealApproveTransactions;
import dev.haulout.seal.client.SealKeyClient;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.policy.AddressAllowlistPolicy;
import dev.haulout.seal.session.SessionKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneKeyServerTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path dir;

  @Test
  void startsFromArgumentsWithAKeyFileAndServesAllowlistedRequesters() throws Exception {
    MasterKeyPair key = MasterKeyPair.generate(RANDOM);
    Path keyFile = dir.resolve("master.key");
    Files.writeString(keyFile, MasterKeys.format(key) + "\n");
    SuiAddress pkg = LoopbackKeyServers.randomAddress();
    SuiAddress objectId = LoopbackKeyServers.randomAddress();
    Ed25519KeyPair alice = Ed25519KeyPair.generate();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (KeyServerHandle h =
        KeyServer.startFromArgs(
            new String[] {
              "--port", "0", "--master-key-file", keyFile.toString(), "--policy-package", pkg.toString(),
              "--object-id", objectId.toString(), "--allow", alice.address().toString()
            },
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8))) {
      assertEquals(key.publicKey(), h.publicKey());
      String line = out.toString(StandardCharsets.UTF_8);
      assertTrue(line.contains(h.url()), line);
      assertFalse(line.contains(MasterKeys.format(key).substring(2)), "the master key must never be printed");
      SealKeyClient client =
          SealKeyClient.create(List.of(new KeyServerInfo(objectId, URI.create(h.url()), h.publicKey())), Duration.ofSeconds(5));
      SessionKey s = SessionKey.create(alice, pkg, 5, Clock.systemUTC(), RANDOM);
      byte[] id = {9};
      assertEquals(1, client.fetchKeys(s, SealApproveTransactions.sealApprove(pkg, "harness", id), id, Map.of(objectId, 1), 1).size());
      KeyServerClient single = new KeyServerClient(new KeyServerInfo(objectId, URI.create(h.url()), h.publicKey()), KeyServerClient.defaultHttpClient(Duration.ofSeconds(2)), Duration.ofSeconds(2));
      assertTrue(single.verifyProofOfPossession().get());
    }
  }

  @Test
  void readsTheMasterKeyFromTheEnvironmentInHexOrBase64() {
    MasterKeyPair key = MasterKeyPair.generate(RANDOM);
    assertEquals(key.publicKey(), MasterKeys.fromEnv(Map.of(MasterKeys.ENV_MASTER_KEY, MasterKeys.format(key)), MasterKeys.ENV_MASTER_KEY).publicKey());
    String b64 = Base64.getEncoder().encodeToString(key.secretKey().toBytes());
    assertEquals(key.publicKey(), MasterKeys.parse(b64).publicKey());
    assertThrows(IllegalArgumentException.class, () -> MasterKeys.fromEnv(Map.of(), MasterKeys.ENV_MASTER_KEY));
  }

  @Test
  void neverEchoesARejectedMasterKey() {
    String secret = "0x" + "ff".repeat(32); // >= r: not a canonical scalar
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterKeys.parse(secret));
    assertFalse(e.getMessage().contains("ffff"), e.getMessage());
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> MasterKeys.parse("not-a-key!"));
    assertFalse(e2.getMessage().contains("not-a-key"), e2.getMessage());
  }

  @Test
  void optionsToStringRedactsTheMasterKey() {
    MasterKeyPair key = MasterKeyPair.generate(RANDOM);
    String s =
        new KeyServerOptions()
            .masterKey(key)
            .objectId(SuiAddress.ZERO)
            .policyPackage(SuiAddress.ZERO)
            .policy(AddressAllowlistPolicy.allowAll())
            .toString();
    assertTrue(s.contains("redacted"), s);
    assertFalse(s.contains(MasterKeys.format(key).substring(2)), s);
  }

  @Test
  void refusesToStartWithoutAPolicy() {
    KeyServerOptions o =
        new KeyServerOptions().masterKey(MasterKeyPair.generate(RANDOM)).objectId(SuiAddress.ZERO).policyPackage(SuiAddress.ZERO);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyServer.start(o));
    assertTrue(e.getMessage().contains("policy"), e.getMessage());
  }
}
