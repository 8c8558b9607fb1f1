package dev.haulout.chain;

/**
 * Result of {@link Ledger#audit()}: the hash chain recomputed from the stored transactions, and
 * the supply identity {@code minted == balances + staked + storage funds}.
 */
public record ChainAudit(
    long transactions,
    String headHash,
    boolean hashChainValid,
    String firstBadDigest,
    long mintedFrost,
    long balancesFrost,
    long stakedFrost,
    long storageFundFrost,
    boolean supplyBalanced) {
  public boolean ok() {
    return hashChainValid && supplyBalanced;
  }
}
