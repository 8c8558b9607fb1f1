package dev.haulout.marketplace.application.port;

import io.smallrye.mutiny.Uni;

/** Where the catalog records chain events it could not apply and skipped (poison and parked events). */
public interface RejectedEventLog {

  /** Records {@code event}; recording the same Kafka record again changes nothing. */
  Uni<Void> record(RejectedEvent event);

  /** Why an event was skipped; every text is printable and bounded (no payload, no secrets). */
  enum Stage {
    /** not JSON, or not the shape of its schema */
    PARSE,
    /** parsed, but breaks the catalog's rules (a title too long, a bad tag, U+0000 in a text) */
    VALIDATION,
    /** the database refused a value */
    STORE,
    /** the ledger could not publish the event and sent a {@code haulout.eventParked.v1} notice instead */
    PARKED
  }

  /**
   * One skipped event: where it was on the stream, what it was about when that could be read, the
   * stage that refused it and why, and the SHA-256 and size of its payload.
   */
  record RejectedEvent(
      String topic,
      int partition,
      long offset,
      String key,
      String listingId,
      Long version,
      Long seq,
      Stage stage,
      String reason,
      String payloadSha256,
      int payloadBytes) {}
}
