package dev.haulout.marketplace.adapter.persistence;

import dev.haulout.marketplace.application.port.UploadRepository;
import dev.haulout.marketplace.domain.Upload;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** {@link UploadRepository} on the {@code upload} table. */
@ApplicationScoped
public class HibernateUploadRepository implements UploadRepository {
  private static final String COLUMNS = "id, owner, length, received, metadata, created_ms, expires_ms, completed_ms";
  private final Mutiny.SessionFactory sessions;

  public HibernateUploadRepository(Mutiny.SessionFactory sessions) {
    this.sessions = sessions;
  }

  @Override
  public Uni<Void> insert(Upload u) {
    return StoreErrors.translate(Sessions.write(sessions, s -> s.createNativeQuery(
                "INSERT INTO upload (" + COLUMNS + ") VALUES (:id, :owner, :length, :received, :metadata, :created,"
                    + " :expires, :completed)")
            .setParameter("id", u.id())
            .setParameter("owner", u.owner())
            .setParameter("length", u.length())
            .setParameter("received", u.offset())
            .setParameter("metadata", u.metadata())
            .setParameter("created", u.createdMs())
            .setParameter("expires", u.expiresMs())
            .setParameter("completed", u.completedMs())
            .executeUpdate()
            .replaceWithVoid()));
  }

  @Override
  public Uni<Upload> find(String id) {
    return StoreErrors.translate(Sessions.read(sessions, s -> s.createNativeQuery(
                "SELECT " + COLUMNS + " FROM upload WHERE id = :id", Object[].class)
            .setParameter("id", id)
            .getResultList()
            .map(rows -> rows.isEmpty() ? null : toUpload(rows.get(0)))));
  }

  @Override
  public Uni<Boolean> advance(Upload u, long expectedOffset) {
    return StoreErrors.translate(Sessions.write(sessions, s -> s.createNativeQuery(
                "UPDATE upload SET received = :received, expires_ms = :expires, completed_ms = :completed"
                    + " WHERE id = :id AND received = :expected")
            .setParameter("id", u.id())
            .setParameter("received", u.offset())
            .setParameter("expires", u.expiresMs())
            .setParameter("completed", u.completedMs())
            .setParameter("expected", expectedOffset)
            .executeUpdate()
            .map(n -> n == 1)));
  }

  @Override
  public Uni<Boolean> delete(String id) {
    return StoreErrors.translate(Sessions.write(sessions, s -> s.createNativeQuery("DELETE FROM upload WHERE id = :id")
            .setParameter("id", id)
            .executeUpdate()
            .map(n -> n > 0)));
  }

  @Override
  public Uni<List<Upload>> expired(long nowMs, int limit) {
    return StoreErrors.translate(Sessions.read(sessions, s -> s.createNativeQuery(
                "SELECT " + COLUMNS + " FROM upload WHERE completed_ms IS NULL AND expires_ms <= :now"
                    + " ORDER BY expires_ms, id LIMIT :limit", Object[].class)
            .setParameter("now", nowMs)
            .setParameter("limit", limit)
            .getResultList()
            .map(rows -> rows.stream().map(HibernateUploadRepository::toUpload).toList())));
  }

  private static Upload toUpload(Object[] r) {
    return new Upload((String) r[0], (String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
        (String) r[4], ((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
        r[7] == null ? null : ((Number) r[7]).longValue());
  }
}
