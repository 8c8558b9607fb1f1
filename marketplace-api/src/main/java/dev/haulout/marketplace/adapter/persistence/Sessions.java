package dev.haulout.marketplace.adapter.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Runs each repository call in a session of its own. {@code SessionFactory.withSession} would reuse
 * the session bound to the request's Vert.x context, and GraphQL resolves sibling fields
 * concurrently on that context; a reactive session must never see two operations at once.
 */
final class Sessions {
  private Sessions() {}

  static <T> Uni<T> read(Mutiny.SessionFactory factory, Function<Mutiny.Session, Uni<T>> work) {
    return factory.openSession().flatMap(s -> work.apply(s).eventually(s::close));
  }

  static <T> Uni<T> write(Mutiny.SessionFactory factory, Function<Mutiny.Session, Uni<T>> work) {
    return factory.openSession().flatMap(s -> s.withTransaction(tx -> work.apply(s)).eventually(s::close));
  }

  /**
   * Subscribes to {@code work} on a Vert.x event loop: Hibernate Reactive refuses any other thread,
   * and a use case may reach the repository after a blocking step ran on a worker thread (the
   * wallet lookup, the ledger). On an event loop already, nothing changes.
   */
  static <T> Uni<T> onEventLoop(Vertx vertx, Uni<T> work) {
    if (Context.isOnEventLoopThread()) {
      return work;
    }
    Context current = Vertx.currentContext();
    Context target = current != null && current.isEventLoopContext() ? current : vertx.getOrCreateContext();
    return work.runSubscriptionOn(task -> target.runOnContext(ignored -> task.run()));
  }
}
