package dev.haulout.chain.model;

/**
 * {@code DRAFT}: created without content (no blob yet) so its id can prefix the Seal identity the
 * content is sealed under; cannot be bought or rented. {@code ACTIVE}: has content, for sale as its
 * prices say. {@code DELISTED}: withdrawn by its seller; existing passes and rentals still read.
 */
public enum ListingStatus {
  ACTIVE,
  DELISTED,
  DRAFT
}
