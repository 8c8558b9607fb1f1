package dev.haulout.marketplace.domain;

import dev.haulout.chain.model.ListingLimits;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Tags are short lower-case words ({@code [a-z0-9][a-z0-9-]*}, at most 32 characters). */
public final class Tags {
  private static final Pattern TAG = Pattern.compile(ListingLimits.TAG_REGEX);

  private Tags() {}

  /** Lower-cases, de-duplicates (keeping order) and validates a tag list. */
  public static List<String> normalize(List<String> tags) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String t : tags) {
      out.add(require(t));
    }
    if (out.size() > Listing.MAX_TAGS) {
      throw new IllegalArgumentException("at most " + Listing.MAX_TAGS + " tags, got " + out.size());
    }
    return List.copyOf(new ArrayList<>(out));
  }

  public static String require(String tag) {
    String t = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
    if (!TAG.matcher(t).matches()) {
      throw new IllegalArgumentException(
          "tag must match " + ListingLimits.TAG_REGEX + ": '" + SuiAddresses.abbreviate(String.valueOf(tag)) + "'");
    }
    return t;
  }
}
