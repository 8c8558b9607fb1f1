package dev.haulout.chain.model;

/**
 * WAL staked (by the operator or a delegator) in a pool; rewards are paid to {@code owner}. After an
 * {@code Unstake} of an active stake, {@code withdrawEpoch} is the epoch from which {@code WithdrawStake}
 * returns the WAL (null while staked): it stops counting for the next committee at once, still earns
 * for the epoch it was requested in, and is released only when that epoch has ended, as in Walrus.
 */
public record StakedWal(String id, String owner, String poolId, long amount, int activationEpoch, Integer withdrawEpoch)
    implements ChainObject {

  public StakedWal(String id, String owner, String poolId, long amount, int activationEpoch) {
    this(id, owner, poolId, amount, activationEpoch, null);
  }

  /** True if it earns a share of epoch {@code e}'s storage fees (active in it, not yet withdrawing before it). */
  public boolean earnsIn(int e) {
    return activationEpoch <= e && (withdrawEpoch == null || withdrawEpoch > e);
  }

  public StakedWal withdrawing(int epoch) {
    return new StakedWal(id, owner, poolId, amount, activationEpoch, epoch);
  }
}
