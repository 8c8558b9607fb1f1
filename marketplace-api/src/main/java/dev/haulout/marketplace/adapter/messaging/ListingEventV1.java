package dev.haulout.marketplace.adapter.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Wire shape of a listing event, schema {@code haulout.listing.v1} (documented in
 * marketplace-api/README.md). The chain emits one per change of a Listing object; each carries the
 * listing's whole state after the change, so applying the newest version is enough.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingEventV1(
    String schema,
    Long seq,
    String type,
    String listingId,
    Long version,
    String txDigest,
    Long timestampMs,
    Payload listing) {

  public static final String SCHEMA = "haulout.listing.v1";
  public static final List<String> TYPES = List.of("ListingCreated", "ListingUpdated", "ListingDelisted");

  /** The listing's state after the change. Prices are FROST (1 WAL = 10^9 FROST). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Payload(
      String seller,
      String blobId,
      String sealedKeyRef,
      String title,
      String description,
      List<String> tags,
      String license,
      Long sizeBytes,
      String format,
      String schemaSummary,
      String previewRef,
      Long buyPriceFrost,
      Long rentPricePerPeriodFrost,
      Long rentPeriodMs,
      Integer feeBps,
      List<String> allowlist,
      String status) {}
}
