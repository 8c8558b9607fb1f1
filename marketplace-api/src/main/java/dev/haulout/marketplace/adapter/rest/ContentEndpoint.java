package dev.haulout.marketplace.adapter.rest;

import dev.haulout.dataset.DatasetReadException;
import dev.haulout.marketplace.adapter.security.Viewers;
import dev.haulout.marketplace.application.ContentService;
import dev.haulout.marketplace.application.port.ListingRepository;
import dev.haulout.marketplace.application.port.Wallets;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.ListingId;
import dev.haulout.marketplace.domain.ListingRevision;
import dev.haulout.marketplace.domain.Viewer;
import dev.haulout.storage.ByteRange;
import dev.haulout.storage.aggregator.ReadRange;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The content gateway (docs/commerce.md "Read"): {@code GET|HEAD /api/v1/listings/{id}/content}
 * and {@code /api/v1/listings/{id}/revisions/{n}/content}. A plain Vert.x route like {@link
 * TusEndpoint}: the caller's managed wallet signs a session key, the key servers release the
 * revision's data key if the ledger lets that wallet read, and the plaintext of the requested range
 * is decrypted chunk by chunk on a worker thread and written with back-pressure (the worker waits
 * for the response's write queue to drain), so memory stays at the reader's read-ahead plus a chunk.
 *
 * <p>One range per request ({@code bytes=a-b}, {@code a-}, {@code -n}) → 206; none, another unit,
 * or an {@code If-Range} that is not the current strong ETag → 200; not satisfiable or malformed
 * → 416 with {@code Content-Range: bytes *}{@code /len} (RFC 9110 §14.2 lets a server answer a
 * malformed range-set so; storage's aggregator does the same, with the same {@link ReadRange}).
 * The first chunk is authenticated before the status line goes out, so corrupt content is a 502
 * {@code CONTENT_CORRUPT}; a later chunk that fails cuts the connection (never bad bytes).
 */
@ApplicationScoped
public class ContentEndpoint {
  static final String BASE = "/api/v1/listings/:id";
  private static final int ORDER = -50;
  private static final int WRITE_BUFFER = 64 << 10;
  private static final long DRAIN_TIMEOUT_S = 120;
  private static final Logger LOG = Logger.getLogger(ContentEndpoint.class);

  private final ContentService content;
  private final ListingRepository listings;
  private final Wallets wallets;
  private final IdentityProviderManager identities;

  public ContentEndpoint(ContentService content, ListingRepository listings, Wallets wallets,
      IdentityProviderManager identities) {
    this.content = content;
    this.listings = listings;
    this.wallets = wallets;
    this.identities = identities;
  }

  void install(@Observes Router router) {
    router.route(BASE + "/content").order(ORDER).handler(ctx -> serve(ctx, null));
    router.route(BASE + "/revisions/:n/content").order(ORDER).handler(ctx -> serve(ctx, ctx.pathParam("n")));
  }

  private void serve(RoutingContext ctx, String revisionText) {
    HttpMethod method = ctx.request().method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
      RestErrors.reply(ctx, new CatalogException(ErrorCode.METHOD_NOT_ALLOWED, method + " is not allowed here; allowed: GET, HEAD"));
      return;
    }
    String listingId = ctx.pathParam("id");
    Uni<?> work;
    try {
      Integer revision = revisionText == null ? null : revision(revisionText);
      work = QuarkusHttpUser.getSecurityIdentity(ctx, identities).map(Viewers::of)
          .chain(viewer -> wallet(viewer))
          .chain(wallet -> history(listingId, revision).map(history -> new Request(wallet, revision, history)))
          .chain(req -> Uni.createFrom().completionStage(ctx.vertx().executeBlocking(() -> {
            send(ctx, listingId, req);
            return null;
          }, false).toCompletionStage()));
    } catch (RuntimeException e) {
      work = Uni.createFrom().failure(e);
    }
    work.subscribe().with(ok -> {}, e -> RestErrors.reply(ctx, e));
  }

  private record Request(Wallets.Wallet wallet, Integer revision, List<ListingRevision> history) {}

  private Uni<Wallets.Wallet> wallet(Viewer viewer) {
    if (viewer == null) {
      throw new CatalogException(ErrorCode.UNAUTHENTICATED, "reading content needs a bearer token");
    }
    return wallets.walletOf(viewer);
  }

  private Uni<List<ListingRevision>> history(String listingId, Integer revision) {
    if (revision == null) {
      return Uni.createFrom().item(List.of());
    }
    ListingId id;
    try {
      id = ListingId.of(listingId);
    } catch (IllegalArgumentException e) {
      throw new CatalogException(ErrorCode.LISTING_NOT_FOUND, "no listing " + listingId);
    }
    return listings.revisions(id);
  }

  private static Integer revision(String text) {
    if (!text.matches("[1-9][0-9]{0,8}")) {
      throw new CatalogException(ErrorCode.REVISION_NOT_FOUND, "revision must be a number from 1, got '"
          + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
    }
    return Integer.parseInt(text);
  }

  /** Blocking: opens the revision, answers the head, streams the range. */
  private void send(RoutingContext ctx, String listingId, Request req) {
    try (ContentService.Content c = content.open(req.wallet(), listingId, req.revision(), req.history())) {
      long length = c.reader().length();
      String etag = "\"" + c.blobId() + "\"";
      ReadRange.Resolved r = resolve(ctx, etag, length);
      HttpServerResponse res = ctx.response();
      res.putHeader(HttpHeaders.ACCEPT_RANGES, "bytes")
          .putHeader(HttpHeaders.ETAG, etag)
          .putHeader(HttpHeaders.CACHE_CONTROL, "private, no-store")
          .putHeader(HttpHeaders.CONTENT_TYPE, c.reader().contentType().isBlank()
              ? "application/octet-stream" : c.reader().contentType())
          .putHeader("Content-Disposition", "attachment; filename=\"" + c.filename() + "\"");
      if (ctx.request().method() == HttpMethod.HEAD) {
        head(res, r, length).end();
        return;
      }
      stream(ctx, c, r, length, listingId);
    } catch (ReadRange.NotSatisfiable e) {
      ctx.response().putHeader("Content-Range", "bytes */" + e.blobLength());
      throw new CatalogException(ErrorCode.RANGE_NOT_SATISFIABLE, e.getMessage());
    }
  }

  private static ReadRange.Resolved resolve(RoutingContext ctx, String etag, long length) {
    String range = ctx.request().getHeader("Range");
    String ifRange = ctx.request().getHeader("If-Range");
    if (range == null || (ifRange != null && !ifRange.trim().equals(etag))) {
      // no range, or the client's copy is not this revision (a weak tag or a date never matches a strong one)
      return new ReadRange.Resolved(new ByteRange(0, length), false);
    }
    return ReadRange.resolveHeader(range, length);
  }

  private static HttpServerResponse head(HttpServerResponse res, ReadRange.Resolved r, long length) {
    res.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(r.range().length()));
    if (r.partial()) {
      res.setStatusCode(206).putHeader("Content-Range",
          "bytes " + r.range().start() + "-" + (r.range().end() - 1) + "/" + length);
    } else {
      res.setStatusCode(200);
    }
    return res;
  }

  private void stream(RoutingContext ctx, ContentService.Content c, ReadRange.Resolved r, long length,
      String listingId) {
    HttpServerResponse res = ctx.response();
    AtomicBoolean gone = new AtomicBoolean();
    res.closeHandler(v -> gone.set(true));
    byte[] buf = new byte[WRITE_BUFFER];
    long remaining = r.range().length();
    boolean started = false;
    try (InputStream in = c.reader().range(r.range().start(), r.range().end())) {
      // the first chunk is authenticated before the status line: corrupt content is still a clean 502
      int first = in.readNBytes(buf, 0, (int) Math.min(buf.length, remaining));
      head(res, r, length);
      started = true;
      write(res, buf, first);
      remaining -= first;
      while (remaining > 0 && !gone.get()) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
        if (n < 0) {
          throw new IOException("content ended " + remaining + " bytes early");
        }
        write(res, buf, n);
        remaining -= n;
        awaitDrain(res, gone);
      }
      if (!gone.get()) {
        res.end();
      }
    } catch (DatasetReadException e) {
      if (!started) {
        clearHead(res);
        throw ContentService.translate(e, listingId);
      }
      LOG.warnf("content of %s cut after the head: [%s] %s", listingId, e.code(), e.getMessage());
      res.reset(); // headers are out: the client sees a truncated body, never unauthenticated bytes
    } catch (IOException e) {
      if (!started) {
        clearHead(res);
        throw new CatalogException(ErrorCode.UNAVAILABLE, "content read failed; retry later", e);
      }
      LOG.warnf("content of %s cut: %s", listingId, e.getMessage());
      res.reset();
    }
  }

  private static void clearHead(HttpServerResponse res) {
    res.headers().remove(HttpHeaders.ACCEPT_RANGES).remove(HttpHeaders.ETAG).remove("Content-Disposition")
        .remove(HttpHeaders.CONTENT_LENGTH).remove("Content-Range");
    res.setStatusCode(200);
  }

  private static void write(HttpServerResponse res, byte[] buf, int n) {
    if (n > 0) {
      res.write(Buffer.buffer(n).appendBytes(buf, 0, n));
    }
  }

  private static void awaitDrain(HttpServerResponse res, AtomicBoolean gone) throws IOException {
    if (!res.writeQueueFull()) {
      return;
    }
    CompletableFuture<Void> drained = new CompletableFuture<>();
    res.drainHandler(v -> drained.complete(null));
    res.closeHandler(v -> {
      gone.set(true);
      drained.complete(null);
    });
    if (res.writeQueueFull() && !gone.get()) {
      try {
        drained.get(DRAIN_TIMEOUT_S, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new IOException("client did not read for " + DRAIN_TIMEOUT_S + " s");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IOException(e.getCause());
      }
    }
  }
}
