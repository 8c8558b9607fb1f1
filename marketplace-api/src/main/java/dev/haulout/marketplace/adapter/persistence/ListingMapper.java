package dev.haulout.marketplace.adapter.persistence;

import dev.haulout.marketplace.domain.Listing;
import dev.haulout.marketplace.domain.ListingId;
import dev.haulout.marketplace.domain.PriceTerms;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Converts between {@link ListingEntity} rows and {@link Listing} records. */
final class ListingMapper {
  private ListingMapper() {}

  static Listing toDomain(ListingEntity e) {
    return new Listing(
        ListingId.of(e.id),
        e.version,
        e.seller,
        e.title,
        e.description,
        e.tags == null ? List.of() : Arrays.asList(e.tags),
        e.license,
        e.sizeBytes,
        e.format,
        e.schemaSummary,
        e.previewRef,
        new PriceTerms(e.buyPriceFrost, e.rentPricePerPeriodFrost, e.rentPeriodMs, e.feeBps),
        e.blobId,
        e.sealedKeyRef,
        e.status,
        Instant.ofEpochMilli(e.createdMs),
        Instant.ofEpochMilli(e.updatedMs));
  }

  /** Copies every chain-owned field of {@code l} onto {@code e}; the creation time is left alone. */
  static void copyState(Listing l, long eventSeq, ListingEntity e) {
    e.id = l.id().value();
    e.version = l.version();
    e.lastEventSeq = eventSeq;
    e.seller = l.seller();
    e.title = l.title();
    e.description = l.description();
    e.tags = l.tags().toArray(String[]::new);
    e.tagsText = String.join(" ", l.tags());
    e.license = l.license();
    e.sizeBytes = l.sizeBytes();
    e.format = l.format();
    e.schemaSummary = l.schemaSummary();
    e.previewRef = l.previewRef();
    e.buyPriceFrost = l.terms().buyPriceFrost();
    e.rentPricePerPeriodFrost = l.terms().rentPricePerPeriodFrost();
    e.rentPeriodMs = l.terms().rentPeriodMs();
    e.feeBps = l.terms().feeBps();
    e.blobId = l.blobId();
    e.sealedKeyRef = l.sealedKeyRef();
    e.status = l.status();
    e.updatedMs = l.updatedAt().toEpochMilli();
  }
}
