package dev.haulout.marketplace.adapter.persistence;

import dev.haulout.marketplace.application.port.PublicationRepository;
import dev.haulout.marketplace.domain.Publication;
import dev.haulout.marketplace.domain.PublicationStage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PublicationRepository} on the {@code publication} table through the reactive PostgreSQL
 * client (not Hibernate sessions: the publish pipeline updates progress from worker threads).
 */
@ApplicationScoped
public class PgPublicationRepository implements PublicationRepository {
  private static final String COLUMNS = "id, owner, stage, state, listing_id, revision, blob_id, preview_blob_id,"
      + " error_code, error_message, bytes_done, bytes_total, created_ms, updated_ms";
  private final Pool pool;

  public PgPublicationRepository(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Uni<Publication> createIfAbsent(Publication p) {
    return StoreErrors.translate(pool.preparedQuery("INSERT INTO publication (" + COLUMNS + ") VALUES"
            + " ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING")
        .execute(tuple(p))
        .flatMap(r -> find(p.id())));
  }

  @Override
  public Uni<Publication> find(String id) {
    return StoreErrors.translate(pool.preparedQuery("SELECT " + COLUMNS + " FROM publication WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next())));
  }

  @Override
  public Uni<Void> save(Publication p) {
    return StoreErrors.translate(pool.preparedQuery("UPDATE publication SET owner = $2, stage = $3, state = $4,"
            + " listing_id = $5, revision = $6, blob_id = $7, preview_blob_id = $8, error_code = $9, error_message = $10,"
            + " bytes_done = $11, bytes_total = $12, created_ms = $13, updated_ms = $14 WHERE id = $1")
        .execute(tuple(p))
        .replaceWithVoid());
  }

  @Override
  public Uni<List<Publication>> running() {
    return StoreErrors.translate(pool.preparedQuery("SELECT " + COLUMNS + " FROM publication WHERE state = 'RUNNING'")
        .execute().map(PgPublicationRepository::all));
  }

  @Override
  public Uni<List<Publication>> byOwner(String owner, int limit) {
    return StoreErrors.translate(pool.preparedQuery("SELECT " + COLUMNS
            + " FROM publication WHERE owner = $1 ORDER BY created_ms DESC, id LIMIT $2")
        .execute(Tuple.of(owner, limit)).map(PgPublicationRepository::all));
  }

  private static List<Publication> all(RowSet<Row> rows) {
    List<Publication> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(map(r));
    }
    return out;
  }

  private static Tuple tuple(Publication p) {
    return Tuple.tuple(List.of(p.id(), p.owner(), p.stage().name(), p.state().name()))
        .addValue(p.listingId()).addValue(p.revision()).addValue(p.blobId()).addValue(p.previewBlobId())
        .addValue(p.errorCode()).addValue(p.errorMessage()).addValue(p.bytesDone()).addValue(p.bytesTotal())
        .addValue(p.createdMs()).addValue(p.updatedMs());
  }

  private static Publication map(Row r) {
    return new Publication(r.getString("id"), r.getString("owner"), PublicationStage.valueOf(r.getString("stage")),
        Publication.State.valueOf(r.getString("state")), r.getString("listing_id"), r.getInteger("revision"),
        r.getString("blob_id"), r.getString("preview_blob_id"), r.getString("error_code"), r.getString("error_message"),
        r.getLong("bytes_done"), r.getLong("bytes_total"), r.getLong("created_ms"), r.getLong("updated_ms"));
  }
}
