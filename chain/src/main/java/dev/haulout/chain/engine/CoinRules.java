package dev.haulout.chain.engine;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.model.AccessPass;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.StorageResource;
import dev.haulout.chain.tx.TxKind;

/** Coins and owned objects: WAL transfers, the localnet faucet's mint, and moving an owned object. */
final class CoinRules {
  private CoinRules() {}

  static void transfer(RuleContext ctx, String from, TxKind.Transfer t) {
    long amt = Amounts.positive(t.amountFrost());
    ctx.debit(from, amt);
    ctx.credit(t.to(), amt);
    ctx.event("CoinTransferred", t.to(), 0, EventBodies.of("from", from, "to", t.to(), "amountFrost", amt));
  }

  /** Localnet only: mints {@code amt} FROST to {@code to}, counted in {@link TransactionExecutor#MINTED}. */
  static void faucet(RuleContext ctx, String to, long amt) {
    if (!ctx.config.faucetEnabled()) {
      throw new LedgerException(ErrorCode.FAUCET_DISABLED, "faucet is disabled on this ledger");
    }
    if (amt <= 0 || amt > ctx.config.faucetMaxFrost()) {
      throw new LedgerException(ErrorCode.INVALID_AMOUNT, "faucet amount must be 1.." + ctx.config.faucetMaxFrost());
    }
    ctx.credit(to, amt);
    ctx.addCounter(TransactionExecutor.MINTED, amt);
    ctx.event("CoinMinted", to, 0, EventBodies.of("to", to, "amountFrost", amt));
  }

  /** Access passes, storage resources and blobs move to a new owner; other objects are not transferable. */
  static void transferObject(RuleContext ctx, String s, TxKind.TransferObject t) {
    ChainObject o = ctx.loadAny(t.objectId()).object();
    RuleContext.requireOwner(s, o);
    ChainObject moved;
    if (o instanceof AccessPass p) {
      moved = p.withOwner(t.to());
    } else if (o instanceof StorageResource r) {
      moved = new StorageResource(r.id(), t.to(), r.startEpoch(), r.endEpoch(), r.storageSize());
    } else if (o instanceof Blob b) {
      moved = new Blob(b.id(), t.to(), b.registeredEpoch(), b.blobId(), b.size(), b.encodingType(),
          b.certifiedEpoch(), b.storage(), b.deletable());
    } else {
      throw new LedgerException(ErrorCode.WRONG_OBJECT_TYPE, o.typeName() + " is not transferable");
    }
    long v = ctx.update(moved);
    ctx.event("ObjectTransferred", o.id(), v, EventBodies.of("objectType", o.typeName(), "from", s, "to", t.to()));
  }
}
