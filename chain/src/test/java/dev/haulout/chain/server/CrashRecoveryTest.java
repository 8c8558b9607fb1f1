package dev.haulout.chain.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.ChainAudit;
import dev.haulout.chain.ChainEvent;
import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.SignedTransaction;
import dev.haulout.chain.TestLedgers;
import dev.haulout.chain.Wal;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Runs the ledger server as a separate JVM, SIGKILLs it under concurrent load, restarts it on the
 * same schema and checks that nothing acknowledged was lost, nothing was applied twice, balances
 * are exact and the hash chain and event sequence verify.
 */
class CrashRecoveryTest {
  record Planned(SignedTransaction tx, int from, int to, long amount) {}

  @Test
  void killedMidLoadRecoversWithEveryCommittedTransactionExactlyOnce() throws Exception {
    PgOptions pg = TestLedgers.freshSchema("ledger_crash");
    Path log = Files.createTempFile("ledger-crash", ".log");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    Process server = spawn(pg, port, log);
    try {
      HttpLedgerClient client = HttpLedgerClient.create(url, Duration.ofSeconds(10));
      awaitUp(client);
      int nAccounts = 6;
      List<Ed25519KeyPair> keys = new ArrayList<>();
      for (int i = 0; i < nAccounts; i++) {
        Ed25519KeyPair k = Ed25519KeyPair.generate();
        client.faucet(k.address(), 1000 * Wal.FROST_PER_WAL);
        keys.add(k);
      }
      Random rnd = new Random(7);
      List<Planned> plan = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        int from = rnd.nextInt(nAccounts);
        int to = (from + 1 + rnd.nextInt(nAccounts - 1)) % nAccounts;
        long amount = 1 + rnd.nextInt(1_000_000);
        Ed25519KeyPair k = keys.get(from);
        plan.add(new Planned(Transactions.sign(k, new TransactionData(k.address().toString(), TestLedgers.nonce(), 0,
            new TxKind.Transfer(keys.get(to).address().toString(), amount))), from, to, amount));
      }
      List<Integer> acked = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger next = new AtomicInteger();
      AtomicBoolean stop = new AtomicBoolean();
      long loadStart = System.nanoTime();
      ExecutorService load = Executors.newFixedThreadPool(8);
      for (int t = 0; t < 8; t++) {
        load.submit(() -> {
          while (!stop.get()) {
            int i = next.getAndIncrement();
            if (i >= plan.size()) {
              return;
            }
            try {
              client.submit(plan.get(i).tx());
              acked.add(i);
            } catch (LedgerException e) {
              if (e.code() == ErrorCode.UNAVAILABLE) {
                return; // the server died under us: this one may or may not have committed
              }
              throw e;
            }
          }
        });
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (acked.size() < 300 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
      server.destroyForcibly(); // SIGKILL on Unix
      server.waitFor(30, TimeUnit.SECONDS);
      stop.set(true);
      load.shutdown();
      assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));
      int attempted = Math.min(next.get(), plan.size());
      System.out.printf("crash test: killed after %d acknowledged of %d attempted transfers in %d ms of load%n",
          acked.size(), attempted, loadMs);
      assertTrue(acked.size() >= 300, "load ran before the kill: " + acked.size());

      server = spawn(pg, port, log);
      awaitUp(client);
      for (int i : acked) {
        LedgerException e = org.junit.jupiter.api.Assertions.assertThrows(LedgerException.class,
            () -> client.submit(plan.get(i).tx()));
        assertEquals(ErrorCode.TX_ALREADY_EXECUTED, e.code(), "acknowledged transaction survived the crash");
      }
      int recovered = 0;
      for (int i = 0; i < attempted; i++) {
        try {
          client.submit(plan.get(i).tx());
          recovered++;
        } catch (LedgerException e) {
          assertEquals(ErrorCode.TX_ALREADY_EXECUTED, e.code());
        }
      }
      System.out.printf("crash test: %d in-flight transfers were not committed and were re-submitted%n", recovered);
      Map<Integer, Long> expected = new HashMap<>();
      for (int i = 0; i < nAccounts; i++) {
        expected.put(i, 1000 * Wal.FROST_PER_WAL);
      }
      for (int i = 0; i < attempted; i++) {
        Planned p = plan.get(i);
        expected.merge(p.from(), -p.amount(), Long::sum);
        expected.merge(p.to(), p.amount(), Long::sum);
      }
      for (int i = 0; i < nAccounts; i++) {
        assertEquals((long) expected.get(i), client.balance(keys.get(i).address()), "account " + i);
      }
      ChainAudit audit = client.audit();
      assertTrue(audit.ok(), audit.toString());
      assertEquals(nAccounts + attempted, audit.transactions() - 1, "genesis + faucets + each transfer once");
      long seq = 0;
      List<ChainEvent> page;
      do {
        page = client.events(seq, 1000);
        for (ChainEvent e : page) {
          assertEquals(seq + 1, e.seq(), "event sequence is gap-free");
          seq = e.seq();
        }
      } while (!page.isEmpty());
    } finally {
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
      TestLedgers.dropSchema(pg);
    }
  }

  private static Process spawn(PgOptions pg, int port, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        LedgerServer.class.getName());
    Map<String, String> env = pb.environment();
    env.put("HAULOUT_PG_URL", pg.url());
    env.put("HAULOUT_PG_USER", pg.user());
    env.put("HAULOUT_PG_PASSWORD", pg.password());
    env.put("HAULOUT_LEDGER_SCHEMA", pg.schema());
    env.put("HAULOUT_LEDGER_PORT", Integer.toString(port));
    env.remove("HAULOUT_KAFKA");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log.toString())));
    return pb.start();
  }

  private static void awaitUp(HttpLedgerClient client) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        client.systemState();
        return;
      } catch (LedgerException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
