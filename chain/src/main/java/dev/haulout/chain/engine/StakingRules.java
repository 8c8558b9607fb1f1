package dev.haulout.chain.engine;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.model.ListingLimits;
import dev.haulout.chain.model.StakedWal;
import dev.haulout.chain.model.StakingPool;
import dev.haulout.chain.tx.TxKind;

/**
 * Staking: a storage node registers a pool, anyone stakes WAL with it (active from the next
 * epoch), unstakes and withdraws after the epoch it served; the operator votes on prices. What the
 * stakes earn and which pools form the committee is decided at the end of an epoch
 * ({@link EpochTransition}).
 */
final class StakingRules {
  private StakingRules() {}

  static void registerNode(RuleContext ctx, String s, TxKind.RegisterNode n) {
    ListingLimits.text("name", n.name(), ListingLimits.MAX_NODE_NAME, false);
    ListingLimits.text("blsPublicKey", n.blsPublicKey(), ListingLimits.MAX_BLS_PUBLIC_KEY, false);
    long self = Amounts.nonNegative(n.selfStakeFrost());
    ctx.debit(s, self);
    StakingPool pool = new StakingPool(ctx.newId(), s, n.name(), n.blsPublicKey(), self,
        Amounts.nonNegative(n.storagePriceVote()), Amounts.nonNegative(n.writePriceVote()));
    long v = ctx.create(pool);
    ctx.event("NodeRegistered", pool.id(), v, EventBodies.of("poolId", pool.id(), "operator", s,
        "name", n.name(), "blsPublicKey", n.blsPublicKey(), "selfStakeFrost", self));
    if (self > 0) {
      newStake(ctx, s, pool.id(), self);
    }
  }

  static void stake(RuleContext ctx, String s, TxKind.Stake st) {
    StakingPool pool = ctx.load(st.poolId(), StakingPool.class);
    long amt = Amounts.positive(st.amountFrost());
    ctx.debit(s, amt);
    ctx.update(pool.withStake(Amounts.addExact(pool.totalStake(), amt)));
    newStake(ctx, s, pool.id(), amt);
  }

  static void unstake(RuleContext ctx, String s, TxKind.Unstake u) {
    StakedWal sw = ctx.load(u.stakedWalId(), StakedWal.class);
    RuleContext.requireOwner(s, sw);
    if (sw.withdrawEpoch() != null) {
      throw new LedgerException(ErrorCode.STAKE_ALREADY_WITHDRAWING,
          "stake " + sw.id() + " is already withdrawing (withdrawable from epoch " + sw.withdrawEpoch() + ")");
    }
    StakingPool pool = ctx.load(sw.poolId(), StakingPool.class);
    ctx.update(pool.withStake(pool.totalStake() - sw.amount()));
    int epoch = ctx.system().epoch();
    if (sw.activationEpoch() > epoch) {
      // never active: it earned nothing and backs no shard, so it comes back at once
      release(ctx, s, sw, pool);
      return;
    }
    StakedWal w = sw.withdrawing(epoch + 1);
    long v = ctx.update(w);
    ctx.event("UnstakeRequested", w.id(), v, EventBodies.of("stakedWalId", w.id(), "poolId", pool.id(), "owner", s,
        "amountFrost", w.amount(), "withdrawEpoch", w.withdrawEpoch()));
  }

  static void withdrawStake(RuleContext ctx, String s, TxKind.WithdrawStake u) {
    StakedWal sw = ctx.load(u.stakedWalId(), StakedWal.class);
    RuleContext.requireOwner(s, sw);
    int epoch = ctx.system().epoch();
    if (sw.withdrawEpoch() == null || epoch < sw.withdrawEpoch()) {
      throw new LedgerException(ErrorCode.STAKE_NOT_WITHDRAWABLE, sw.withdrawEpoch() == null
          ? "stake " + sw.id() + " is still staked: unstake it first"
          : "stake " + sw.id() + " is withdrawable from epoch " + sw.withdrawEpoch() + "; this is epoch " + epoch);
    }
    release(ctx, s, sw, ctx.load(sw.poolId(), StakingPool.class));
  }

  static void votePrices(RuleContext ctx, String s, TxKind.VotePrices vote) {
    StakingPool pool = ctx.load(vote.poolId(), StakingPool.class);
    RuleContext.requireOwner(s, pool);
    StakingPool np = pool.withVotes(Amounts.nonNegative(vote.storagePricePerUnit()),
        Amounts.nonNegative(vote.writePricePerUnit()));
    long ver = ctx.update(np);
    ctx.event("PricesVoted", np.id(), ver, EventBodies.of("poolId", np.id(),
        "storagePricePerUnit", np.storagePriceVote(), "writePricePerUnit", np.writePriceVote()));
  }

  private static void newStake(RuleContext ctx, String s, String poolId, long amt) {
    int activation = ctx.system().epoch() + 1;
    StakedWal sw = new StakedWal(ctx.newId(), s, poolId, amt, activation);
    long v = ctx.create(sw);
    ctx.event("Staked", sw.id(), v, EventBodies.of("stakedWalId", sw.id(), "poolId", poolId, "owner", s,
        "amountFrost", amt, "activationEpoch", activation));
  }

  /** Deletes the stake object and returns its WAL to the owner. */
  private static void release(RuleContext ctx, String s, StakedWal sw, StakingPool pool) {
    ctx.delete(sw.id());
    ctx.credit(s, sw.amount());
    ctx.event("Unstaked", sw.id(), 0, EventBodies.of("stakedWalId", sw.id(), "poolId", pool.id(), "owner", s,
        "amountFrost", sw.amount()));
  }
}
