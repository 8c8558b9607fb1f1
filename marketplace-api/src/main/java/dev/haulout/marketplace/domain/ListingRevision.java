package dev.haulout.marketplace.domain;

import java.time.Instant;

/**
 * One version of a listing's content: revision {@code n} (1 = the first) is the n-th blob the
 * listing named on chain, with the listing's object {@code version} that introduced it.
 */
public record ListingRevision(ListingId listingId, int revision, String blobId, Long sizeBytes, long version,
    Instant createdAt) {}
