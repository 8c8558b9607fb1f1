package dev.haulout.marketplace.adapter.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.marketplace.application.ListingIngestionService;
import dev.haulout.marketplace.application.port.RejectedEventLog.RejectedEvent;
import dev.haulout.marketplace.application.port.RejectedEventLog.Stage;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.Texts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the catalog from the chain's event stream (channel {@code chain-events}; the topic is set in
 * application.properties). Listing events are applied idempotently; other event types are skipped.
 *
 * <p>A <b>poison</b> event — one that does not parse, breaks the catalog's rules, or whose values
 * the database refuses (U+0000 in a text, a value too long for its column) — would fail the same way
 * on every delivery: it is recorded in {@code rejected_event} (stream position, listing id, version,
 * seq, reason, payload hash) and skipped, so one bad record cannot stop the catalog. A store
 * <b>outage</b> (no connection, a timeout) is retried with back-off; only if it lasts through every
 * retry does the channel fail (readiness then reports it).
 *
 * <p>A <b>parked</b> notice ({@code haulout.eventParked.v1}) stands where the ledger's outbox could
 * not publish an event (too large for Kafka): it is recorded in {@code rejected_event} with stage
 * {@code parked}, counted as {@code outcome="parked"}, and the stream goes on. The listing keeps its
 * previous state until its next event, which carries the whole state again.
 */
@ApplicationScoped
public class ChainEventConsumer {
  private static final Logger LOG = Logger.getLogger(ChainEventConsumer.class);
  static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  static final int RETRIES = 8;

  private final ListingEventParser parser;
  private final ListingIngestionService ingestion;

  public ChainEventConsumer(ObjectMapper json, ListingIngestionService ingestion) {
    this.parser = new ListingEventParser(json);
    this.ingestion = ingestion;
  }

  @Incoming("chain-events")
  public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
    String payload = record.value();
    ListingEventParser.Parsed parsed;
    try {
      var maybe = parser.parse(payload == null ? "" : payload);
      if (maybe.isEmpty()) {
        return Uni.createFrom().voidItem();
      }
      if (maybe.get() instanceof ListingEventParser.Parked p) {
        return reject(record, Stage.PARKED, p.aboutListing() ? p.objectId() : null, null, p.seq(),
            "the ledger parked " + (p.eventType() == null ? "an event" : p.eventType()) + " seq " + p.seq()
                + (p.bytes() == null ? "" : " (" + p.bytes() + " bytes)") + ": " + p.reason());
      }
      parsed = (ListingEventParser.Parsed) maybe.get();
    } catch (ListingEventParser.InvalidEventException e) {
      return reject(record, e.parsed() ? Stage.VALIDATION : Stage.PARSE, e.listingId(), e.version(), e.seq(),
          e.getMessage());
    } catch (RuntimeException e) { // a parser bug must not stop the stream either
      return reject(record, Stage.PARSE, null, null, null, "unreadable event: " + e);
    }
    var listing = parsed.listing();
    return retryOutages(ingestion.ingest(listing, parsed.seq()).replaceWithVoid())
        .onFailure(ChainEventConsumer::isRefusedValue)
        .recoverWithUni(e -> reject(record, Stage.STORE, listing.id().value(), listing.version(), parsed.seq(),
            e.getMessage()));
  }

  private Uni<Void> reject(ConsumerRecord<String, String> record, Stage stage, String listingId, Long version,
      Long seq, String reason) {
    byte[] bytes = record.value() == null ? new byte[0] : record.value().getBytes(StandardCharsets.UTF_8);
    RejectedEvent event = new RejectedEvent(record.topic(), record.partition(), record.offset(), record.key(),
        listingId, version, seq, stage, Texts.printable(String.valueOf(reason), 500), sha256(bytes), bytes.length);
    return retryOutages(ingestion.reject(event))
        .onFailure(ChainEventConsumer::isRefusedValue).recoverWithItem(e -> {
          LOG.errorf("could not record skipped chain event %s/%d@%d (%s): %s", record.topic(), record.partition(),
              record.offset(), event.reason(), e.getMessage());
          return null;
        });
  }

  /** Retries while the store is unavailable; a refused value fails at once (it would fail again). */
  private static Uni<Void> retryOutages(Uni<Void> work) {
    return work.onFailure(e -> !isRefusedValue(e)).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(RETRIES);
  }

  private static boolean isRefusedValue(Throwable e) {
    return e instanceof CatalogException c && !c.isRetriable();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
