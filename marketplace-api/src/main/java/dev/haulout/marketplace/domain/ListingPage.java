package dev.haulout.marketplace.domain;

import java.util.List;

/** One page of a search: hits in order, whether more follow, and the total number of matches. */
public record ListingPage(List<Hit> hits, boolean hasNextPage, long totalCount) {
  /** A listing with the cursor that points just after it. */
  public record Hit(Listing listing, PageCursor cursor) {}
}
