package dev.haulout.chain;

/**
 * Ledger rules fixed at genesis / start. Prices are FROST per 1 MiB storage unit; the initial
 * values follow the Walrus Mainnet example (SPEC §12): 100 000 FROST per unit per epoch storage,
 * 20 000 FROST per unit write.
 *
 * @param marketplaceAddress receives the marketplace fee of every sale and rental
 * @param feeBps marketplace fee in basis points stamped on new listings
 * @param faucetEnabled localnet only: allow minting WAL via {@link Ledger#faucet}
 * @param faucetMaxFrost cap per faucet request
 * @param epochLengthMs length of a storage epoch
 * @param nShards number of storage shards in the committee
 * @param storagePricePerUnit genesis storage price (FROST per MiB unit per epoch)
 * @param writePricePerUnit genesis write price (FROST per MiB unit, once)
 * @param maxEpochsAhead how many epochs ahead storage can be bought (Walrus: 53)
 */
public record LedgerConfig(
    String marketplaceAddress,
    int feeBps,
    boolean faucetEnabled,
    long faucetMaxFrost,
    long epochLengthMs,
    int nShards,
    long storagePricePerUnit,
    long writePricePerUnit,
    int maxEpochsAhead) {
  public static final int DEFAULT_FEE_BPS = 250;
  public static final long DEFAULT_FAUCET_MAX_FROST = 1_000 * Wal.FROST_PER_WAL;
  public static final long DEFAULT_EPOCH_LENGTH_MS = 24L * 3600 * 1000;
  public static final int DEFAULT_N_SHARDS = 1000;
  public static final long DEFAULT_STORAGE_PRICE = 100_000;
  public static final long DEFAULT_WRITE_PRICE = 20_000;
  public static final int DEFAULT_MAX_EPOCHS_AHEAD = 53;
  /** Default fee recipient: the marketplace treasury address {@code 0x…0fee}. */
  public static final String DEFAULT_MARKETPLACE_ADDRESS = "0x" + "0".repeat(60) + "0fee";

  public LedgerConfig {
    if (feeBps < 0 || feeBps > 10_000) {
      throw new IllegalArgumentException("feeBps must be 0..10000: " + feeBps);
    }
    if (nShards < 1 || nShards > 65_535) {
      throw new IllegalArgumentException("nShards must be 1..65535: " + nShards);
    }
    if (epochLengthMs <= 0) {
      throw new IllegalArgumentException("epochLengthMs must be > 0: " + epochLengthMs);
    }
  }

  /** Localnet defaults (faucet on). */
  public static LedgerConfig localnet() {
    return new LedgerConfig(DEFAULT_MARKETPLACE_ADDRESS, DEFAULT_FEE_BPS, true, DEFAULT_FAUCET_MAX_FROST,
        DEFAULT_EPOCH_LENGTH_MS, DEFAULT_N_SHARDS, DEFAULT_STORAGE_PRICE, DEFAULT_WRITE_PRICE,
        DEFAULT_MAX_EPOCHS_AHEAD);
  }

  public LedgerConfig withEpochLengthMs(long ms) {
    return new LedgerConfig(marketplaceAddress, feeBps, faucetEnabled, faucetMaxFrost, ms, nShards,
        storagePricePerUnit, writePricePerUnit, maxEpochsAhead);
  }

  public LedgerConfig withNShards(int n) {
    return new LedgerConfig(marketplaceAddress, feeBps, faucetEnabled, faucetMaxFrost, epochLengthMs, n,
        storagePricePerUnit, writePricePerUnit, maxEpochsAhead);
  }

  public LedgerConfig withFaucet(boolean enabled) {
    return new LedgerConfig(marketplaceAddress, feeBps, enabled, faucetMaxFrost, epochLengthMs, nShards,
        storagePricePerUnit, writePricePerUnit, maxEpochsAhead);
  }
}
