package dev.haulout.chain.model;

import java.util.List;

/**
 * What a seller states about a listing. Prices in FROST; a price of 0 means "not offered" for
 * rent ({@code rentPricePerPeriodFrost == 0}) or buy ({@code buyPriceFrost == 0}); a public
 * listing offered neither way is <b>free</b> ({@link #isFree}): a Buy at price 0 issues its pass. A
 * non-null {@code allowlist} makes the listing private: only the seller and listed addresses get
 * access. An empty {@code blobId} means no content yet ({@link #hasContent}).
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

  /** True when the spec names a blob (a listing without one is a draft). */
  public boolean hasContent() {
    return blobId != null && !blobId.isEmpty();
  }

  /** A public listing with neither a buy nor a rent price: anyone may take a pass for 0. */
  public boolean isFree() {
    return buyPriceFrost == 0 && rentPricePerPeriodFrost == 0 && allowlist == null;
  }
}
