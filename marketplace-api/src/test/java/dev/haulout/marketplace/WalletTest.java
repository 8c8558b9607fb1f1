package dev.haulout.marketplace;

import static dev.haulout.marketplace.TestSupport.graphql;
import static dev.haulout.marketplace.TestSupport.userToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.Wal;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.crypto.SuiSignatures;
import dev.haulout.marketplace.adapter.embedded.EmbeddedNetwork;
import dev.haulout.marketplace.application.port.Wallets;
import dev.haulout.marketplace.application.port.Wallets.Wallet;
import dev.haulout.marketplace.domain.Viewer;
import dev.haulout.wire.SuiAddress;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Managed wallets on the embedded network: created once, funded once, sealed at rest, linkable. */
@QuarkusTest
@TestProfile(EmbeddedNetworkProfile.class)
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class WalletTest {
  static final long FAUCET = 1000 * Wal.FROST_PER_WAL;
  static final String WALLET = "{ me { wallet { address managed balanceFrost } } }";

  @Inject Wallets wallets;
  @Inject EmbeddedNetwork network;

  static Viewer viewer(String subject) {
    return new Viewer(subject, subject, null, Set.of("buyer"), false);
  }

  @Test
  void aliceGetsAManagedWalletFundedOnceFromTheFaucet() {
    String token = userToken("alice", "alice-pw");
    JsonPath first = graphql(WALLET, Map.of(), token).then().statusCode(200).extract().jsonPath();
    assertNull(first.get("errors"), first.prettify());
    String address = first.getString("data.me.wallet.address");
    assertTrue(address.matches("0x[0-9a-f]{64}"), address);
    assertTrue(first.getBoolean("data.me.wallet.managed"));
    // other tests of this profile may have spent from alice's wallet already (same embedded ledger):
    // the faucet's exact amount on a fresh subject is checked in concurrentFirstUses…; here, the
    // balance is the ledger's and a second use pays nothing more
    long balance = first.getLong("data.me.wallet.balanceFrost");
    assertTrue(balance > 0 && balance <= FAUCET, "funded from the faucet: " + balance);
    assertEquals(balance, network.ledger().balance(SuiAddress.parse(address)));
    JsonPath again = graphql(WALLET, Map.of(), token).then().statusCode(200).extract().jsonPath();
    assertEquals(address, again.getString("data.me.wallet.address"));
    assertEquals(balance, again.getLong("data.me.wallet.balanceFrost"), "funded once, not on every use");
  }

  @Test
  void anonymousCallersHaveNoWallet() {
    JsonPath r = graphql(WALLET).then().statusCode(200).extract().jsonPath();
    assertEquals("UNAUTHENTICATED", r.getString("errors[0].extensions.code"));
    JsonPath c = graphql("{ walletChallenge }").then().statusCode(200).extract().jsonPath();
    assertEquals("UNAUTHENTICATED", c.getString("errors[0].extensions.code"));
  }

  @Test
  void concurrentFirstUsesMakeOneWalletAndOneFaucetPayment() throws Exception {
    String subject = "race-" + UUID.randomUUID();
    List<CompletableFuture<Wallet>> all = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      all.add(wallets.walletOf(viewer(subject)).subscribeAsCompletionStage().toCompletableFuture());
    }
    Set<String> addresses = new java.util.HashSet<>();
    for (var f : all) {
      Wallet w = f.get(60, TimeUnit.SECONDS);
      assertTrue(w.managed());
      assertEquals(w.address(), w.signer().address(), "the signer is the wallet's key");
      addresses.add(w.address().toString());
    }
    assertEquals(1, addresses.size(), "every concurrent first use sees the same wallet");
    assertEquals(1, count("SELECT count(*) FROM wallet WHERE subject = '" + subject + "'"));
    assertEquals(FAUCET, network.ledger().balance(all.get(0).get().address()), "the faucet paid once");
  }

  @Test
  void theSeedIsNeverInTheDatabaseInClearNorInTheLog() throws Exception {
    String subject = "sealed-" + UUID.randomUUID();
    Wallet w;
    try (LogCapture logs = new LogCapture()) {
      w = wallets.walletOf(viewer(subject)).await().atMost(Duration.ofSeconds(60));
      byte[] seed = w.signer().privateKey();
      List<String> secrets = List.of(HexFormat.of().formatHex(seed), Base64.getEncoder().encodeToString(seed),
          Base64.getUrlEncoder().withoutPadding().encodeToString(seed), w.signer().toSuiPrivateKey(),
          ConfigProvider.getConfig().getValue("haulout.wallet.kek", String.class));
      String log = String.join("\n", logs.messages());
      assertTrue(log.contains(w.address().toString()), "the creation is logged (by address)");
      for (String s : secrets) {
        assertFalse(log.contains(s), "a secret was logged");
      }
      assertFalse(w.toString().contains(secrets.get(0)));
      try (var c = db(); var st = c.prepareStatement("SELECT * FROM wallet WHERE subject = ?")) {
        st.setString(1, subject);
        try (var rs = st.executeQuery()) {
          assertTrue(rs.next());
          byte[] sealed = rs.getBytes("seed_sealed");
          assertEquals(60, sealed.length);
          assertFalse(contains(sealed, seed), "the seed is not in the ciphertext column");
          for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
            byte[] raw = rs.getBytes(col);
            String text = rs.getString(col);
            if (raw != null) {
              assertFalse(contains(raw, seed), "seed in column " + rs.getMetaData().getColumnName(col));
            }
            for (String s : secrets) {
              assertFalse(text != null && text.contains(s), "secret in column " + rs.getMetaData().getColumnName(col));
            }
          }
        }
      }
    }
    Wallet again = wallets.walletOf(viewer(subject)).await().atMost(Duration.ofSeconds(30));
    assertEquals(w.address(), again.signer().address(), "the sealed seed opens to the same key");
  }

  @Test
  void bobLinksHisOwnAddressBySigningTheChallenge() throws Exception {
    String token = userToken("bob", "bob-pw");
    Ed25519KeyPair own = Ed25519KeyPair.generate();
    String managed = graphql(WALLET, Map.of(), token).then().statusCode(200).extract().path("data.me.wallet.address");
    SuiAddress managedAddress = SuiAddress.parse(managed);
    long managedBalance = network.ledger().balance(managedAddress);
    String link = "mutation($a: String!, $s: String!) { linkWallet(address: $a, signature: $s) { address managed } }";

    // without a challenge
    JsonPath none = graphql(link, Map.of("a", own.address().toString(), "s", "AAAA"), token)
        .then().statusCode(200).extract().jsonPath();
    assertEquals("CHALLENGE_EXPIRED", none.getString("errors[0].extensions.code"));

    // signed by another key
    String challenge = challenge(token);
    assertTrue(challenge.contains("Nonce: "), challenge);
    String foreign = SuiSignatures.signPersonalMessage(Ed25519KeyPair.generate(), challenge.getBytes(StandardCharsets.UTF_8));
    JsonPath wrong = graphql(link, Map.of("a", own.address().toString(), "s", foreign), token)
        .then().statusCode(200).extract().jsonPath();
    assertEquals("INVALID_SIGNATURE", wrong.getString("errors[0].extensions.code"));

    // a malformed address
    JsonPath bad = graphql(link, Map.of("a", "0xnot-an-address", "s", foreign), token).then().statusCode(200).extract().jsonPath();
    assertEquals("INVALID_ARGUMENT", bad.getString("errors[0].extensions.code"));

    // the right signature, over a fresh challenge
    String fresh = challenge(token);
    assertFalse(fresh.equals(challenge), "a challenge is fresh each time");
    String sig = SuiSignatures.signPersonalMessage(own, fresh.getBytes(StandardCharsets.UTF_8));
    JsonPath ok = graphql(link, Map.of("a", own.address().toString(), "s", sig), token)
        .then().statusCode(200).extract().jsonPath();
    assertNull(ok.get("errors"), ok.prettify());
    assertEquals(own.address().toString(), ok.getString("data.linkWallet.address"));
    assertFalse(ok.getBoolean("data.linkWallet.managed"));

    // the challenge was single use
    JsonPath replay = graphql(link, Map.of("a", own.address().toString(), "s", sig), token)
        .then().statusCode(200).extract().jsonPath();
    assertEquals("CHALLENGE_EXPIRED", replay.getString("errors[0].extensions.code"));

    try {
      JsonPath me = graphql(WALLET, Map.of(), token).then().statusCode(200).extract().jsonPath();
      assertEquals(own.address().toString(), me.getString("data.me.wallet.address"));
      assertFalse(me.getBoolean("data.me.wallet.managed"));
      // linking swept the managed wallet (WalletSweep): its WAL is now at the linked address, none left behind
      assertEquals(managedBalance, me.getLong("data.me.wallet.balanceFrost"), "the managed wallet's WAL moved");
      assertEquals(0L, network.ledger().balance(managedAddress), "nothing is stranded in the managed wallet");
    } finally {
      unlink(token, own, managedAddress);
    }
  }

  @Test
  void aManagedWalletThatCannotBeSweptIsNotLinked() {
    // a subject whose managed wallet cannot be opened (its row was sealed under another KEK) cannot
    // be swept: the link is refused and the managed wallet stays the subject's wallet
    String subject = "sweep-" + UUID.randomUUID();
    Wallet w = wallets.walletOf(viewer(subject)).await().atMost(Duration.ofSeconds(60));
    String challenge = wallets.challenge(viewer(subject)).await().atMost(Duration.ofSeconds(10));
    Ed25519KeyPair own = Ed25519KeyPair.generate();
    String sig = SuiSignatures.signPersonalMessage(own, challenge.getBytes(StandardCharsets.UTF_8));
    try {
      exec("UPDATE wallet SET kek_id = 'ffffffffffffffff' WHERE subject = '" + subject + "'");
      var failure = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
          () -> wallets.link(viewer(subject), own.address(), sig).await().atMost(Duration.ofSeconds(30)));
      assertTrue(failure.getMessage().contains("cannot be opened"), failure.getMessage());
      exec("UPDATE wallet SET kek_id = (SELECT kek_id FROM wallet WHERE subject <> '" + subject + "' LIMIT 1)"
          + " WHERE subject = '" + subject + "'");
      Wallet after = wallets.walletOf(viewer(subject)).await().atMost(Duration.ofSeconds(30));
      assertTrue(after.managed(), "not linked");
      assertEquals(w.address(), after.address());
      assertEquals(FAUCET, network.ledger().balance(w.address()), "its WAL did not move");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Back to bob's managed wallet for the other tests of this profile: his WAL returns, the link goes. */
  void unlink(String token, Ed25519KeyPair own, SuiAddress managedAddress) throws Exception {
    long back = network.ledger().balance(own.address());
    if (back > 0) {
      network.ledger().submit(dev.haulout.chain.tx.Transactions.sign(own, new dev.haulout.chain.tx.TransactionData(
          own.address().toString(), System.nanoTime(), 0, new dev.haulout.chain.tx.TxKind.Transfer(managedAddress.toString(), back))));
    }
    exec("UPDATE wallet SET linked_address = NULL, linked_ms = NULL WHERE linked_address = '" + own.address() + "'");
    assertTrue(graphql(WALLET, Map.of(), token).then().extract().<Boolean>path("data.me.wallet.managed"));
  }

  static void exec(String sql) throws java.sql.SQLException {
    try (var c = db(); var st = c.createStatement()) {
      st.executeUpdate(sql);
    }
  }

  static String challenge(String token) {
    JsonPath c = graphql("{ walletChallenge }", Map.of(), token).then().statusCode(200).extract().jsonPath();
    String text = c.getString("data.walletChallenge");
    assertNotNull(text, c.prettify());
    return text;
  }

  static java.sql.Connection db() throws java.sql.SQLException {
    var c = ConfigProvider.getConfig();
    return DriverManager.getConnection(c.getValue("quarkus.datasource.jdbc.url", String.class),
        c.getValue("quarkus.datasource.username", String.class), c.getValue("quarkus.datasource.password", String.class));
  }

  static long count(String sql) throws java.sql.SQLException {
    try (var c = db(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
