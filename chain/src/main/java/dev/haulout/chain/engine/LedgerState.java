package dev.haulout.chain.engine;

import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.Versioned;
import java.util.List;
import java.util.Optional;

/**
 * The state one transaction reads and writes, inside one atomic unit of work supplied by an
 * adapter. Reads of balances and objects lock them until the unit commits.
 */
public interface LedgerState {
  /** Balance in FROST; 0 for an unknown account. */
  long balance(String address);

  void setBalance(String address, long frost);

  Optional<Versioned<ChainObject>> object(String id);

  /** Inserts (version 1) or updates (version + 1) the object; returns the new version. */
  long put(ChainObject object);

  void delete(String id);

  List<Versioned<ChainObject>> ownedBy(String owner, String type);

  List<Versioned<ChainObject>> ofType(String type);

  /** Blob objects registered for a Walrus blob ID (base64url); adapters override with an index. */
  default List<Versioned<ChainObject>> blobsByBlobId(String blobId) {
    return ofType("Blob").stream()
        .filter(v -> v.object() instanceof dev.haulout.chain.model.Blob b && b.blobId().equals(blobId)).toList();
  }

  /** A named u64 counter (supply, storage funds), 0 if never set. */
  long counter(String name);

  void setCounter(String name, long value);
}
