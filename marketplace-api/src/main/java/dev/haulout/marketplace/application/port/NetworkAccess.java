package dev.haulout.marketplace.application.port;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.dataset.DatasetWriter;
import dev.haulout.storage.BlobStore;

/**
 * The network the marketplace acts on for its users: the ledger, storage paid by a user's wallet,
 * and who seals data keys (policy package, key servers, threshold). The embedded default is one
 * adapter; pointing at remote Sui/Walrus/Seal endpoints is another. Calls block: run them off the
 * event loop. Throws {@link dev.haulout.marketplace.domain.CatalogException} UNAVAILABLE when no
 * network is configured.
 */
public interface NetworkAccess {
  Ledger ledger();

  /** Storage paid by {@code payer} (null: read-only). Close it after use. */
  BlobStore blobStore(Ed25519KeyPair payer);

  /** How a new revision's data key is sealed. */
  DatasetWriter.Sealing sealing();

  /** Storage epochs a published revision is paid for. */
  int storageEpochs();
}
