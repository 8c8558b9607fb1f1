package dev.haulout.seal.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.AccessIdentity;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.Wal;
import dev.haulout.chain.adapter.pg.PgLedger;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.seal.client.KeyFetchException;
import dev.haulout.seal.client.SealApproveTransactions;
import dev.haulout.seal.client.SealKeyClient;
import dev.haulout.seal.crypto.DemType;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.SealEncryptor;
import dev.haulout.seal.server.LoopbackKeyServers;
import dev.haulout.seal.session.SessionKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Key servers backed by the real embedded ledger (PostgreSQL from services/services.sh, address
 * from HAULOUT_PG_URL): a buyer's access pass releases keys, a stranger is refused, and a ledger
 * outage is a retriable Failure, not a denial.
 */
class LedgerAccessPolicyTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicLong NONCE = new AtomicLong(System.nanoTime());
  private static final SuiAddress PKG = LoopbackKeyServers.randomAddress();

  private static PgOptions pg;
  private static PgLedger ledger;

  @BeforeAll
  static void openLedger() {
    String schema = ("seal_ks_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    pg = PgOptions.fromEnv(schema);
    ledger = PgLedger.open(pg, LedgerConfig.localnet());
  }

  @AfterAll
  static void dropSchema() throws Exception {
    ledger.close();
    try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + pg.schema() + " CASCADE");
    }
  }

  @Test
  void releasesKeysToAnAccessPassHolderAndRefusesOthers() {
    Ed25519KeyPair seller = Ed25519KeyPair.generate();
    ledger.faucet(seller.address(), 1);
    String listing =
        ledger.submit(sign(seller, new TxKind.CreateListing(spec(5 * Wal.FROST_PER_WAL)))).createdObjects().get(0);
    Ed25519KeyPair buyer = Ed25519KeyPair.generate();
    ledger.faucet(buyer.address(), 10 * Wal.FROST_PER_WAL);
    ledger.submit(sign(buyer, new TxKind.Buy(listing, 5 * Wal.FROST_PER_WAL)));
    Ed25519KeyPair stranger = Ed25519KeyPair.generate();

    byte[] inner = AccessIdentity.innerId(listing, new byte[] {1, 2, 3});
    byte[] msg = "dataset key".getBytes(StandardCharsets.UTF_8);
    try (LoopbackKeyServers s = LoopbackKeyServers.start(3, PKG, LedgerAccessPolicy.of(ledger))) {
      List<KeyServerPublicKey> pks = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        pks.add(new KeyServerPublicKey(s.get(i).objectId().bytes(), s.get(i).publicKey()));
      }
      byte[] obj = SealEncryptor.encrypt(PKG.bytes(), inner, pks, 2, DemType.AES_256_GCM, msg, null, RANDOM).object().toBytes();
      SealKeyClient client = SealKeyClient.create(s.infos(), Duration.ofSeconds(5));
      assertArrayEquals(msg, client.decrypt(obj, session(buyer), "listing"));
      assertArrayEquals(msg, SealKeyClient.create(s.infos()).decrypt(obj, session(seller), "listing"));

      KeyFetchException denied =
          assertThrows(KeyFetchException.class, () -> SealKeyClient.create(s.infos()).decrypt(obj, session(stranger), "listing"));
      assertEquals("NoAccess", denied.majorityError());
      assertTrue(denied.getMessage().contains("NO_ACCESS"), denied.getMessage());

      KeyFetchException wrongModule =
          assertThrows(KeyFetchException.class, () -> SealKeyClient.create(s.infos()).decrypt(obj, session(buyer), "harness"));
      assertEquals("InvalidPTB", wrongModule.majorityError());
    }
  }

  @Test
  void reportsALedgerOutageAsARetriableFailure() {
    String schema = ("seal_ks_down_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    PgOptions other = PgOptions.fromEnv(schema);
    PgLedger closed = PgLedger.open(other, LedgerConfig.localnet());
    try (LoopbackKeyServers s = LoopbackKeyServers.start(1, PKG, LedgerAccessPolicy.of(closed))) {
      closed.close();
      byte[] inner = new byte[40];
      SealKeyClient client = SealKeyClient.create(s.infos(), Duration.ofSeconds(5));
      KeyFetchException e =
          assertThrows(
              KeyFetchException.class,
              () -> client.fetchKeys(session(Ed25519KeyPair.generate()),
                  SealApproveTransactions.sealApprove(PKG, "listing", inner), inner,
                  java.util.Map.of(s.get(0).objectId(), 1), 1));
      assertEquals("Failure", e.majorityError());
      assertTrue(e.isRetriable());
    } finally {
      try (Connection c = DriverManager.getConnection(other.url(), other.user(), other.password());
          Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA IF EXISTS " + other.schema() + " CASCADE");
      } catch (Exception ignored) {
        // best effort cleanup
      }
    }
  }

  private static SessionKey session(Ed25519KeyPair user) {
    return SessionKey.create(user, PKG, 10, Clock.systemUTC(), RANDOM);
  }

  private static dev.haulout.chain.SignedTransaction sign(Ed25519KeyPair key, TxKind kind) {
    return Transactions.sign(key, new TransactionData(key.address().toString(), NONCE.incrementAndGet(), 0, kind));
  }

  private static ListingSpec spec(long buyPrice) {
    return new ListingSpec(
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", "sealed:0xabc", "Sealed dataset", "test listing",
        List.of("test"), "CC-BY-4.0", 1024, "bin", "-", "-", buyPrice, 0, 0, null);
  }
}
