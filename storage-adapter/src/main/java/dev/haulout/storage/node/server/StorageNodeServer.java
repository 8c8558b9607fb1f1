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
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Walrus storage-node HTTP API (SPEC §9) over a {@link StorageNode}, one Vert.x HTTP server
 * per node. Disk, hashing and ledger work run on worker threads; every failure is answered with
 * the Walrus-style error JSON.
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
          .requestHandler(this::route).listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
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
    void handle(HttpServerRequest req, Map<String, String> vars);
  }

  private record Entry(Route route, String[] segments, Handler handler) {}

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
    add(t, HttpMethod.GET, "/v1/health", (req, v) -> blocking(req, () -> new JsonObject().put("epoch", node.committee().epoch())
        .put("nShards", node.committee().nShards()).put("ownedShards", node.ownShards().size())
        .put("publicKey", Base64.getEncoder().encodeToString(node.publicKey())), 200));
    add(t, HttpMethod.GET, "/v1/api", (req, v) -> req.response().putHeader("content-type", "application/json").end(Buffer.buffer(openApi())));
    add(t, HttpMethod.GET, blob + "/metadata", (req, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      bytes(req, () -> node.requireMetadata(id).toBcsWithId());
    });
    add(t, HttpMethod.PUT, blob + "/metadata", (req, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      boolean pending = "true".equals(req.getParam("pending"));
      long max = 66L * node.committee().nShards() + 64;
      withBody(req, max, body -> {
        int code = node.putMetadata(id, body, pending);
        return new Status(code, code == 202 ? "metadata buffered until the blob is registered"
            : code == 200 ? "metadata already stored" : "metadata stored");
      });
    });
    add(t, HttpMethod.GET, blob + "/metadata/status", (req, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      blocking(req, () -> node.metadataStatus(id), 200);
    });
    String sliver = blob + "/slivers/{sliver_pair_index}/{sliver_type}";
    add(t, HttpMethod.GET, sliver, (req, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      int pair = intParam(v.get("sliver_pair_index"), "sliver pair index");
      Axis axis = axis(v.get("sliver_type"));
      bytes(req, () -> node.requireSliver(id, pair, axis));
    });
    add(t, HttpMethod.PUT, sliver, (req, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      int pair = intParam(v.get("sliver_pair_index"), "sliver pair index");
      Axis axis = axis(v.get("sliver_type"));
      int n = node.committee().nShards();
      long max = (long) EncodingConfig.forShards(n).sliverLength(axis, EncodingConfig.MAX_SYMBOL_SIZE) + 16;
      withBody(req, max, body -> {
        int code = node.putSliver(id, pair, axis, body);
        return new Status(code, code == 200 ? "sliver already stored" : "sliver stored");
      });
    });
    add(t, HttpMethod.PUT, blob + "/slivers", (req, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      withBody(req, SliverBatch.MAX_BODY_BYTES, body -> {
        StorageNode.BatchResult r = node.putSlivers(id, SliverBatch.parse(body));
        return new Status(r.stored() > 0 ? 201 : 200, r.stored() + " slivers stored, " + r.alreadyStored() + " already stored");
      });
    });
    add(t, HttpMethod.GET, sliver + "/status", (req, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      int pair = intParam(v.get("sliver_pair_index"), "sliver pair index");
      Axis axis = axis(v.get("sliver_type"));
      blocking(req, () -> node.sliverStatus(id, pair, axis), 200);
    });
    add(t, HttpMethod.GET, blob + "/confirmation/permanent", (req, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      confirmation(req, () -> confirmationJson(node.confirmation(id, null)), registrationWaitMs(req));
    });
    add(t, HttpMethod.GET, blob + "/confirmation/deletable/{object_id}", (req, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      String obj = v.get("object_id");
      confirmation(req, () -> confirmationJson(node.confirmation(id, obj)), registrationWaitMs(req));
    });
    add(t, HttpMethod.GET, blob + "/recoverySymbols", (req, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      List<String> ids = req.params().getAll("id");
      if (!ids.isEmpty()) {
        if (req.getParam("targetSliver") != null) {
          throw StorageException.invalidArgument(StorageErrorCode.INVALID_PARAMETER, "give either id=P-S or targetSliver, not both");
        }
        List<StorageNode.SymbolId> symbolIds = symbolIds(ids);
        Axis proofAxis = req.getParam("proofAxis") == null ? null : axis(req.getParam("proofAxis"));
        bytes(req, () -> RecoverySymbol.listToBcs(node.recoverySymbolsById(id, symbolIds, proofAxis)));
        return;
      }
      if (req.getParam("targetSliver") == null) {
        throw StorageException.invalidArgument(StorageErrorCode.INVALID_PARAMETER, "recoverySymbols needs id=P-S or targetSliver=i&targetType=…");
      }
      int target = intParam(req.getParam("targetSliver"), "targetSliver");
      Axis axis = axis(String.valueOf(req.getParam("targetType")));
      if (req.getParam("proofAxis") != null && axis(req.getParam("proofAxis")) != axis.orthogonal()) {
        throw StorageException.invalidArgument(StorageErrorCode.INVALID_PARAMETER, "symbols for a " + axis.pathName()
            + " target come from, and are proven against, " + axis.orthogonal().pathName() + " slivers: proofAxis="
            + req.getParam("proofAxis"));
      }
      bytes(req, () -> RecoverySymbol.listToBcs(node.recoverySymbols(id, axis, target)));
    });
    add(t, HttpMethod.GET, blob + "/decodingSymbols", (req, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      List<Integer> targets = new java.util.ArrayList<>();
      for (String x : req.params().getAll("targetSlivers")) {
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
      Axis axis = axis(String.valueOf(req.getParam("targetType")));
      bytes(req, () -> DecodingSymbols.toBcs(node.decodingSymbols(id, axis, targets)));
    });
    add(t, HttpMethod.POST, blob + "/inconsistencyProof/{sliver_type}", (req, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      Axis axis = axis(v.get("sliver_type"));
      int n = node.committee().nShards();
      long max = (long) n * (EncodingConfig.MAX_SYMBOL_SIZE + 64L * 32 + 16) + 16;
      HttpBodies.read(req, max).onComplete(ar -> {
        if (ar.failed()) {
          fail(req, ar.cause());
          return;
        }
        blocking(req, () -> {
          byte[] b = ar.result();
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
        }, 200);
      });
    });
    add(t, HttpMethod.GET, blob + "/status", (req, v) -> {
      BlobId id = blobId(v.get("blob_id"));
      blocking(req, () -> {
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
    add(t, HttpMethod.POST, "/v1/migrate/sync_shard", (req, v) -> {
      long max = 64L + 32L * SyncShard.MAX_BLOBS + 160;
      HttpBodies.read(req, max).onComplete(ar -> {
        if (ar.failed()) {
          fail(req, ar.cause());
          return;
        }
        bytes(req, () -> node.syncShard(ar.result()));
      });
    });
    return List.copyOf(t);
  }

  private static void add(List<Entry> t, HttpMethod m, String template, Handler h) {
    t.add(new Entry(new Route(m, template), template.split("/"), h));
  }

  private void route(HttpServerRequest req) {
    String[] p = req.path().split("/");
    HttpMethod m = req.method();
    try {
      for (Entry e : table) {
        if (!e.route().method().equals(m) || e.segments().length != p.length) {
          continue;
        }
        Map<String, String> vars = new java.util.HashMap<>();
        boolean match = true;
        for (int i = 0; i < p.length && match; i++) {
          String seg = e.segments()[i];
          if (seg.startsWith("{") && seg.endsWith("}")) {
            vars.put(seg.substring(1, seg.length() - 1), p[i]);
            match = !p[i].isEmpty();
          } else {
            match = seg.equals(p[i]);
          }
        }
        if (match) {
          e.handler().handle(req, vars);
          return;
        }
      }
      throw StorageException.notFound(StorageErrorCode.NO_ROUTE, "no route " + m + " " + req.path());
    } catch (StorageException e) {
      ApiErrors.send(req.response(), e);
    } catch (RuntimeException e) {
      ApiErrors.send(req.response(), StorageException.internal(e.toString(), e));
    }
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

  private void withBody(HttpServerRequest req, long max, java.util.function.Function<byte[], Status> handler) {
    HttpBodies.read(req, max).onComplete(ar -> {
      if (ar.failed()) {
        if (ar.cause() instanceof StorageException && ((StorageException) ar.cause()).httpStatus() == 413) {
          // answer at once and drop the rest of the body (closing now would reset the client's upload)
          HttpBodies.drain(req);
          ApiErrors.send(req.response(), (StorageException) ar.cause());
        } else {
          fail(req, ar.cause());
        }
        return;
      }
      vertx.executeBlocking(() -> handler.apply(ar.result()), false).onComplete(r -> {
        if (r.failed()) {
          fail(req, r.cause());
        } else {
          ApiErrors.success(req.response(), r.result().code(), r.result().message());
        }
      });
    });
  }

  private void blocking(HttpServerRequest req, Callable<Object> work, int code) {
    Future<Object> f = vertx.executeBlocking(work, false);
    f.onComplete(r -> {
      if (r.failed()) {
        fail(req, r.cause());
      } else {
        ApiErrors.success(req.response(), code, r.result());
      }
    });
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
  private void confirmation(HttpServerRequest req, Callable<Object> work, long waitMs) {
    long deadline = System.nanoTime() + waitMs * 1_000_000L;
    attemptConfirmation(req, work, deadline);
  }

  private final java.util.concurrent.atomic.AtomicLong registrationRetries = new java.util.concurrent.atomic.AtomicLong();

  /** Confirmations retried because the blob was not registered yet ({@code wait_for_registration}), since start. */
  public long registrationRetries() {
    return registrationRetries.get();
  }

  private void attemptConfirmation(HttpServerRequest req, Callable<Object> work, long deadlineNanos) {
    vertx.executeBlocking(work, false).onComplete(r -> {
      if (r.succeeded()) {
        ApiErrors.success(req.response(), 200, r.result());
      } else if (r.cause() instanceof StorageException se && se.errorCode() == StorageErrorCode.BLOB_NOT_REGISTERED
          && System.nanoTime() + 100_000_000L < deadlineNanos && !req.response().closed()) {
        registrationRetries.incrementAndGet();
        vertx.setTimer(100, id -> attemptConfirmation(req, work, deadlineNanos));
      } else {
        fail(req, r.cause());
      }
    });
  }

  private void bytes(HttpServerRequest req, Callable<byte[]> work) {
    vertx.executeBlocking(work, false).onComplete(r -> {
      if (r.failed()) {
        fail(req, r.cause());
      } else {
        HttpServerResponse res = req.response();
        res.putHeader("content-type", OCTETS).end(Buffer.buffer(r.result()));
      }
    });
  }

  private static void fail(HttpServerRequest req, Throwable t) {
    if (t instanceof StorageException) {
      ApiErrors.send(req.response(), (StorageException) t);
    } else {
      LOG.log(Level.FINE, "request failed", t);
      ApiErrors.send(req.response(), StorageException.internal(t.toString(), t));
    }
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
