package dev.haulout.marketplace.adapter.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.marketplace.application.ListingIngestionService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the catalog from the chain's event stream (channel {@code chain-events}; the topic is set in
 * application.properties). Listing events are applied idempotently; other event types are skipped;
 * malformed events are counted and skipped so one bad record cannot stall the stream. Store outages
 * are retried with back-off before the channel fails (readiness then reports it).
 */
@ApplicationScoped
public class ChainEventConsumer {
  private final ListingEventParser parser;
  private final ListingIngestionService ingestion;

  public ChainEventConsumer(ObjectMapper json, ListingIngestionService ingestion) {
    this.parser = new ListingEventParser(json);
    this.ingestion = ingestion;
  }

  @Incoming("chain-events")
  public Uni<Void> onEvent(String payload) {
    ListingEventParser.Parsed parsed;
    try {
      var maybe = parser.parse(payload);
      if (maybe.isEmpty()) {
        return Uni.createFrom().voidItem();
      }
      parsed = maybe.get();
    } catch (ListingEventParser.InvalidEventException e) {
      ingestion.rejected(e.getMessage());
      return Uni.createFrom().voidItem();
    }
    return ingestion.ingest(parsed.listing(), parsed.seq())
        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
        .replaceWithVoid();
  }
}
