package dev.haulout.chain;

import java.util.Map;

/**
 * One committed state change, in commit order. {@code seq} is global and gap-free;
 * {@code body} is the type-specific payload (for listing events the key {@code "listing"}).
 * {@link #schema()} is {@code haulout.listing.v1} for listing events and
 * {@code haulout.<type>.v1} (type in lower camel case) otherwise.
 */
public record ChainEvent(
    long seq,
    String type,
    String objectId,
    long version,
    String txDigest,
    long timestampMs,
    Map<String, Object> body) {

  public String schema() {
    if (type.startsWith("Listing")) {
      return "haulout.listing.v1";
    }
    return "haulout." + Character.toLowerCase(type.charAt(0)) + type.substring(1) + ".v1";
  }
}
