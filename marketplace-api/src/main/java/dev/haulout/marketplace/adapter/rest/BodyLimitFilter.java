package dev.haulout.marketplace.adapter.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared {@code Content-Length} is over {@code quarkus.http.limits.max-body-size}
 * before any handler reads it, with a JSON body carrying the stable code {@code PAYLOAD_TOO_LARGE}
 * (in the GraphQL error shape, since GraphQL is what takes bodies here). Chunked bodies without a
 * length are still cut off by Quarkus at the same limit, with its own empty 413. Uploads ({@link
 * TusEndpoint}) stream their bodies and have limits of their own.
 */
@ApplicationScoped
public class BodyLimitFilter {
  static final String BODY_TEMPLATE =
      "{\"errors\":[{\"message\":\"request body of %d bytes is over the limit of %d bytes\","
          + "\"extensions\":{\"code\":\"PAYLOAD_TOO_LARGE\"}}]}";

  private final long limit;

  public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
    this.limit = limit.asLongValue();
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(ctx -> {
      if (ctx.normalizedPath().startsWith(TusEndpoint.BASE)) {
        ctx.next();
        return;
      }
      String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
      long length = parse(declared);
      if (length > limit) {
        ctx.response().setStatusCode(413)
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .putHeader(HttpHeaders.CONNECTION, "close")
            .end(String.format(BODY_TEMPLATE, length, limit));
        return;
      }
      ctx.next();
    });
  }

  private static long parse(String header) {
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
