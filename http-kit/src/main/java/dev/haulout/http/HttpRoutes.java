package dev.haulout.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The one way Haulout's HTTP servers route: a Vert.x Web {@link Router} whose every failure
 * (an exception thrown by a route, a failed blocking call, a refused body, a request the framework
 * refused, no route at all) is answered by the server's own {@link ErrorReply}. A server is then a
 * table of {@code router.get(path).handler(...)} lines; blocking work goes through {@link #blocking}.
 */
public final class HttpRoutes {
  private HttpRoutes() {}

  /** Signature of route work that may throw (a ledger or disk call). */
  @FunctionalInterface
  public interface Work<I, O> {
    O apply(I input) throws Exception;
  }

  /**
   * A router for one server. Failures go to {@code errors}; call {@link #fallback} after the last
   * route. A refused body with {@link Bodies.Overflow#CLOSE} gets {@code Connection: close} and its
   * connection is closed once the answer is written.
   */
  public static Router router(Vertx vertx, ErrorReply errors) {
    Router r = Router.router(vertx);
    r.route().failureHandler(ctx -> answer(ctx, errors, failureOf(ctx)));
    // Vert.x Web refuses some requests while matching, outside any route (a path parameter that is
    // not valid percent-encoding): those reach the router's error handler, not a failure handler
    r.errorHandler(400, ctx -> answer(ctx, errors, new HttpFailure(400, "malformed request")));
    return r;
  }

  /** The last route: whatever no route matched is answered with {@code notFound}'s error (never the framework's 404/405 page). */
  public static void fallback(Router r, Function<RoutingContext, ? extends Throwable> notFound) {
    r.route().last().handler(ctx -> ctx.fail(notFound.apply(ctx)));
  }

  private static void answer(RoutingContext ctx, ErrorReply errors, Throwable t) {
    HttpServerResponse res = ctx.response();
    boolean close = t instanceof BodyException be && be.closesConnection();
    if (close && !res.ended() && !res.closed()) {
      res.putHeader("Connection", "close");
    }
    Future<Void> sent = errors.send(ctx, t);
    if (close) {
      sent.onComplete(v -> ctx.request().connection().close());
    }
  }

  /** The failure to answer: a route's own exception as it is, a framework refusal as an {@link HttpFailure}. */
  static Throwable failureOf(RoutingContext ctx) {
    Throwable t = ctx.failure();
    // RoutingContext.fail(Throwable) records 500: anything else is Vert.x Web's own refusal
    if (t == null || ctx.statusCode() != 500) {
      int status = ctx.statusCode() < 0 ? 500 : ctx.statusCode();
      return new HttpFailure(status, t == null || t.getMessage() == null ? "request refused" : t.getMessage());
    }
    return t;
  }

  /**
   * Runs {@code work} on a worker thread (unordered, so one slow call does not queue the next) and
   * hands its result to {@code reply} on the event loop; a failure of either goes to the router's
   * {@link ErrorReply}.
   */
  public static <T> void blocking(RoutingContext ctx, Callable<T> work, BiConsumer<RoutingContext, T> reply) {
    ctx.vertx().executeBlocking(work, false).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      try {
        reply.accept(ctx, ar.result());
      } catch (RuntimeException e) {
        ctx.fail(e);
      }
    });
  }

  /**
   * Reads the body within {@code max} bytes ({@link Bodies#read}), runs {@code work} on it on a
   * worker thread and hands the result to {@code reply}; a refused body or a failure goes to the
   * router's {@link ErrorReply}.
   */
  public static <T> void withBody(RoutingContext ctx, long max, Bodies.Overflow overflow, Work<Buffer, T> work,
      BiConsumer<RoutingContext, T> reply) {
    Bodies.read(ctx.request(), max, overflow).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else {
        blocking(ctx, () -> work.apply(ar.result()), reply);
      }
    });
  }

  /** Ends the response with a JSON body ({@code Content-Type: application/json}); does nothing once it has ended or closed. */
  public static Future<Void> json(HttpServerResponse res, int status, Buffer body) {
    if (res.ended() || res.closed()) {
      return Future.succeededFuture();
    }
    return res.setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
  }

  /** As {@link #json(HttpServerResponse, int, Buffer)} for an encoded JSON text. */
  public static Future<Void> json(HttpServerResponse res, int status, String body) {
    return json(res, status, Buffer.buffer(body));
  }
}
