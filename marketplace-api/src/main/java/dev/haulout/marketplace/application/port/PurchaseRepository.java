package dev.haulout.marketplace.application.port;

import dev.haulout.marketplace.domain.Purchase;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Purchases by (subject, idempotency key). */
public interface PurchaseRepository {
  /** Stores {@code p} unless a purchase with its key exists; true when this one was stored. */
  Uni<Boolean> insertIfAbsent(Purchase p);

  /** The purchase of that key, or null. */
  Uni<Purchase> find(String subject, String idempotencyKey);

  /** The subject's purchases, newest first. */
  Uni<List<Purchase>> bySubject(String subject);
}
