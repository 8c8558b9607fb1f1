package dev.haulout.chain.adapter.pg;

import static dev.haulout.chain.TestLedgers.sign;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.ChainAudit;
import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.LedgerContractTest;
import dev.haulout.chain.MutableClock;
import dev.haulout.chain.TestLedgers;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.chain.tx.TxKind;
import org.junit.jupiter.api.Test;

/** The ledger contract on the embedded PostgreSQL adapter, plus adapter-specific checks. */
class PgLedgerContractTest extends LedgerContractTest {
  @Override
  protected Ledger open(PgOptions pg, MutableClock clock) {
    return PgLedger.open(pg, LedgerConfig.localnet(), clock, BlsCertificates.verifier());
  }

  @Test
  void auditDetectsTamperedHistory() throws Exception {
    PgOptions o = TestLedgers.freshSchema("ledger_tamper");
    try (PgLedger l = PgLedger.open(o, LedgerConfig.localnet(), clock, BlsCertificates.verifier())) {
      Ed25519KeyPair a = Ed25519KeyPair.generate();
      l.faucet(a.address(), 5 * WAL);
      l.submit(sign(a, new TxKind.Transfer(SuiAddress.ZERO.toString(), WAL)));
      assertTrue(l.audit().ok());
      try (var c = java.sql.DriverManager.getConnection(o.url(), o.user(), o.password());
           var st = c.createStatement()) {
        st.execute("UPDATE " + o.schema() + ".transactions SET effects = replace(effects, '1000000000', '2000000000') WHERE seq = 3");
      }
      ChainAudit audit = l.audit();
      assertFalse(audit.hashChainValid());
      assertTrue(audit.supplyBalanced());
    } finally {
      TestLedgers.dropSchema(o);
    }
  }
}
