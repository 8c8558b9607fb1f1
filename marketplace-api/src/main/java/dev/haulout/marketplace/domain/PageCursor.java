package dev.haulout.marketplace.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keyset position in a sorted result: the sort, the sort key of the last item seen and its id.
 * Opaque to clients (base64url). Keyset paging never skips or repeats an item when listings are
 * added between pages, unlike offsets.
 */
public record PageCursor(ListingSort sort, String key, String id) {
  private static final String PREFIX = "c1";

  public String encode() {
    String raw = PREFIX + "\n" + sort.name() + "\n" + id + "\n" + key;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Parses a cursor made by {@link #encode()}; throws {@link IllegalArgumentException} otherwise. */
  public static PageCursor decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split("\n", 4);
      if (parts.length != 4 || !PREFIX.equals(parts[0])) {
        throw new IllegalArgumentException("bad cursor");
      }
      ListingSort sort = ListingSort.valueOf(parts[1]);
      String id = SuiAddresses.requireAddress("cursor id", parts[2]);
      String key = Texts.requireStorable("cursor key", parts[3]);
      switch (sort) {
        case RELEVANCE -> Float.parseFloat(key);
        case NEWEST, PRICE_ASC, PRICE_DESC -> Long.parseLong(key);
        case TITLE -> { }
      }
      return new PageCursor(sort, key, id);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cursor is not one this server issued", e);
    }
  }
}
