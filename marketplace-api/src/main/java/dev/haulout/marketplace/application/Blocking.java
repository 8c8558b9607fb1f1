package dev.haulout.marketplace.application;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Supplier;

/** Runs a blocking call (the ledger's JDBC-backed methods) on a worker thread, never on the event loop. */
public final class Blocking {
  private Blocking() {}

  public static <T> Uni<T> call(Supplier<T> work) {
    return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }
}
