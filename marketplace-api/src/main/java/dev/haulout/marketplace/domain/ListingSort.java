package dev.haulout.marketplace.domain;

/** Orders a search can return. Every order ends with the listing id, so pages are stable. */
public enum ListingSort {
  /** Full-text rank, best first; only meaningful with a query (falls back to NEWEST without). */
  RELEVANCE,
  NEWEST,
  PRICE_ASC,
  PRICE_DESC,
  TITLE
}
