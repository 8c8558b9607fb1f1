package dev.haulout.marketplace.adapter.persistence;

import dev.haulout.marketplace.application.port.FavoriteRepository;
import dev.haulout.marketplace.domain.Listing;
import dev.haulout.marketplace.domain.ListingId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** {@link FavoriteRepository} on the {@code favorite} table. */
@ApplicationScoped
public class HibernateFavoriteRepository implements FavoriteRepository {
  private final Mutiny.SessionFactory sessions;

  public HibernateFavoriteRepository(Mutiny.SessionFactory sessions) {
    this.sessions = sessions;
  }

  @Override
  public Uni<Boolean> add(String subject, ListingId listing) {
    return StoreErrors.translate(Sessions.write(sessions, s -> s.createNativeQuery(
                "INSERT INTO favorite (subject, listing_id, created_ms) VALUES (:s, :l, :t) ON CONFLICT DO NOTHING")
            .setParameter("s", subject)
            .setParameter("l", listing.value())
            .setParameter("t", System.currentTimeMillis())
            .executeUpdate()
            .map(n -> n > 0)));
  }

  @Override
  public Uni<Boolean> remove(String subject, ListingId listing) {
    return StoreErrors.translate(Sessions.write(sessions, s -> s.createNativeQuery(
                "DELETE FROM favorite WHERE subject = :s AND listing_id = :l")
            .setParameter("s", subject)
            .setParameter("l", listing.value())
            .executeUpdate()
            .map(n -> n > 0)));
  }

  @Override
  public Uni<List<Listing>> list(String subject) {
    return StoreErrors.translate(Sessions.read(sessions, s -> s.createNativeQuery(
                "SELECT listing_id FROM favorite WHERE subject = :s ORDER BY created_ms DESC, listing_id", String.class)
            .setParameter("s", subject)
            .getResultList()
            .flatMap(ids -> ids.isEmpty()
                ? Uni.createFrom().item(List.<ListingEntity>of())
                : s.find(ListingEntity.class, ids.toArray()))
            .map(rows -> rows.stream().filter(java.util.Objects::nonNull).map(ListingMapper::toDomain).toList())));
  }
}
