package dev.haulout.chain.adapter.pg;

import static dev.haulout.chain.TestLedgers.sign;
import static dev.haulout.chain.TestLedgers.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.ChainAudit;
import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.SignedTransaction;
import dev.haulout.chain.TestLedgers;
import dev.haulout.chain.Wal;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.tx.TxKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DoubleSpendTest {
  @Test
  void hundredConcurrentPurchasesOnOneBalanceSucceedExactlyAsOftenAsAffordable() throws Exception {
    PgOptions o = TestLedgers.freshSchema("ledger_race").withPoolSize(16);
    try (PgLedger ledger = PgLedger.open(o, LedgerConfig.localnet(), Clock.systemUTC(),
        dev.haulout.chain.adapter.bls.BlsCertificates.verifier())) {
      long price = 3 * Wal.FROST_PER_WAL;
      Ed25519KeyPair seller = Ed25519KeyPair.generate();
      ledger.faucet(seller.address(), 1);
      List<String> listings = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        listings.add(ledger.submit(sign(seller, new TxKind.CreateListing(spec(price, 0, 0, null)))).createdObjects().get(0));
      }
      Ed25519KeyPair buyer = Ed25519KeyPair.generate();
      int affordable = 37;
      ledger.faucet(buyer.address(), affordable * price + price - 1);
      List<SignedTransaction> txs = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        txs.add(sign(buyer, new TxKind.Buy(listings.get(i % listings.size()), price)));
      }
      ExecutorService pool = Executors.newFixedThreadPool(32);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (SignedTransaction tx : txs) {
        results.add(pool.submit(() -> {
          start.await();
          try {
            ledger.submit(tx);
            return "OK";
          } catch (LedgerException e) {
            return e.code().name();
          }
        }));
      }
      long t0 = System.nanoTime();
      start.countDown();
      int ok = 0;
      int poor = 0;
      List<SignedTransaction> applied = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        String r = results.get(i).get(2, TimeUnit.MINUTES);
        if (r.equals("OK")) {
          ok++;
          applied.add(txs.get(i));
        } else {
          assertEquals(ErrorCode.INSUFFICIENT_BALANCE.name(), r);
          poor++;
        }
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      pool.shutdown();
      System.out.printf("double-spend race: 100 purchases in %d ms, %d ok, %d rejected%n", ms, ok, poor);
      assertEquals(affordable, ok);
      assertEquals(100 - affordable, poor);
      assertEquals(price - 1, ledger.balance(buyer.address()));
      assertEquals(affordable, ledger.ownedObjects(buyer.address(), "AccessPass").size());
      long fee = price * LedgerConfig.DEFAULT_FEE_BPS / 10_000;
      assertEquals(1 + affordable * (price - fee), ledger.balance(seller.address()));
      assertEquals(affordable * fee, ledger.balance(SuiAddress.parse(LedgerConfig.DEFAULT_MARKETPLACE_ADDRESS)));
      ChainAudit audit = ledger.audit();
      assertTrue(audit.ok(), audit.toString());
      // replay exactly the purchases that succeeded, with enough money for all of them again:
      // only the replay protection can refuse them now, and it must say so
      long topUp = affordable * price;
      ledger.faucet(buyer.address(), topUp);
      long sellerBefore = ledger.balance(seller.address());
      for (SignedTransaction tx : applied) {
        LedgerException e = assertThrows(LedgerException.class, () -> ledger.submit(tx));
        assertEquals(ErrorCode.TX_ALREADY_EXECUTED, e.code());
      }
      assertEquals(price - 1 + topUp, ledger.balance(buyer.address()), "replays charged nothing");
      assertEquals(sellerBefore, ledger.balance(seller.address()));
      assertEquals(affordable, ledger.ownedObjects(buyer.address(), "AccessPass").size(), "replays issued no pass");
      assertTrue(ledger.audit().ok());
    } finally {
      TestLedgers.dropSchema(o);
    }
  }
}
