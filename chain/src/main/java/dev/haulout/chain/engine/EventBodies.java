package dev.haulout.chain.engine;

import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.ListingSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds event bodies in the shapes consumers depend on (haulout.listing.v1 for listings). */
public final class EventBodies {
  private EventBodies() {}

  /** The {@code listing} object of haulout.listing.v1. */
  public static Map<String, Object> listing(Listing l) {
    ListingSpec s = l.spec();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seller", l.seller());
    m.put("blobId", s.blobId());
    m.put("sealedKeyRef", s.sealedKeyRef());
    m.put("title", s.title());
    m.put("description", s.description());
    m.put("tags", s.tags());
    m.put("license", s.license());
    m.put("sizeBytes", s.sizeBytes());
    m.put("format", s.format());
    m.put("schemaSummary", s.schemaSummary());
    m.put("previewRef", s.previewRef());
    m.put("buyPriceFrost", s.buyPriceFrost());
    m.put("rentPricePerPeriodFrost", s.rentPricePerPeriodFrost());
    m.put("rentPeriodMs", s.rentPeriodMs());
    m.put("feeBps", l.feeBps());
    m.put("allowlist", s.allowlist());
    m.put("status", l.status().name());
    return m;
  }

  /** Builds a map from alternating key/value pairs, keeping order. */
  public static Map<String, Object> of(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
