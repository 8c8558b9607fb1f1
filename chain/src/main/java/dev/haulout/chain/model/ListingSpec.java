package dev.haulout.chain.model;

import java.util.List;

/**
 * What a seller states about a listing. Prices in FROST; a price of 0 means "not offered" for
 * rent ({@code rentPricePerPeriodFrost == 0}) or buy ({@code buyPriceFrost == 0}). A non-null
 * {@code allowlist} makes the listing private: only the seller and listed addresses get access.
 */
public record ListingSpec(
    String blobId,
    String sealedKeyRef,
    String title,
    String description,
    List<String> tags,
    String license,
    long sizeBytes,
    String format,
    String schemaSummary,
    String previewRef,
    long buyPriceFrost,
    long rentPricePerPeriodFrost,
    long rentPeriodMs,
    List<String> allowlist) {

  public ListingSpec {
    tags = tags == null ? List.of() : List.copyOf(tags);
    allowlist = allowlist == null ? null : List.copyOf(allowlist);
  }
}
