package dev.haulout.marketplace.application;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.AccessPass;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.wire.SuiAddress;
import java.security.SecureRandom;
import java.util.List;

/**
 * Empties a managed wallet into the address its owner links (docs/commerce.md, "Managed and linked
 * wallets"): once linked, the marketplace no longer acts with the managed key, so what it holds
 * would be stranded. Every AccessPass moves ({@code TransferObject}) and then the whole WAL balance
 * ({@code Transfer}). Rentals stay: the ledger does not transfer them (they keep reading through the
 * gateway only while the wallet is managed). Blocking; runs on a worker thread.
 */
public final class WalletSweep {
  private static final SecureRandom NONCES = new SecureRandom();

  /** What moved: FROST and the ids of the passes. */
  public record Swept(long frost, List<String> passes) {}

  private WalletSweep() {}

  public static Swept sweep(Ledger ledger, Ed25519KeyPair from, SuiAddress to) {
    if (from.address().equals(to)) {
      return new Swept(0, List.of());
    }
    String sender = from.address().toString();
    try {
      List<String> passes = ledger.ownedObjects(from.address(), "AccessPass").stream()
          .map(v -> v.object()).filter(AccessPass.class::isInstance).map(o -> ((AccessPass) o).id()).toList();
      for (String pass : passes) {
        ledger.submit(Transactions.sign(from, new TransactionData(sender, NONCES.nextLong(), 0,
            new TxKind.TransferObject(pass, to.toString()))));
      }
      long balance = ledger.balance(from.address());
      if (balance > 0) {
        ledger.submit(Transactions.sign(from, new TransactionData(sender, NONCES.nextLong(), 0,
            new TxKind.Transfer(to.toString(), balance))));
      }
      return new Swept(Math.max(balance, 0), passes);
    } catch (LedgerException e) {
      throw new CatalogException(ErrorCode.UNAVAILABLE,
          "the managed wallet could not be emptied into the linked address (" + e.code() + "); nothing was linked, retry", e);
    }
  }
}
