package dev.haulout.marketplace;

import dev.haulout.marketplace.application.port.PurchaseRepository;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.Purchase;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failure injection: the real repository, except that once armed the next {@link #insertIfAbsent}
 * fails without writing, as a marketplace process dying between the ledger's answer and the
 * purchase row would leave it.
 */
final class FakeCrashingPurchaseRepository implements PurchaseRepository {
  private final PurchaseRepository real;
  private final AtomicBoolean armed = new AtomicBoolean();
  final AtomicInteger crashes = new AtomicInteger();

  FakeCrashingPurchaseRepository(PurchaseRepository real) {
    this.real = real;
  }

  void crashNextInsert() {
    armed.set(true);
  }

  @Override
  public Uni<Boolean> insertIfAbsent(Purchase p) {
    if (armed.compareAndSet(true, false)) {
      crashes.incrementAndGet();
      return Uni.createFrom().failure(new CatalogException(ErrorCode.UNAVAILABLE, "injected: the process died before the row"));
    }
    return real.insertIfAbsent(p);
  }

  @Override
  public Uni<Purchase> find(String subject, String idempotencyKey) {
    return real.find(subject, idempotencyKey);
  }

  @Override
  public Uni<List<Purchase>> bySubject(String subject) {
    return real.bySubject(subject);
  }
}
