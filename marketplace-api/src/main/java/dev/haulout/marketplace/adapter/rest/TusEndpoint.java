package dev.haulout.marketplace.adapter.rest;

import dev.haulout.marketplace.adapter.security.Viewers;
import dev.haulout.marketplace.application.UploadService;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.Upload;
import dev.haulout.marketplace.domain.Viewer;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The tus 1.0.0 resumable-upload protocol (extensions core, creation, termination, expiration) at
 * {@value #BASE}. A plain Vert.x route, not JAX-RS: a PATCH body is streamed to the upload's file
 * as it arrives ({@link TusPatch}), never buffered, and is not subject to
 * {@code quarkus.http.limits.max-body-size}. The route sits after Quarkus's authentication and
 * authorization filters (orders -200 and -100, so an invalid token is still a 401) and before its
 * body-size limit (order -2), and it answers every request it matches itself.
 */
@ApplicationScoped
public class TusEndpoint {
  static final String BASE = "/api/v1/uploads";
  static final String VERSION = "1.0.0";
  static final String EXTENSIONS = "creation,termination,expiration";
  static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
  private static final int ORDER = -50;
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final UploadService uploads;
  private final IdentityProviderManager identities;

  public TusEndpoint(UploadService uploads, IdentityProviderManager identities) {
    this.uploads = uploads;
    this.identities = identities;
  }

  void install(@Observes Router router) {
    router.route(BASE).order(ORDER).handler(this::collection);
    router.route(BASE + "/:id").order(ORDER).handler(this::member);
  }

  private void collection(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    if (method == HttpMethod.OPTIONS) {
      options(ctx);
    } else if (method == HttpMethod.POST) {
      run(ctx, this::create);
    } else {
      notAllowed(ctx, "OPTIONS, POST");
    }
  }

  /**
   * The request's method, or on a POST the one its {@code X-HTTP-Method-Override} names: tus core
   * requires servers to honour it for clients that cannot send PATCH or DELETE (the JDK's
   * HttpURLConnection, hence tus-java-client, always sends {@code POST} + {@code X-HTTP-Method-Override: PATCH}).
   */
  static HttpMethod method(HttpServerRequest req) {
    String override = req.getHeader("X-HTTP-Method-Override");
    if (req.method() == HttpMethod.POST && override != null && !override.isBlank()) {
      return HttpMethod.valueOf(override.strip().toUpperCase(java.util.Locale.ROOT));
    }
    return req.method();
  }

  private void member(RoutingContext ctx) {
    HttpMethod method = method(ctx.request());
    String id = ctx.pathParam("id");
    if (method == HttpMethod.OPTIONS) {
      options(ctx);
    } else if (method == HttpMethod.HEAD) {
      run(ctx, c -> head(c, id));
    } else if (method == HttpMethod.PATCH) {
      run(ctx, c -> patch(c, id));
    } else if (method == HttpMethod.DELETE) {
      run(ctx, c -> viewer(c).chain(v -> uploads.terminate(v, id))
          .invoke(() -> tusHeaders(c.response()).setStatusCode(204).end()));
    } else {
      notAllowed(ctx, "OPTIONS, HEAD, PATCH, DELETE");
    }
  }

  private void options(RoutingContext ctx) {
    ctx.response().setStatusCode(204)
        .putHeader("Tus-Resumable", VERSION)
        .putHeader("Tus-Version", VERSION)
        .putHeader("Tus-Extension", EXTENSIONS)
        .putHeader("Tus-Max-Size", Long.toString(uploads.maxSize()))
        .end();
  }

  private void notAllowed(RoutingContext ctx, String allow) {
    ctx.response().putHeader(HttpHeaders.ALLOW, allow);
    fail(ctx, new CatalogException(ErrorCode.METHOD_NOT_ALLOWED,
        ctx.request().method() + " is not allowed here; allowed: " + allow));
  }

  /** Checks Tus-Resumable, then runs {@code handler}; a failure of either becomes the error answer. */
  private void run(RoutingContext ctx, java.util.function.Function<RoutingContext, Uni<?>> handler) {
    if (method(ctx.request()) == HttpMethod.PATCH) {
      ctx.request().pause(); // no byte of the body is read before the PATCH is known to be acceptable
    }
    Uni<?> work;
    try {
      String version = ctx.request().getHeader("Tus-Resumable");
      if (!VERSION.equals(version)) {
        ctx.response().putHeader("Tus-Version", VERSION);
        throw new CatalogException(ErrorCode.TUS_VERSION_UNSUPPORTED, version == null
            ? "the Tus-Resumable header is required (this server speaks tus " + VERSION + ")"
            : "tus version '" + version + "' is not supported; this server speaks " + VERSION);
      }
      work = handler.apply(ctx);
    } catch (RuntimeException e) {
      work = Uni.createFrom().failure(e);
    }
    work.subscribe().with(ok -> {}, e -> fail(ctx, e));
  }

  private Uni<Upload> create(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    if (req.getHeader("Upload-Defer-Length") != null) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT,
          "Upload-Defer-Length is not supported (no creation-defer-length extension); send Upload-Length");
    }
    long length = headerLong(req, "Upload-Length", true);
    if (declaredBody(req) > 0) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT,
          "a creation request carries no body here (creation-with-upload is not supported); PATCH the data");
    }
    String metadata = req.getHeader("Upload-Metadata");
    return viewer(ctx).chain(v -> uploads.create(v, length, metadata)).invoke(u -> {
      tusHeaders(ctx.response()).setStatusCode(201)
          .putHeader(HttpHeaders.LOCATION, BASE + "/" + u.id())
          .putHeader("Upload-Offset", Long.toString(u.offset()));
      expires(ctx.response(), u).end();
    });
  }

  private Uni<Upload> head(RoutingContext ctx, String id) {
    return viewer(ctx).chain(v -> uploads.find(v, id)).invoke(u -> {
      HttpServerResponse r = tusHeaders(ctx.response()).setStatusCode(200)
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
          .putHeader("Upload-Offset", Long.toString(u.offset()))
          .putHeader("Upload-Length", Long.toString(u.length()));
      if (u.metadata() != null) {
        r.putHeader("Upload-Metadata", u.metadata());
      }
      expires(r, u).end();
    });
  }

  private Uni<?> patch(RoutingContext ctx, String id) {
    HttpServerRequest req = ctx.request();
    String type = req.getHeader(HttpHeaders.CONTENT_TYPE);
    String mediaType = type == null ? null : type.split(";", 2)[0].strip();
    if (!OFFSET_OCTET_STREAM.equalsIgnoreCase(mediaType)) {
      throw new CatalogException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "a PATCH body must be " + OFFSET_OCTET_STREAM + ", not " + (type == null ? "missing" : "'" + type + "'"));
    }
    long offset = headerLong(req, "Upload-Offset", true);
    long declared = declaredBody(req);
    return viewer(ctx).chain(v -> uploads.append(v, id, offset, declared))
        .invoke(append -> new TusPatch(ctx, append, this::patched).start());
  }

  private void patched(RoutingContext ctx, Upload u) {
    expires(tusHeaders(ctx.response()).setStatusCode(204).putHeader("Upload-Offset", Long.toString(u.offset())), u)
        .end();
  }

  static void fail(RoutingContext ctx, Throwable e) {
    HttpServerRequest req = ctx.request();
    if (!req.isEnded() && method(req) == HttpMethod.PATCH) {
      // the body will not be stored: drop what arrives and close the connection after the answer
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      req.handler(b -> {});
      req.resume();
    }
    tusHeaders(ctx.response());
    RestErrors.reply(ctx, e);
  }

  private Uni<Viewer> viewer(RoutingContext ctx) {
    return QuarkusHttpUser.getSecurityIdentity(ctx, identities).map(Viewers::of);
  }

  private static HttpServerResponse tusHeaders(HttpServerResponse r) {
    return r.putHeader("Tus-Resumable", VERSION);
  }

  private static HttpServerResponse expires(HttpServerResponse r, Upload u) {
    if (!u.isComplete()) {
      r.putHeader("Upload-Expires", HTTP_DATE.format(Instant.ofEpochMilli(u.expiresMs())));
    }
    return r;
  }

  /** A header holding a non-negative decimal integer; -1 when absent and not {@code required}. */
  private static long headerLong(HttpServerRequest req, String name, boolean required) {
    String value = req.getHeader(name);
    if (value == null) {
      if (required) {
        throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "the " + name + " header is required");
      }
      return -1;
    }
    if (!value.matches("[0-9]{1,19}")) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT, name + " must be a non-negative integer, not '"
          + dev.haulout.marketplace.domain.Texts.printable(value, 40) + "'");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT, name + " is too large: " + value);
    }
  }

  private static long declaredBody(HttpServerRequest req) {
    return headerLong(req, HttpHeaders.CONTENT_LENGTH.toString(), false);
  }
}
