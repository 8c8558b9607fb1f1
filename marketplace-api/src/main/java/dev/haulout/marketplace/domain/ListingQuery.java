package dev.haulout.marketplace.domain;

import java.util.List;

/**
 * A catalog search: optional full-text {@code text}, tags that must all be present, a buy-price
 * range in FROST, an order, a page size and the cursor of the last item already seen.
 */
public record ListingQuery(
    String text, List<String> tags, Long minPriceFrost, Long maxPriceFrost, ListingSort sort, int first, PageCursor after) {

  public static final int DEFAULT_PAGE = 20;
  public static final int MAX_PAGE = 100;
  public static final int MAX_TEXT = 200;

  public ListingQuery {
    text = text == null || text.isBlank() ? null : Texts.requireStorable("query", text.trim());
    if (text != null && text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("query longer than " + MAX_TEXT + " characters");
    }
    tags = tags == null ? List.of() : Tags.normalize(tags);
    if (minPriceFrost != null && minPriceFrost < 0) {
      throw new IllegalArgumentException("priceRange.min must be >= 0: " + minPriceFrost);
    }
    if (maxPriceFrost != null && maxPriceFrost < 0) {
      throw new IllegalArgumentException("priceRange.max must be >= 0: " + maxPriceFrost);
    }
    if (minPriceFrost != null && maxPriceFrost != null && minPriceFrost > maxPriceFrost) {
      throw new IllegalArgumentException("priceRange.min " + minPriceFrost + " > max " + maxPriceFrost);
    }
    if (sort == null) {
      sort = text == null ? ListingSort.NEWEST : ListingSort.RELEVANCE;
    } else if (sort == ListingSort.RELEVANCE && text == null) {
      sort = ListingSort.NEWEST;
    }
    if (first < 1 || first > MAX_PAGE) {
      throw new IllegalArgumentException("first must be 1.." + MAX_PAGE + ": " + first);
    }
    if (after != null && after.sort() != sort) {
      throw new IllegalArgumentException("cursor was made for sort " + after.sort() + ", not " + sort);
    }
  }
}
