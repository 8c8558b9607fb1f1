package dev.haulout.chain.model;

/** WAL staked (by the operator or a delegator) in a pool; rewards are paid to {@code owner}. */
public record StakedWal(String id, String owner, String poolId, long amount, int activationEpoch)
    implements ChainObject {}
