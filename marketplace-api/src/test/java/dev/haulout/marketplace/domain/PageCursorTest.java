package dev.haulout.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageCursorTest {
  static final String ID = "0x" + "ab".repeat(32);

  @Test
  void roundTripsEverySort() {
    for (ListingSort s : ListingSort.values()) {
      String key = switch (s) {
        case RELEVANCE -> "0.123";
        case TITLE -> "weather, hourly\nwith newline";
        default -> "1700000000000";
      };
      PageCursor c = new PageCursor(s, key, ID);
      assertEquals(c, PageCursor.decode(c.encode()));
    }
  }

  @Test
  void rejectsTamperedOrForeignCursors() {
    assertThrows(IllegalArgumentException.class, () -> PageCursor.decode("garbage!"));
    assertThrows(IllegalArgumentException.class, () -> PageCursor.decode(""));
    String numericKeyReplaced = new PageCursor(ListingSort.NEWEST, "not-a-number", ID).encode();
    assertThrows(IllegalArgumentException.class, () -> PageCursor.decode(numericKeyReplaced));
    String badId = new PageCursor(ListingSort.TITLE, "a", "0x1234").encode();
    assertThrows(IllegalArgumentException.class, () -> PageCursor.decode(badId));
  }

  @Test
  void queryRejectsCursorOfAnotherSort() {
    PageCursor c = new PageCursor(ListingSort.TITLE, "a", ID);
    var e = assertThrows(IllegalArgumentException.class,
        () -> new ListingQuery(null, null, null, null, ListingSort.NEWEST, 10, c));
    assertEquals("cursor was made for sort TITLE, not NEWEST", e.getMessage());
  }

  @Test
  void relevanceWithoutQueryFallsBackToNewest() {
    assertEquals(ListingSort.NEWEST, new ListingQuery(" ", null, null, null, ListingSort.RELEVANCE, 5, null).sort());
    assertEquals(ListingSort.RELEVANCE, new ListingQuery("rain", null, null, null, null, 5, null).sort());
  }
}
