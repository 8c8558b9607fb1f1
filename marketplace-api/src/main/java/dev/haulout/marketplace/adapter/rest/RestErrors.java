package dev.haulout.marketplace.adapter.rest;

import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * The REST error answer: an HTTP status chosen by the stable {@link ErrorCode}, and the body
 * {@code {"code": "...", "message": "..."}} (a HEAD answer has no body, so the code also travels in
 * the {@value #CODE_HEADER} header). Anything that is not a {@link CatalogException} is a bug: it is
 * logged with its stack trace and the client gets {@code INTERNAL} without detail.
 */
final class RestErrors {
  static final String CODE_HEADER = "Haulout-Error-Code";
  private static final Logger LOG = Logger.getLogger(RestErrors.class);

  private RestErrors() {}

  static int status(ErrorCode code) {
    return switch (code) {
      case INVALID_ARGUMENT, INVALID_CURSOR, INVALID_SIGNATURE, QUOTE_INVALID, TRANSACTION_MISMATCH -> 400;
      case INSUFFICIENT_FUNDS -> 402;
      case CHALLENGE_EXPIRED, NOT_FOR_SALE, PRICE_CHANGED, WALLET_NOT_LINKED, LISTING_NOT_ACTIVE -> 409;
      case QUOTE_EXPIRED -> 410;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN, NO_ACCESS, RENTAL_EXPIRED, NOT_YOUR_LISTING -> 403;
      case NOT_FOUND, LISTING_NOT_FOUND, REVISION_NOT_FOUND -> 404;
      case METHOD_NOT_ALLOWED -> 405;
      case UPLOAD_OFFSET_MISMATCH -> 409;
      case UPLOAD_EXPIRED -> 410;
      case TUS_VERSION_UNSUPPORTED -> 412;
      case PAYLOAD_TOO_LARGE -> 413;
      case UNSUPPORTED_MEDIA_TYPE -> 415;
      case RANGE_NOT_SATISFIABLE -> 416;
      case UPLOAD_LOCKED -> 423;
      case CONTENT_CORRUPT -> 502;
      case UNAVAILABLE -> 503;
      case INTERNAL -> 500;
    };
  }

  /** Answers {@code ctx} with the error {@code failure} stands for (nothing when the response already started). */
  static void reply(RoutingContext ctx, Throwable failure) {
    CatalogException e;
    if (failure instanceof CatalogException c) {
      e = c;
    } else {
      LOG.error("unexpected failure of " + ctx.request().method() + " " + ctx.normalizedPath(), failure);
      e = new CatalogException(ErrorCode.INTERNAL, "internal error");
    }
    if (ctx.response().headWritten() || ctx.response().closed()) {
      return;
    }
    var response = ctx.response().setStatusCode(status(e.code())).putHeader(CODE_HEADER, e.code().name());
    if (e.code() == ErrorCode.UNAUTHENTICATED) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    if (ctx.request().method() == HttpMethod.HEAD) {
      response.end();
      return;
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("code", e.code().name()).put("message", e.getMessage()).encode());
  }
}
