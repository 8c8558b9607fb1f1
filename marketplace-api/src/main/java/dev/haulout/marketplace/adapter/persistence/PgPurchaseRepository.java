package dev.haulout.marketplace.adapter.persistence;

import dev.haulout.marketplace.application.port.PurchaseRepository;
import dev.haulout.marketplace.domain.Purchase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** {@link PurchaseRepository} on the {@code purchase} table (V10), reactive PostgreSQL client. */
@ApplicationScoped
public class PgPurchaseRepository implements PurchaseRepository {
  private static final String COLUMNS = "subject, idempotency_key, nonce, buyer, listing_id, kind, tx_digest,"
      + " access_id, expires_at_ms, receipt, created_ms";
  private final Pool pool;

  public PgPurchaseRepository(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Uni<Boolean> insertIfAbsent(Purchase p) {
    return StoreErrors.translate(pool.preparedQuery("INSERT INTO purchase (" + COLUMNS + ") VALUES"
            + " ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (subject, idempotency_key) DO NOTHING")
        .execute(Tuple.from(new Object[] {p.subject(), p.idempotencyKey(), p.nonce(), p.buyer(), p.listingId(),
            p.kind(), p.txDigest(), p.accessId(), p.expiresAtMs(), p.receipt(), p.createdMs()}))
        .map(rows -> rows.rowCount() == 1));
  }

  @Override
  public Uni<Purchase> find(String subject, String idempotencyKey) {
    return StoreErrors.translate(pool.preparedQuery("SELECT " + COLUMNS
            + " FROM purchase WHERE subject = $1 AND idempotency_key = $2")
        .execute(Tuple.of(subject, idempotencyKey))
        .map(rows -> {
          var it = rows.iterator();
          return it.hasNext() ? toPurchase(it.next()) : null;
        }));
  }

  @Override
  public Uni<List<Purchase>> bySubject(String subject) {
    return StoreErrors.translate(pool.preparedQuery("SELECT " + COLUMNS
            + " FROM purchase WHERE subject = $1 ORDER BY created_ms DESC, idempotency_key LIMIT 500")
        .execute(Tuple.of(subject))
        .map(rows -> {
          List<Purchase> out = new ArrayList<>();
          rows.forEach(r -> out.add(toPurchase(r)));
          return out;
        }));
  }

  private static Purchase toPurchase(Row r) {
    return new Purchase(r.getString("subject"), r.getString("idempotency_key"), r.getLong("nonce"),
        r.getString("buyer"), r.getString("listing_id"), r.getString("kind"), r.getString("tx_digest"),
        r.getString("access_id"), r.getLong("expires_at_ms"), r.getString("receipt"), r.getLong("created_ms"));
  }
}
