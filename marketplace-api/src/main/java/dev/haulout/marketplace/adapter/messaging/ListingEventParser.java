package dev.haulout.marketplace.adapter.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.chain.adapter.kafka.OutboxPublisher;
import dev.haulout.marketplace.domain.Listing;
import dev.haulout.marketplace.domain.ListingId;
import dev.haulout.marketplace.domain.ListingStatus;
import dev.haulout.marketplace.domain.PriceTerms;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a chain event (JSON text) into a listing state, or into the {@link Parked} notice the
 * ledger's outbox publishes in place of an event it could not publish
 * ({@link OutboxPublisher#PARKED_SCHEMA}). Events of other schemas are not for the catalog and yield
 * empty; malformed listing events and parked notices throw {@link InvalidEventException} with the reason.
 */
public final class ListingEventParser {
  private final ObjectMapper json;

  public ListingEventParser(ObjectMapper json) {
    this.json = json;
  }

  /** What the catalog reads from the chain's stream. */
  public sealed interface ChainEvent permits Parsed, Parked {}

  /** A parsed listing event: its state and the chain's global sequence number. */
  public record Parsed(Listing listing, long seq) implements ChainEvent {}

  /**
   * The ledger could not publish event {@code seq} (of {@code eventType}, {@code bytes} long, about
   * object {@code objectId}) and sent this notice in its place; {@code reason} is the ledger's.
   * {@code eventType}, {@code bytes} and {@code reason} are null when the notice lacks them.
   */
  public record Parked(long seq, String objectId, String eventType, Long bytes, String reason) implements ChainEvent {
    /** Whether the parked event was a listing event (then {@code objectId} is the listing's id). */
    public boolean aboutListing() {
      return ListingEventV1.TYPES.contains(eventType);
    }
  }

  public Optional<ChainEvent> parse(String text) {
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("not JSON: " + e.getOriginalMessage(), false);
    }
    if (node == null || !node.isObject()) {
      throw new InvalidEventException("not a JSON object", false);
    }
    String schema = node.path("schema").asText(null);
    if (schema == null) {
      throw new InvalidEventException("no 'schema' field", false);
    }
    if (OutboxPublisher.PARKED_SCHEMA.equals(schema)) {
      return Optional.of(parked(node));
    }
    if (!ListingEventV1.SCHEMA.equals(schema)) {
      return Optional.empty();
    }
    ListingEventV1 e;
    try {
      e = json.treeToValue(node, ListingEventV1.class);
    } catch (JsonProcessingException | IllegalArgumentException ex) {
      throw new InvalidEventException("bad " + schema + " event: " + ex.getMessage(), false).about(node);
    }
    try {
      return Optional.of(new Parsed(toListing(e), require("seq", e.seq())));
    } catch (InvalidEventException ex) {
      throw ex.about(node);
    }
  }

  private static Parked parked(JsonNode node) {
    JsonNode seq = node.path("seq");
    if (!seq.isIntegralNumber() || !seq.canConvertToLong()) {
      throw new InvalidEventException("parked-event notice without an integer 'seq'", false).about(node);
    }
    JsonNode data = node.path("data");
    JsonNode bytes = data.path("bytes");
    return new Parked(seq.asLong(), text(node.path("objectId")), text(data.path("type")),
        bytes.isIntegralNumber() && bytes.canConvertToLong() ? bytes.asLong() : null, text(data.path("reason")));
  }

  private static String text(JsonNode n) {
    return n.isTextual() ? n.asText() : null;
  }

  static Listing toListing(ListingEventV1 e) {
    if (e.type() == null || !ListingEventV1.TYPES.contains(e.type())) {
      throw new InvalidEventException("unknown event type '" + e.type() + "'");
    }
    ListingEventV1.Payload p = e.listing();
    if (p == null) {
      throw new InvalidEventException("no 'listing' state");
    }
    try {
      ListingStatus status = "ListingDelisted".equals(e.type())
          ? ListingStatus.DELISTED
          : ListingStatus.valueOf(p.status() == null ? "ACTIVE" : p.status());
      Instant at = Instant.ofEpochMilli(require("timestampMs", e.timestampMs()));
      return new Listing(
          ListingId.of(e.listingId()),
          require("version", e.version()),
          p.seller(),
          p.title(),
          p.description(),
          p.tags(),
          p.license(),
          p.sizeBytes(),
          p.format(),
          p.schemaSummary(),
          p.previewRef(),
          new PriceTerms(offered(p.buyPriceFrost()), offered(p.rentPricePerPeriodFrost()),
              offered(p.rentPricePerPeriodFrost()) == null ? null : p.rentPeriodMs(),
              p.feeBps() == null ? 0 : p.feeBps()),
          p.blobId() == null || p.blobId().isEmpty() ? null : p.blobId(),
          p.sealedKeyRef(),
          status,
          at,
          at);
    } catch (IllegalArgumentException ex) {
      throw new InvalidEventException(ex.getMessage());
    }
  }

  /** The ledger writes 0 for a way to pay that is not offered; the catalog says null. */
  private static Long offered(Long frost) {
    return frost == null || frost == 0 ? null : frost;
  }

  private static long require(String field, Long v) {
    if (v == null) {
      throw new InvalidEventException("missing '" + field + "'");
    }
    return v;
  }

  /**
   * The event cannot be applied; the message says why (never contains secrets: events are public).
   * {@link #parsed()} tells an event that breaks the catalog's rules from one that is not even of
   * its schema's shape; {@code listingId}, {@code version} and {@code seq} are what could be read of
   * it (null otherwise), to find the event again.
   */
  public static final class InvalidEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean parsed;
    private String listingId;
    private Long version;
    private Long seq;

    /** An event that parsed but breaks a rule. */
    public InvalidEventException(String message) {
      this(message, true);
    }

    InvalidEventException(String message, boolean parsed) {
      super(message, null, false, false);
      this.parsed = parsed;
    }

    InvalidEventException about(JsonNode node) {
      JsonNode id = node.path("listingId");
      listingId = id.isTextual() ? id.asText() : null;
      version = node.path("version").canConvertToLong() ? node.path("version").asLong() : null;
      seq = node.path("seq").canConvertToLong() ? node.path("seq").asLong() : null;
      return this;
    }

    public boolean parsed() {
      return parsed;
    }

    public String listingId() {
      return listingId;
    }

    public Long version() {
      return version;
    }

    public Long seq() {
      return seq;
    }
  }
}
