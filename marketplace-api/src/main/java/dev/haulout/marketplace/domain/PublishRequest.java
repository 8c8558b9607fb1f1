package dev.haulout.marketplace.domain;

import dev.haulout.chain.RentPeriods;
import dev.haulout.chain.Wal;
import dev.haulout.chain.model.ListingLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a seller asks for when publishing, read from the upload's tus metadata (keys in
 * docs/commerce.md "Publish"). Prices are FROST; {@code free} is a public listing offered for 0
 * (the ledger's rule: neither a buy nor a rent price). {@code listingId} non-null publishes a new
 * revision of that listing. Refusals are {@link IllegalArgumentException}s naming the key.
 */
public record PublishRequest(
    String filename,
    String contentType,
    String title,
    String description,
    List<String> tags,
    LicenseTerms license,
    long buyPriceFrost,
    long rentPricePerPeriodFrost,
    long rentPeriodMs,
    boolean free,
    String listingId) {

  /** Longest rent period accepted: ten years. */
  public static final long MAX_RENT_PERIOD_MS = RentPeriods.MAX_MS;

  /** True when the upload's metadata asks to publish (it names a title or a listing to revise). */
  public static boolean wanted(Map<String, String> metadata) {
    return metadata.containsKey("title") || metadata.containsKey("listingId");
  }

  public static PublishRequest parse(Map<String, String> m) {
    String listingId = blankToNull(m.get("listingId"));
    if (listingId != null) {
      listingId = SuiAddresses.requireAddress("listingId", listingId);
    }
    String title = blankToNull(m.get("title"));
    if (title == null && listingId == null) {
      throw new IllegalArgumentException("title is required to publish");
    }
    if (title != null) {
      ListingLimits.text("title", title, ListingLimits.MAX_TITLE, false);
    }
    String description = m.getOrDefault("description", "");
    ListingLimits.text("description", description, ListingLimits.MAX_DESCRIPTION, true);
    List<String> tags = new ArrayList<>();
    String rawTags = m.get("tags");
    if (rawTags != null && !rawTags.isBlank()) {
      for (String t : rawTags.split(",")) {
        if (!t.isBlank()) {
          tags.add(t.strip());
        }
      }
    }
    tags = ListingLimits.normalizeTags(tags);
    LicenseTerms license = LicenseTerms.of(m.get("license"), flag(m, "commercialUse"), flag(m, "aiTraining"),
        flag(m, "redistribution"));
    boolean free = Boolean.TRUE.equals(flag(m, "free"));
    long buy = price(m, "buyPrice");
    long rent = price(m, "rentPrice");
    long period = 0;
    if (rent > 0) {
      String p = blankToNull(m.get("rentPeriod"));
      if (p == null) {
        throw new IllegalArgumentException("rentPeriod is required with rentPrice (e.g. 30d, 12h, P30D)");
      }
      period = parsePeriod(p);
    }
    if (buy == 0 && m.containsKey("buyPrice") && rent == 0) {
      free = true; // "0" is a price: free, not "not offered"
    }
    if (free && (buy > 0 || rent > 0)) {
      throw new IllegalArgumentException("a free listing has no buy or rent price");
    }
    if (!free && buy == 0 && rent == 0 && listingId == null) {
      throw new IllegalArgumentException("give buyPrice, rentPrice with rentPeriod, or free=true");
    }
    String filename = blankToNull(m.get("filename"));
    String type = blankToNull(m.get("filetype"));
    if (type != null && type.length() > 200) {
      throw new IllegalArgumentException("filetype is longer than 200 characters");
    }
    return new PublishRequest(filename, type, title, description, tags, license, buy, rent, period, free, listingId);
  }

  /** {@code 30d}, {@code 12h}, {@code 90m} or an ISO-8601 duration ({@code P30D}, {@code PT12H}); chain's {@link RentPeriods}. */
  public static long parsePeriod(String text) {
    try {
      return RentPeriods.parseMillis(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("rentPeriod " + e.getMessage());
    }
  }

  private static long price(Map<String, String> m, String key) {
    String v = blankToNull(m.get(key));
    if (v == null) {
      return 0;
    }
    try {
      return Wal.parseWal(v.strip());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException(key + " '" + Texts.printable(v, 40) + "' is not a WAL amount (≥ 0, at most 9 decimals)");
    }
  }

  private static Boolean flag(Map<String, String> m, String key) {
    String v = blankToNull(m.get(key));
    if (v == null) {
      return null;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> Boolean.TRUE;
      case "false", "no", "0" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException(key + " must be true or false");
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
