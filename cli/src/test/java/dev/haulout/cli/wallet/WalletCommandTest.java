package dev.haulout.cli.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.server.LedgerServer;
import dev.haulout.chain.server.LedgerServerOptions;
import dev.haulout.cli.Haulout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wallet flow against a real ledger server (PostgreSQL from HAULOUT_PG_URL). */
class WalletCommandTest {
  static PgOptions pg;
  static LedgerServer server;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    pg = PgOptions.fromEnv("ledger_cli_" + UUID.randomUUID().toString().substring(0, 8));
    server = LedgerServer.start(LedgerServerOptions.defaults().withPg(pg));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
         Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + pg.schema() + " CASCADE");
    }
  }

  record Result(int code, String out, String err) {}

  Result run(Path key, String... args) {
    String[] full = new String[args.length + 5];
    full[0] = "wallet";
    full[1] = "--keystore";
    full[2] = key.toString();
    full[3] = "--ledger";
    full[4] = server.baseUrl();
    System.arraycopy(args, 0, full, 5, args.length);
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Haulout.run(full);
      return new Result(code, out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8).trim());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void newFaucetBalanceTransferFlow() throws Exception {
    Path alice = dir.resolve("alice.key");
    Path bob = dir.resolve("bob.key");
    Result created = run(alice, "new");
    assertEquals(0, created.code(), created.err());
    assertTrue(SuiAddress.isValid(created.out()), created.out());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(alice)));
    assertEquals(created.out(), run(alice, "address").out());
    assertNotEquals(0, run(alice, "new").code(), "refuses to overwrite");
    String bobAddr = run(bob, "new").out();

    assertEquals(0, run(alice, "faucet", "--amount", "12.5").code());
    assertTrue(run(alice, "balance").out().startsWith("12.5 WAL (12500000000 FROST)"));
    Result sent = run(alice, "transfer", "--to", bobAddr, "--amount", "2.25");
    assertEquals(0, sent.code(), sent.err());
    assertTrue(run(alice, "balance").out().startsWith("10.25 WAL"));
    assertTrue(run(alice, "balance", bobAddr).out().startsWith("2.25 WAL (2250000000 FROST)"));

    Result tooMuch = run(bob, "transfer", "--to", created.out(), "--amount", "3");
    assertEquals(2, tooMuch.code());
    assertTrue(tooMuch.err().contains("insufficient balance"), tooMuch.err());
  }

  @Test
  void importsAndExportsSuiPrivateKeys() {
    Ed25519KeyPair k = Ed25519KeyPair.generate();
    Path key = dir.resolve("imported.key");
    Result r = run(key, "new", "--import", k.toSuiPrivateKey());
    assertEquals(0, r.code(), r.err());
    assertEquals(k.address().toString(), r.out());
    assertEquals(k.toSuiPrivateKey(), run(key, "export").out());
  }
}
