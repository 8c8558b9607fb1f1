package dev.haulout.chain.engine;

import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.tx.TransactionData;

/**
 * Executes one transaction against a {@link LedgerState}. Pure logic: the caller supplies the
 * atomic unit of work and rolls everything back if this throws. A user transaction goes to the
 * rule of its kind ({@link RuleTable}: {@link CoinRules}, {@link ListingRules}, {@link
 * StorageRules}, {@link StakingRules}); the ledger's own operations are {@link SystemRules} and the
 * faucet. All rules share one {@link RuleContext}.
 */
public final class TransactionExecutor {
  /** The counter of all WAL the faucet minted (the supply identity's left side). */
  public static final String MINTED = "minted";
  /** Counter prefix of an epoch's storage fund, paid out at its end: {@code storage_fund:<epoch>}. */
  public static final String FUND_PREFIX = "storage_fund:";

  private final RuleContext ctx;

  public TransactionExecutor(
      LedgerState state, LedgerConfig config, CertificateVerifier certificates, String digest, long nowMs) {
    this.ctx = new RuleContext(state, config, certificates, digest, nowMs);
  }

  public Effects effects() {
    return ctx.effects;
  }

  public Effects execute(TransactionData tx) {
    RuleTable.USER.apply(ctx, tx.sender(), tx.kind());
    return ctx.effects;
  }

  /** Creates the system object if absent (idempotent). */
  public Effects genesis(long epochStartMs) {
    SystemRules.genesis(ctx, epochStartMs);
    return ctx.effects;
  }

  public Effects faucet(String to, long amt) {
    CoinRules.faucet(ctx, to, amt);
    return ctx.effects;
  }

  /** Advances only if the current epoch's length has elapsed (checked under the lock). */
  public Effects advanceEpochIfDue() {
    SystemRules.advanceEpochIfDue(ctx);
    return ctx.effects;
  }

  public Effects advanceEpoch() {
    SystemRules.advanceEpoch(ctx);
    return ctx.effects;
  }

}
