package dev.haulout.chain.model;

/** Perpetual, transferable right to read a listing's data: owning the pass is owning the right. */
public record AccessPass(String id, String owner, String listingId, long pricePaidFrost, long purchasedAtMs)
    implements ChainObject {
  public AccessPass withOwner(String newOwner) {
    return new AccessPass(id, newOwner, listingId, pricePaidFrost, purchasedAtMs);
  }
}
