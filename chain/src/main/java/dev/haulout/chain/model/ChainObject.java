package dev.haulout.chain.model;

/**
 * An on-chain object. Every object has a 32-byte ID ({@code 0x…}) and an owner address (for shared
 * objects such as a {@link Listing}, the address with authority over it). The store keeps the
 * object's version, which increases by exactly one on every change.
 */
public sealed interface ChainObject
    permits Listing, AccessPass, Rental, StorageResource, Blob, StakingPool, StakedWal, SystemState, InvalidBlobId,
        KeyServer {
  String id();

  String owner();

  /** Move-like type name, e.g. {@code Listing}; the store's type column. */
  default String typeName() {
    return getClass().getSimpleName();
  }
}
