package dev.haulout.chain.model;

public enum ListingStatus {
  ACTIVE,
  DELISTED
}
