package dev.haulout.marketplace.application.port;

import dev.haulout.chain.model.Listing;
import dev.haulout.seal.client.SealKeyClient;
import dev.haulout.storage.BlobStore;
import dev.haulout.wire.SuiAddress;
import java.time.Clock;
import java.util.Optional;

/**
 * What the content gateway reads through: the ledger's Listing objects, the storage network, the
 * key servers and the Seal policy package their identities live under. Blocking calls.
 */
public interface ContentNetwork {
  /** Whether a network is configured at all (false: every read answers {@code UNAVAILABLE}). */
  boolean available();

  /** The ledger's Listing object with this id, if there is one. */
  Optional<Listing> listing(String listingId);

  /** A read-only blob store. */
  BlobStore blobStore();

  /** A client of the key servers that hold shares of revisions' data keys. */
  SealKeyClient keyServers();

  /** The package id session keys and seal_approve calls name. */
  SuiAddress policyPackage();

  /** The clock session keys are created with (the key servers check it against theirs). */
  Clock clock();
}
