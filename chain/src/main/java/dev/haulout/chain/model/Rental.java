package dev.haulout.chain.model;

/** Time-limited right to read a listing's data; valid while {@code now < expiresAtMs}. */
public record Rental(String id, String owner, String listingId, long startedAtMs, long expiresAtMs)
    implements ChainObject {
  public Rental withExpiry(long newExpiry) {
    return new Rental(id, owner, listingId, startedAtMs, newExpiry);
  }
}
