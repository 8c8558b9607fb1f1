package dev.haulout.marketplace.application;

import dev.haulout.marketplace.application.port.ListingRepository;
import dev.haulout.marketplace.application.port.ListingRepository.ApplyOutcome;
import dev.haulout.marketplace.domain.Listing;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Applies listing states from chain events to the catalog. Events may arrive twice (at-least-once
 * delivery, replays) or out of order (a retried partition): the object version decides, so only a
 * strictly newer state is written.
 */
@ApplicationScoped
public class ListingIngestionService {
  private static final Logger LOG = Logger.getLogger(ListingIngestionService.class);
  private final ListingRepository listings;
  private final MeterRegistry meters;

  public ListingIngestionService(ListingRepository listings, MeterRegistry meters) {
    this.listings = listings;
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

  /** Counts an event that could not be parsed; it is skipped so it cannot block the stream. */
  public void rejected(String reason) {
    meters.counter("haulout_catalog_events_total", "outcome", "rejected").increment();
    LOG.warnf("skipped a chain event: %s", reason);
  }
}
