package dev.haulout.marketplace.domain;

/** Lifecycle of a listing on chain. Delisted listings stay readable by id but leave search. */
public enum ListingStatus {
  ACTIVE,
  DELISTED
}
