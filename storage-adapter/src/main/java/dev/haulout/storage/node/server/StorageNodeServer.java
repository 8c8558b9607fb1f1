package dev.haulout.storage.node.server;

import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.encoding.RecoverySymbol;
import dev.haulout.storage.BlobStatus;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.node.DecodingSymbols;
import dev.haulout.storage.node.SignedConfirmation;
import dev.haulout.storage.node.SliverBatch;
import dev.haulout.storage.node.StorageNode;
import dev.haulout.storage.node.SyncShard;
import dev.haulout.http.Bodies;
import dev.haulout.http.HttpRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Walrus storage-node HTTP API (SPEC §9) over a {@link StorageNode}, one Vert.x HTTP server
 * per node; the routes are the table in {@code buildTable()}, served by the shared http-kit router
 * (body limits counted while reading, blocking hand-off, one error mapping). Disk, hashing and
 * ledger work run on worker threads; every failure is answered with the Walrus-style error JSON.
 */
public final class StorageNodeServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(StorageNodeServer.class.getName());
  private static final String OCTETS = "application/octet-stream";
  /** Symbol IDs or target slivers per recoverySymbols / decodingSymbols request. */
  public static final int MAX_SYMBOLS_PER_REQUEST = 1024;
  private static final java.util.regex.Pattern SYMBOL_ID = java.util.regex.Pattern.compile("(\\d{1,5})-(\\d{1,5})");

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final StorageNode node;
  private HttpServer server;

  private StorageNodeServer(Vertx vertx, boolean ownsVertx, StorageNode node) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.node = node;
  }

  /** Listens on {@code host:port} (0 = ephemeral) using a shared Vert.x; blocks until bound. */
  public static StorageNodeServer start(Vertx vertx, StorageNode node, String host, int port) {
    StorageNodeServer s = new StorageNodeServer(vertx, false, node);
    s.listen(host, port);
    return s;
  }

  /** As {@link #start(Vertx, StorageNode, String, int)} with its own Vert.x instance. */
  public static StorageNodeServer start(StorageNode node, String host, int port) {
    StorageNodeServer s = new StorageNodeServer(Vertx.vertx(), true, node);
    s.listen(host, port);
    return s;
  }

  private void listen(String host, int port) {
    try {
      server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port).setReuseAddress(true))
          .requestHandler(router()).listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw StorageException.unavailable(StorageErrorCode.LISTEN_FAILED, "cannot listen on " + host + ":" + port + ": " + e, e);
    }
  }

  public int port() {
    return server.actualPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public StorageNode node() {
    return node;
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      if (ownsVertx) {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "storage node server did not close cleanly", e);
    }
  }

  // ------------------------------------------------------------------ routing

  /** One served route: method and path template ({@code {name}} matches one path segment). */
  public record Route(HttpMethod method, String template) {
    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  @FunctionalInterface
  private interface Handler {
    void handle(RoutingContext ctx, Map<String, String> vars);
  }

  private record Entry(Route route, Handler handler) {}

  private final List<Entry> table = buildTable();

  /** Every route this server serves, in dispatch order (what {@code GET /v1/api} must document). */
  public static List<Route> routes() {
    List<Route> out = new java.util.ArrayList<>();
    for (Entry e : new StorageNodeServer(null, false, null).table) {
      out.add(e.route());
    }
    return List.copyOf(out);
  }

  private List<Entry> buildTable() {
    List<Entry> t = new java.util.ArrayList<>();
    String blob = "/v1/blobs/{blob_id}";
    add(t, HttpMethod.GET, "/v1/health", (ctx, v) -> blocking(ctx, () -> new JsonObject().put("epoch", node.committee().epoch())
        .put("nShards", node.committee().nShards()).put("ownedShards", node.ownShards().size())
        .put("publicKey", Base64.getEncoder().encodeToString(node.publicKey())), 200));
    add(t, HttpMethod.GET, "/v1/api", (ctx, v) -> ctx.response().putHeader("content-type", "application/json").end(Buffer.buffer(openApi())));
    add(t, HttpMethod.GET, blob + "/metadata", (ctx, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      bytes(ctx, () -> node.requireMetadata(id).toBcsWithId());
    });
    add(t, HttpMethod.PUT, blob + "/metadata", (ctx, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      boolean pending = "true".equals(ctx.request().getParam("pending"));
      long max = 66L * node.committee().nShards() + 64;
      withBody(ctx, max, body -> {
        int code = node.putMetadata(id, body, pending);
        return new Status(code, code == 202 ? "metadata buffered until the blob is registered"
            : code == 200 ? "metadata already stored" : "metadata stored");
      });
    });
    add(t, HttpMethod.GET, blob + "/metadata/status", (ctx, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      blocking(ctx, () -> node.metadataStatus(id), 200);
    });
    String sliver = blob + "/slivers/{sliver_pair_index}/{sliver_type}";
    add(t, HttpMethod.GET, sliver, (ctx, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      int pair = intParam(v.get("sliver_pair_index"), "sliver pair index");
      Axis axis = axis(v.get("sliver_type"));
      bytes(ctx, () -> node.requireSliver(id, pair, axis));
    });
    add(t, HttpMethod.PUT, sliver, (ctx, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      int pair = intParam(v.get("sliver_pair_index"), "sliver pair index");
      Axis axis = axis(v.get("sliver_type"));
      int n = node.committee().nShards();
      long max = (long) EncodingConfig.forShards(n).sliverLength(axis, EncodingConfig.MAX_SYMBOL_SIZE) + 16;
      withBody(ctx, max, body -> {
        int code = node.putSliver(id, pair, axis, body);
        return new Status(code, code == 200 ? "sliver already stored" : "sliver stored");
      });
    });
    add(t, HttpMethod.PUT, blob + "/slivers", (ctx, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      withBody(ctx, SliverBatch.MAX_BODY_BYTES, body -> {
        StorageNode.BatchResult r = node.putSlivers(id, SliverBatch.parse(body));
        return new Status(r.stored() > 0 ? 201 : 200, r.stored() + " slivers stored, " + r.alreadyStored() + " already stored");
      });
    });
    add(t, HttpMethod.GET, sliver + "/status", (ctx, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      int pair = intParam(v.get("sliver_pair_index"), "sliver pair index");
      Axis axis = axis(v.get("sliver_type"));
      blocking(ctx, () -> node.sliverStatus(id, pair, axis), 200);
    });
    add(t, HttpMethod.GET, blob + "/confirmation/permanent", (ctx, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      confirmation(ctx, () -> confirmationJson(node.confirmation(id, null)), registrationWaitMs(ctx.request()));
    });
    add(t, HttpMethod.GET, blob + "/confirmation/deletable/{object_id}", (ctx, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      String obj = v.get("object_id");
      confirmation(ctx, () -> confirmationJson(node.confirmation(id, obj)), registrationWaitMs(ctx.request()));
    });
    add(t, HttpMethod.GET, blob + "/recoverySymbols", (ctx, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      List<String> ids = ctx.request().params().getAll("id");
      if (!ids.isEmpty()) {
        if (ctx.request().getParam("targetSliver") != null) {
          throw StorageException.invalidArgument(StorageErrorCode.INVALID_PARAMETER, "give either id=P-S or targetSliver, not both");
        }
        List<StorageNode.SymbolId> symbolIds = symbolIds(ids);
        Axis proofAxis = ctx.request().getParam("proofAxis") == null ? null : axis(ctx.request().getParam("proofAxis"));
        bytes(ctx, () -> RecoverySymbol.listToBcs(node.recoverySymbolsById(id, symbolIds, proofAxis)));
        return;
      }
      if (ctx.request().getParam("targetSliver") == null) {
        throw StorageException.invalidArgument(StorageErrorCode.INVALID_PARAMETER, "recoverySymbols needs id=P-S or targetSliver=i&targetType=…");
      }
      int target = intParam(ctx.request().getParam("targetSliver"), "targetSliver");
      Axis axis = axis(String.valueOf(ctx.request().getParam("targetType")));
      if (ctx.request().getParam("proofAxis") != null && axis(ctx.request().getParam("proofAxis")) != axis.orthogonal()) {
        throw StorageException.invalidArgument(StorageErrorCode.INVALID_PARAMETER, "symbols for a " + axis.pathName()
            + " target come from, and are proven against, " + axis.orthogonal().pathName() + " slivers: proofAxis="
            + ctx.request().getParam("proofAxis"));
      }
      bytes(ctx, () -> RecoverySymbol.listToBcs(node.recoverySymbols(id, axis, target)));
    });
    add(t, HttpMethod.GET, blob + "/decodingSymbols", (ctx, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      List<Integer> targets = new java.util.ArrayList<>();
      for (String x : ctx.request().params().getAll("targetSlivers")) {
        for (String tt : x.split(",")) {
          if (targets.size() >= MAX_SYMBOLS_PER_REQUEST) {
            throw StorageException.invalidArgument(StorageErrorCode.TOO_MANY_SYMBOLS, "at most " + MAX_SYMBOLS_PER_REQUEST + " target slivers");
          }
          targets.add(intParam(tt.trim(), "targetSlivers"));
        }
      }
      if (targets.isEmpty()) {
        throw StorageException.invalidArgument(StorageErrorCode.INVALID_PARAMETER, "decodingSymbols needs targetSlivers=i,j,…");
      }
      Axis axis = axis(String.valueOf(ctx.request().getParam("targetType")));
      bytes(ctx, () -> DecodingSymbols.toBcs(node.decodingSymbols(id, axis, targets)));
    });
    add(t, HttpMethod.POST, blob + "/inconsistencyProof/{sliver_type}", (ctx, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      Axis axis = axis(v.get("sliver_type"));
      int n = node.committee().nShards();
      long max = (long) n * (EncodingConfig.MAX_SYMBOL_SIZE + 64L * 32 + 16) + 16;
      HttpRoutes.withBody(ctx, max, Bodies.Overflow.DRAIN, body -> {
          byte[] b = body.getBytes();
          if (b.length < 2) {
            throw StorageException.invalidArgument(StorageErrorCode.INVALID_INCONSISTENCY_PROOF, "body too short");
          }
          int target = (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
          List<RecoverySymbol> symbols;
          try {
            symbols = RecoverySymbol.listFromBcs(java.util.Arrays.copyOfRange(b, 2, b.length));
          } catch (RuntimeException e) {
            throw StorageException.invalidArgument(StorageErrorCode.INVALID_INCONSISTENCY_PROOF, "malformed symbols: " + e.getMessage());
          }
          return confirmationJson(node.checkInconsistencyProof(id, axis, target, symbols));
        }, (c, r) -> ApiErrors.success(c.response(), 200, r));
    });
    add(t, HttpMethod.GET, blob + "/status", (ctx, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      blocking(ctx, () -> {
        BlobStatus st = node.blobStatus(id);
        if (st.isInvalid()) {
          // Walrus BlobStatus::Invalid { event }
          dev.haulout.chain.ChainEvent e = node.invalidation(id);
          JsonObject event = new JsonObject();
          if (e != null) {
            event.put("txDigest", e.txDigest()).put("eventSeq", e.seq());
          }
          return new JsonObject().put("invalid", new JsonObject().put("event", event));
        }
        return statusJson(st);
      }, 200);
    });
    add(t, HttpMethod.POST, "/v1/migrate/sync_shard", (ctx, v) -> {
      long max = 64L + 32L * SyncShard.MAX_BLOBS + 160;
      HttpRoutes.withBody(ctx, max, Bodies.Overflow.DRAIN, body -> node.syncShard(body.getBytes()), StorageNodeServer::octets);
    });
    return List.copyOf(t);
  }

  private static void add(List<Entry> t, HttpMethod m, String template, Handler h) {
    t.add(new Entry(new Route(m, template), h));
  }

  /** The table as a Vert.x Web router on the shared http-kit: {@code {name}} becomes {@code :name}, dispatch in table order. */
  private Router router() {
    Router r = HttpRoutes.router(vertx, StorageNodeServer::error);
    for (Entry e : table) {
      r.route(e.route().method(), e.route().template().replaceAll("\\{(\\w+)}", ":$1"))
          .handler(ctx -> e.handler().handle(ctx, ctx.pathParams()));
    }
    HttpRoutes.fallback(r, ctx -> StorageException.notFound(StorageErrorCode.NO_ROUTE,
        "no route " + ctx.request().method() + " " + ctx.request().path()));
    return r;
  }

  /** The node's error answer (Walrus error JSON); anything but a known failure is an internal error. */
  private static Future<Void> error(RoutingContext ctx, Throwable t) {
    StorageException e = ApiErrors.of(t);
    if (e == null) {
      LOG.log(Level.FINE, "request failed", t);
      e = StorageException.internal(t.toString(), t);
    }
    return ApiErrors.send(ctx.response(), e);
  }

  /** The OpenAPI 3 document of this API (resource {@code openapi.json} next to this class). */
  public static byte[] openApi() {
    byte[] b = OPENAPI;
    if (b == null) {
      try (java.io.InputStream in = StorageNodeServer.class.getResourceAsStream("openapi.json")) {
        if (in == null) {
          throw StorageException.internal("openapi.json resource missing", null);
        }
        b = in.readAllBytes();
      } catch (java.io.IOException e) {
        throw StorageException.internal("cannot read openapi.json: " + e, e);
      }
      OPENAPI = b;
    }
    return b;
  }

  private static volatile byte[] OPENAPI;

  private record Status(int code, String message) {}

  private static JsonObject confirmationJson(SignedConfirmation c) {
    Base64.Encoder b64 = Base64.getEncoder();
    return new JsonObject().put("signed", new JsonObject().put("serializedMessage", b64.encodeToString(c.serializedMessage()))
        .put("signature", b64.encodeToString(c.signature())));
  }

  private static Object statusJson(BlobStatus s) {
    if (!s.exists()) {
      return "nonexistent";
    }
    JsonObject inner = new JsonObject().put("endEpoch", s.endEpoch()).put("isCertified", s.certified());
    if (s.certifiedEpoch() != null) {
      inner.put("initialCertifiedEpoch", s.certifiedEpoch());
    }
    return new JsonObject().put(s.kind(), inner);
  }

  private static void withBody(RoutingContext ctx, long max, java.util.function.Function<byte[], Status> handler) {
    HttpRoutes.withBody(ctx, max, Bodies.Overflow.DRAIN, body -> handler.apply(body.getBytes()),
        (c, st) -> ApiErrors.success(c.response(), st.code(), st.message()));
  }

  private static void blocking(RoutingContext ctx, Callable<Object> work, int code) {
    HttpRoutes.blocking(ctx, work, (c, r) -> ApiErrors.success(c.response(), code, r));
  }

  /** Longest {@code wait_millis} honoured for {@code wait_for_registration=true}. */
  static final long MAX_REGISTRATION_WAIT_MS = 30_000;
  /** Walrus's default wait when {@code wait_for_registration=true} comes without {@code wait_millis}. */
  static final long DEFAULT_REGISTRATION_WAIT_MS = 5_000;

  /** 0 unless {@code wait_for_registration=true}; then {@code wait_millis} (default 5 s), at most 30 s. */
  static long registrationWaitMs(HttpServerRequest req) {
    if (!"true".equals(req.getParam("wait_for_registration"))) {
      return 0;
    }
    String ms = req.getParam("wait_millis");
    if (ms == null) {
      return DEFAULT_REGISTRATION_WAIT_MS;
    }
    long v;
    try {
      v = Long.parseLong(ms);
    } catch (NumberFormatException e) {
      v = -1;
    }
    if (v < 0) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_PARAMETER, "wait_millis must be a non-negative integer: " + ms);
    }
    return Math.min(v, MAX_REGISTRATION_WAIT_MS);
  }

  /**
   * A confirmation; with {@code waitMs > 0} a blob whose registration the node has not seen yet is
   * retried every 100 ms (on a timer, no thread held) until it is or the wait is over, as Walrus's
   * {@code wait_for_registration} does for clients that upload before their registration lands.
   */
  private void confirmation(RoutingContext ctx, Callable<Object> work, long waitMs) {
    long deadline = System.nanoTime() + waitMs * 1_000_000L;
    attemptConfirmation(ctx, work, deadline);
  }

  private final java.util.concurrent.atomic.AtomicLong registrationRetries = new java.util.concurrent.atomic.AtomicLong();

  /** Confirmations retried because the blob was not registered yet ({@code wait_for_registration}), since start. */
  public long registrationRetries() {
    return registrationRetries.get();
  }

  private void attemptConfirmation(RoutingContext ctx, Callable<Object> work, long deadlineNanos) {
    vertx.executeBlocking(work, false).onComplete(r -> {
      if (r.succeeded()) {
        ApiErrors.success(ctx.response(), 200, r.result());
      } else if (r.cause() instanceof StorageException se && se.errorCode() == StorageErrorCode.BLOB_NOT_REGISTERED
          && System.nanoTime() + 100_000_000L < deadlineNanos && !ctx.response().closed()) {
        registrationRetries.incrementAndGet();
        vertx.setTimer(100, id -> attemptConfirmation(ctx, work, deadlineNanos));
      } else {
        ctx.fail(r.cause());
      }
    });
  }

  private static void bytes(RoutingContext ctx, Callable<byte[]> work) {
    HttpRoutes.blocking(ctx, work, StorageNodeServer::octets);
  }

  private static void octets(RoutingContext ctx, byte[] body) {
    ctx.response().putHeader("content-type", OCTETS).end(Buffer.buffer(body));
  }

  private static BlobId blobId(String s) {
    try {
      return BlobId.fromBase64(s);
    } catch (IllegalArgumentException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_BLOB_ID, "invalid blob ID: " + s);
    }
  }

  private static Axis axis(String s) {
    switch (s) {
      case "primary":
        return Axis.PRIMARY;
      case "secondary":
        return Axis.SECONDARY;
      default:
        throw StorageException.invalidArgument(StorageErrorCode.INVALID_SLIVER_TYPE, "sliver type must be primary or secondary: " + s);
    }
  }

  /** Parses {@code P-S} symbol IDs (SPEC §7/§9: primary and secondary sliver index of the symbol). */
  private static List<StorageNode.SymbolId> symbolIds(List<String> ids) {
    if (ids.size() > MAX_SYMBOLS_PER_REQUEST) {
      throw StorageException.invalidArgument(StorageErrorCode.TOO_MANY_SYMBOLS, "at most " + MAX_SYMBOLS_PER_REQUEST + " symbol IDs per request");
    }
    List<StorageNode.SymbolId> out = new java.util.ArrayList<>(ids.size());
    for (String s : ids) {
      java.util.regex.Matcher mt = SYMBOL_ID.matcher(s);
      if (!mt.matches()) {
        throw StorageException.invalidArgument(StorageErrorCode.INVALID_SYMBOL_ID, "symbol ID must be P-S (two sliver indices): " + s);
      }
      out.add(new StorageNode.SymbolId(Integer.parseInt(mt.group(1)), Integer.parseInt(mt.group(2))));
    }
    return out;
  }

  private static int intParam(String s, String what) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_PARAMETER, what + " is not an integer: " + s);
    }
  }
}
