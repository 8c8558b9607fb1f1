package dev.haulout.marketplace.application.port;

import dev.haulout.marketplace.domain.Listing;
import dev.haulout.marketplace.domain.ListingId;
import dev.haulout.marketplace.domain.ListingRevision;
import java.util.List;
import dev.haulout.marketplace.domain.ListingPage;
import dev.haulout.marketplace.domain.ListingQuery;
import io.smallrye.mutiny.Uni;

/** The catalog's read model of listings (PostgreSQL). Written only from chain events. */
public interface ListingRepository {

  /** The listing, or null when the catalog has never seen it. */
  Uni<Listing> findById(ListingId id);

  Uni<ListingPage> search(ListingQuery query);

  /**
   * Stores {@code listing} unless the catalog already holds that version or a newer one. Keeps the
   * first-seen creation time. Idempotent: applying the same event twice changes nothing. A state
   * naming a blob other than the stored one records the next {@link ListingRevision}.
   */
  Uni<ApplyOutcome> applyIfNewer(Listing listing, long eventSeq);

  Uni<CatalogStats> stats();

  /** Listings whose seller is {@code seller} (drafts and delisted ones included), most recently changed first. */
  Uni<List<Listing>> bySeller(String seller, int limit);

  /** The listing's content revisions, oldest first (empty for a draft or an unknown listing). */
  Uni<List<ListingRevision>> revisions(ListingId id);

  enum ApplyOutcome {
    INSERTED,
    UPDATED,
    IGNORED_STALE
  }

  /** Counts for operators; {@code rejectedEvents} are the chain events skipped as unusable. */
  record CatalogStats(long total, long active, long delisted, long lastEventSeq, long rejectedEvents) {}
}
