package dev.haulout.marketplace.adapter.persistence;

import dev.haulout.marketplace.application.port.ListingRepository;
import dev.haulout.marketplace.domain.Listing;
import dev.haulout.marketplace.domain.ListingId;
import dev.haulout.marketplace.domain.ListingRevision;
import java.time.Instant;
import dev.haulout.marketplace.domain.ListingPage;
import dev.haulout.marketplace.domain.ListingQuery;
import dev.haulout.marketplace.domain.PageCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/** {@link ListingRepository} on PostgreSQL through Hibernate Reactive. */
@ApplicationScoped
public class HibernateListingRepository implements ListingRepository {
  private final Mutiny.SessionFactory sessions;
  private final Vertx vertx;

  public HibernateListingRepository(Mutiny.SessionFactory sessions, Vertx vertx) {
    this.sessions = sessions;
    this.vertx = vertx;
  }

  @Override
  public Uni<Listing> findById(ListingId id) {
    return StoreErrors.translate(
        Sessions.read(sessions, s -> s.find(ListingEntity.class, id.value()))
            .map(e -> e == null ? null : ListingMapper.toDomain(e)));
  }

  @Override
  public Uni<ListingPage> search(ListingQuery query) {
    SearchSql sql = new SearchSql(query);
    return StoreErrors.translate(
        Sessions.read(sessions,
            s -> {
              Mutiny.SelectionQuery<Object[]> page = s.createNativeQuery(sql.pageSql, Object[].class);
              sql.params.forEach(page::setParameter);
              Mutiny.SelectionQuery<Long> count = s.createNativeQuery(sql.countSql, Long.class);
              sql.countParams.forEach(count::setParameter);
              return page.getResultList()
                  .flatMap(rows -> load(s, rows, query).flatMap(hits -> count.getSingleResult()
                      .map(total -> new ListingPage(
                          hits.size() > query.first() ? hits.subList(0, query.first()) : hits,
                          hits.size() > query.first(),
                          total))));
            }));
  }

  private static Uni<List<ListingPage.Hit>> load(Mutiny.Session s, List<Object[]> rows, ListingQuery query) {
    if (rows.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Object[] ids = rows.stream().map(r -> r[0]).toArray();
    return s.find(ListingEntity.class, ids)
        .map(entities -> {
          Map<String, ListingEntity> byId = new HashMap<>();
          for (ListingEntity e : entities) {
            if (e != null) {
              byId.put(e.id, e);
            }
          }
          List<ListingPage.Hit> hits = new ArrayList<>(rows.size());
          for (Object[] r : rows) {
            ListingEntity e = byId.get((String) r[0]);
            if (e != null) {
              hits.add(new ListingPage.Hit(ListingMapper.toDomain(e), new PageCursor(query.sort(), (String) r[1], e.id)));
            }
          }
          return hits;
        });
  }

  @Override
  public Uni<ApplyOutcome> applyIfNewer(Listing listing, long eventSeq) {
    return StoreErrors.translate(
        Sessions.write(sessions,
            s -> s.find(ListingEntity.class, listing.id().value(), LockModeType.PESSIMISTIC_WRITE)
                .flatMap(existing -> {
                  if (existing == null) {
                    ListingEntity e = new ListingEntity();
                    ListingMapper.copyState(listing, eventSeq, e);
                    e.createdMs = listing.createdAt().toEpochMilli();
                    return s.persist(e).call(s::flush)
                        .call(() -> recordRevision(s, listing, null))
                        .replaceWith(ApplyOutcome.INSERTED);
                  }
                  if (existing.version >= listing.version()) {
                    return Uni.createFrom().item(ApplyOutcome.IGNORED_STALE);
                  }
                  String previousBlob = existing.blobId;
                  ListingMapper.copyState(listing, eventSeq, existing);
                  return recordRevision(s, listing, previousBlob).replaceWith(ApplyOutcome.UPDATED);
                })));
  }

  /** Adds the next revision when {@code listing} names a blob other than {@code previousBlob}. */
  private static Uni<Void> recordRevision(Mutiny.Session s, Listing listing, String previousBlob) {
    if (listing.blobId() == null || listing.blobId().equals(previousBlob)) {
      return Uni.createFrom().voidItem();
    }
    return s.createNativeQuery("INSERT INTO listing_revision (listing_id, revision, blob_id, size_bytes, version, created_ms)"
            + " SELECT :id, coalesce(max(revision), 0) + 1, :blob, :size, :version, :created"
            + " FROM listing_revision WHERE listing_id = :id")
        .setParameter("id", listing.id().value())
        .setParameter("blob", listing.blobId())
        .setParameter("size", listing.sizeBytes())
        .setParameter("version", listing.version())
        .setParameter("created", listing.updatedAt().toEpochMilli())
        .executeUpdate()
        .replaceWithVoid();
  }

  @Override
  public Uni<List<ListingRevision>> revisions(ListingId id) {
    // callable from any thread: PurchaseService reads the revisions after the (blocking) wallet lookup
    return StoreErrors.translate(Sessions.onEventLoop(vertx,
        Sessions.read(sessions, s -> s.createNativeQuery(
                "SELECT revision, blob_id, size_bytes, version, created_ms FROM listing_revision"
                    + " WHERE listing_id = :id ORDER BY revision", Object[].class)
            .setParameter("id", id.value())
            .getResultList()
            .map(rows -> rows.stream()
                .map(r -> new ListingRevision(id, ((Number) r[0]).intValue(), (String) r[1],
                    r[2] == null ? null : ((Number) r[2]).longValue(), num(r[3]), Instant.ofEpochMilli(num(r[4]))))
                .toList()))));
  }

  @Override
  public Uni<List<Listing>> bySeller(String seller, int limit) {
    // callable from any thread: CatalogService.mine comes here after the (blocking) wallet lookup
    return StoreErrors.translate(Sessions.onEventLoop(vertx,
        Sessions.read(sessions, s -> s.createSelectionQuery(
                "from ListingEntity where seller = :seller order by updatedMs desc, id", ListingEntity.class)
            .setParameter("seller", seller)
            .setMaxResults(limit)
            .getResultList()
            .map(es -> es.stream().map(ListingMapper::toDomain).toList()))));
  }

  @Override
  public Uni<CatalogStats> stats() {
    String sql = "SELECT count(*), count(*) FILTER (WHERE status = 'ACTIVE'),"
        + " count(*) FILTER (WHERE status = 'DELISTED'), coalesce(max(last_event_seq), 0),"
        + " (SELECT count(*) FROM rejected_event) FROM listing";
    return StoreErrors.translate(
        Sessions.read(sessions, s -> s.createNativeQuery(sql, Object[].class).getSingleResult())
            .map(r -> new CatalogStats(num(r[0]), num(r[1]), num(r[2]), num(r[3]), num(r[4]))));
  }

  private static long num(Object o) {
    return ((Number) o).longValue();
  }
}
