package dev.haulout.storage.write;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.storage.StorageException;
import java.security.SecureRandom;

/** Signs and submits ledger transactions for the write path, translating ledger errors once. */
final class LedgerCalls {
  private static final SecureRandom RANDOM = new SecureRandom();

  private LedgerCalls() {}

  static TxReceipt submit(Ledger ledger, Ed25519KeyPair wallet, TxKind kind) {
    long nonce = RANDOM.nextLong() & Long.MAX_VALUE;
    try {
      return ledger.submit(Transactions.sign(wallet, new TransactionData(wallet.address().toString(), nonce, 0, kind)));
    } catch (LedgerException e) {
      throw translate(e);
    }
  }

  static StorageException translate(LedgerException e) {
    int http = e.httpStatus();
    String status = e.isRetriable() ? "UNAVAILABLE" : http == 402 ? "FAILED_PRECONDITION" : http == 404 ? "NOT_FOUND" : "FAILED_PRECONDITION";
    return StorageException.ledger(status, http, e, "ledger: " + e.getMessage(), null);
  }
}
