package dev.haulout.marketplace.domain;

import dev.haulout.chain.model.ListingLimits;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A dataset offered on the marketplace, as the catalog knows it from chain events. The chain is
 * the source of truth; {@code version} is the on-chain object version, which grows by one with
 * every change, so the catalog can tell a newer state from a replayed or late one.
 */
public record Listing(
    ListingId id,
    long version,
    String seller,
    String title,
    String description,
    List<String> tags,
    String license,
    Long sizeBytes,
    String format,
    String schemaSummary,
    String previewRef,
    PriceTerms terms,
    String blobId,
    String sealedKeyRef,
    ListingStatus status,
    Instant createdAt,
    Instant updatedAt) {

  // one set of limits: the ledger's, where listings enter (chain ListingLimits)
  public static final int MAX_TITLE = ListingLimits.MAX_TITLE;
  public static final int MAX_DESCRIPTION = ListingLimits.MAX_DESCRIPTION;
  public static final int MAX_TAGS = ListingLimits.MAX_TAGS;

  public Listing {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1: " + version);
    }
    seller = SuiAddresses.requireAddress("seller", seller);
    Texts.requireStorable("title", title);
    Texts.requireStorable("description", description);
    Texts.requireStorable("license", license);
    Texts.requireStorable("format", format);
    Texts.requireStorable("schemaSummary", schemaSummary);
    Texts.requireStorable("previewRef", previewRef);
    Texts.requireStorable("blobId", blobId);
    Texts.requireStorable("sealedKeyRef", sealedKeyRef);
    if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
      throw new IllegalArgumentException("title must be 1.." + MAX_TITLE + " characters");
    }
    description = description == null ? "" : description;
    if (description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException("description longer than " + MAX_DESCRIPTION + " characters");
    }
    tags = Tags.normalize(tags == null ? List.of() : tags);
    if (sizeBytes != null && sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must be >= 0: " + sizeBytes);
    }
  }
}
