package dev.haulout.chain.model;

/**
 * A storage node's staking pool. {@code owner} is the node operator; {@code totalStake} the sum
 * of active {@link StakedWal} in it; the node's price votes feed the per-epoch price.
 */
public record StakingPool(
    String id,
    String owner,
    String name,
    String blsPublicKey,
    long totalStake,
    long storagePriceVote,
    long writePriceVote) implements ChainObject {
  public StakingPool withStake(long s) {
    return new StakingPool(id, owner, name, blsPublicKey, s, storagePriceVote, writePriceVote);
  }

  public StakingPool withVotes(long storage, long write) {
    return new StakingPool(id, owner, name, blsPublicKey, totalStake, storage, write);
  }
}
