package dev.haulout.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * How one server answers a failure in its own stable error shape (the ledger's
 * {@code {error, message}}, the storage node's Walrus error JSON, Seal's key-server errors). It is
 * the only place a server turns an exception into a status and a body; it must never echo a stack
 * trace or an internal exception's text.
 */
@FunctionalInterface
public interface ErrorReply {
  /**
   * Answers {@code failure}: the server's own exceptions, {@link BodyException} (a refused body),
   * {@link HttpFailure} (a request the HTTP layer refused before any route ran) or anything else
   * (an internal error). Returns when the answer is written; does nothing if the response has ended.
   */
  Future<Void> send(RoutingContext ctx, Throwable failure);
}
