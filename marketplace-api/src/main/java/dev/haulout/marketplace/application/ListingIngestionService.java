package dev.haulout.marketplace.application;

import dev.haulout.marketplace.application.port.ListingRepository;
import dev.haulout.marketplace.application.port.ListingRepository.ApplyOutcome;
import dev.haulout.marketplace.application.port.RejectedEventLog;
import dev.haulout.marketplace.application.port.RejectedEventLog.RejectedEvent;
import dev.haulout.marketplace.application.port.RejectedEventLog.Stage;
import dev.haulout.marketplace.domain.Listing;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Applies listing states from chain events to the catalog. Events may arrive twice (at-least-once
 * delivery, replays) or out of order (a retried partition): the object version decides, so only a
 * strictly newer state is written. Events that cannot be applied are recorded and skipped.
 */
@ApplicationScoped
public class ListingIngestionService {
  private static final Logger LOG = Logger.getLogger(ListingIngestionService.class);
  private final ListingRepository listings;
  private final RejectedEventLog rejections;
  private final MeterRegistry meters;

  public ListingIngestionService(ListingRepository listings, RejectedEventLog rejections, MeterRegistry meters) {
    this.listings = listings;
    this.rejections = rejections;
    this.meters = meters;
  }

  public Uni<ApplyOutcome> ingest(Listing listing, long eventSeq) {
    return listings
        .applyIfNewer(listing, eventSeq)
        .invoke(
            outcome -> {
              meters.counter("haulout_catalog_events_total", "outcome", outcome.name().toLowerCase()).increment();
              LOG.debugf("listing %s v%d (event %d): %s", listing.id(), listing.version(), eventSeq, outcome);
            });
  }

  /**
   * Records an event that cannot be applied (it does not parse, breaks the catalog's rules, the
   * store refuses a value, or the ledger parked it) and counts it ({@code outcome="parked"} for a
   * parked one, {@code "rejected"} otherwise); the caller then skips it, so it cannot block the
   * stream. Fails only when the record itself cannot be written (the store is unavailable).
   */
  public Uni<Void> reject(RejectedEvent event) {
    String outcome = event.stage() == Stage.PARKED ? "parked" : "rejected";
    return rejections.record(event).invoke(() -> {
      meters.counter("haulout_catalog_events_total", "outcome", outcome).increment();
      LOG.warnf("skipped chain event %s/%d@%d (listing %s v%s, seq %s) at %s: %s", event.topic(), event.partition(),
          event.offset(), event.listingId(), event.version(), event.seq(), event.stage(), event.reason());
    });
  }
}
