package dev.haulout.marketplace.domain;

/**
 * Lifecycle of a listing on chain. Delisted listings stay readable by id but leave search. A draft
 * (created on chain before its content is stored and sealed to its id) is shown to nobody but its
 * seller's publication until its first revision makes it active.
 */
public enum ListingStatus {
  ACTIVE,
  DELISTED,
  DRAFT
}
