package dev.haulout.marketplace.adapter.persistence;

import dev.haulout.marketplace.application.port.RejectedEventLog;
import dev.haulout.marketplace.domain.Texts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.hibernate.reactive.mutiny.Mutiny;

/** {@link RejectedEventLog} in the {@code rejected_event} table. */
@ApplicationScoped
public class HibernateRejectedEventLog implements RejectedEventLog {
  private static final String INSERT = "INSERT INTO rejected_event (topic, kafka_partition, kafka_offset, record_key,"
      + " listing_id, version, event_seq, stage, reason, payload_sha256, payload_bytes, rejected_ms)"
      + " VALUES (:topic, :partition, :offset, :key, :listing, :version, :seq, :stage, :reason, :sha, :bytes, :at)"
      + " ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING";

  private final Mutiny.SessionFactory sessions;

  public HibernateRejectedEventLog(Mutiny.SessionFactory sessions) {
    this.sessions = sessions;
  }

  @Override
  public Uni<Void> record(RejectedEvent e) {
    return StoreErrors.translate(Sessions.write(sessions, s -> s.createNativeQuery(INSERT)
        .setParameter("topic", Texts.printable(e.topic(), 255))
        .setParameter("partition", e.partition())
        .setParameter("offset", e.offset())
        .setParameter("key", Texts.printable(e.key(), 200))
        .setParameter("listing", Texts.printable(e.listingId(), 80))
        .setParameter("version", e.version())
        .setParameter("seq", e.seq())
        .setParameter("stage", e.stage().name().toLowerCase(Locale.ROOT))
        .setParameter("reason", Texts.printable(e.reason(), 500))
        .setParameter("sha", e.payloadSha256())
        .setParameter("bytes", e.payloadBytes())
        .setParameter("at", System.currentTimeMillis())
        .executeUpdate()
        .replaceWithVoid()));
  }
}
