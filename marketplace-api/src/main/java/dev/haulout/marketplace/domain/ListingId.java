package dev.haulout.marketplace.domain;

/** The on-chain object id of a listing: {@code 0x} followed by 64 lower-case hex digits. */
public record ListingId(String value) {
  public ListingId {
    value = SuiAddresses.requireAddress("listing id", value);
  }

  public static ListingId of(String value) {
    return new ListingId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
