package dev.haulout.marketplace.application.port;

import dev.haulout.chain.Ledger;

/** The ledger this marketplace transacts on (the embedded localnet on the default). */
public interface Chain {
  /** The ledger; {@code CatalogException(UNAVAILABLE)} when none is configured. Its calls block. */
  Ledger ledger();

  /** True when the ledger is the localnet, whose faucet funds new wallets. */
  boolean localnet();
}
