package dev.haulout.marketplace.application.port;

import dev.haulout.chain.crypto.Ed25519KeyPair;

/** The marketplace's Ed25519 key signing quotes and receipts. Never logged. */
public interface MarketplaceKey {
  Ed25519KeyPair keyPair();
}
