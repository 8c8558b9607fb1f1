package dev.haulout.chain.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.chain.AccessDecision;
import dev.haulout.chain.ChainEvent;
import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.SignedTransaction;
import dev.haulout.chain.adapter.json.LedgerJson;
import dev.haulout.chain.adapter.kafka.OutboxPublisher;
import dev.haulout.chain.adapter.pg.PgLedger;
import dev.haulout.wire.Hex;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.Versioned;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import dev.haulout.http.BodyException;
import dev.haulout.http.Bodies;
import dev.haulout.http.HttpFailure;
import dev.haulout.http.HttpRoutes;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ledger's HTTP API (Vert.x core). JSON in and out; errors are
 * {@code {"error": "<ErrorCode>", "message": "..."}} with the code's HTTP status, never a stack
 * trace. The routes are the table in {@link #routes()} (a Vert.x Web router through the shared
 * http-kit: body limit, blocking hand-off and error mapping written once); blocking ledger calls run
 * on Vert.x worker threads. Routes are listed in chain/README.md.
 */
public final class LedgerServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LedgerServer.class.getName());
  /** The largest request body the server reads (1 MiB), counted while reading; larger gets 413 BODY_TOO_LARGE. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private final Vertx vertx;
  private final Ledger ledger;
  private final boolean ownsLedger;
  private final OutboxPublisher publisher;
  private HttpServer server;
  private long epochTimer = -1;

  private LedgerServer(Vertx vertx, Ledger ledger, boolean ownsLedger, OutboxPublisher publisher) {
    this.vertx = vertx;
    this.ledger = ledger;
    this.ownsLedger = ownsLedger;
    this.publisher = publisher;
  }

  /** Opens the PostgreSQL ledger, optionally the Kafka outbox publisher, and listens; blocks until bound. */
  public static LedgerServer start(LedgerServerOptions o) {
    PgLedger ledger = PgLedger.open(o.pg(), o.config(), o.clock(), o.certificates());
    OutboxPublisher pub = null;
    try {
      if (o.kafkaBootstrap() != null && !o.kafkaBootstrap().isBlank()) {
        pub = OutboxPublisher.start(o.pg(), o.kafkaBootstrap(), o.kafkaTopic());
      }
      LedgerServer s = new LedgerServer(Vertx.vertx(new VertxOptions().setWorkerPoolSize(32)), ledger, true, pub);
      s.listen(o.host(), o.port());
      if (o.epochCheckMs() > 0) {
        s.epochTimer = s.vertx.setPeriodic(o.epochCheckMs(), id -> s.vertx.executeBlocking(() -> {
          try {
            return ledger.advanceEpochIfDue();
          } catch (LedgerException e) {
            LOG.log(Level.FINE, "epoch check failed", e);
            return false;
          }
        }, false));
      }
      return s;
    } catch (RuntimeException e) {
      if (pub != null) {
        pub.close();
      }
      ledger.close();
      throw e;
    }
  }

  /** Serves an existing ledger (not closed by {@link #close()}). */
  public static LedgerServer serve(Ledger ledger, String host, int port) {
    LedgerServer s = new LedgerServer(Vertx.vertx(new VertxOptions().setWorkerPoolSize(32)), ledger, false, null);
    s.listen(host, port);
    return s;
  }

  private void listen(String host, int port) {
    try {
      server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
          .requestHandler(routes())
          .listen()
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new LedgerException(ErrorCode.UNAVAILABLE, "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.actualPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public Ledger ledger() {
    return ledger;
  }

  @Override
  public void close() {
    if (epochTimer >= 0) {
      vertx.cancelTimer(epochTimer);
    }
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "vert.x did not close cleanly", e);
    }
    if (publisher != null) {
      publisher.close();
    }
    if (ownsLedger) {
      ledger.close();
    }
  }

  // ------------------------------------------------------------------ routes

  private Router routes() {
    Router r = HttpRoutes.router(vertx, LedgerServer::error);
    r.get("/v1/health").handler(ctx -> json(ctx, LedgerJson.MAPPER.createObjectNode().put("status", "ok")));
    r.post("/v1/transactions").handler(ctx -> withBody(ctx, body -> {
      byte[] bytes = base64(text(body, "txBytes"));
      return LedgerJson.receipt(ledger.submit(new SignedTransaction(bytes, text(body, "signature"))));
    }));
    r.get("/v1/transactions/:digest").handler(ctx -> blocking(ctx, () -> {
      String digest = ctx.pathParam("digest");
      return LedgerJson.receipt(ledger.transaction(digest).orElseThrow(
          () -> new LedgerException(ErrorCode.NOT_FOUND, "no transaction " + digest)));
    }));
    r.get("/v1/objects/:objectId").handler(ctx -> blocking(ctx, () -> {
      String id = ctx.pathParam("objectId");
      return LedgerJson.objectView(ledger.object(id).orElseThrow(
          () -> new LedgerException(ErrorCode.OBJECT_NOT_FOUND, "no object " + id)));
    }));
    r.get("/v1/accounts/:address/balance").handler(ctx -> {
      SuiAddress a = address(ctx.pathParam("address"));
      blocking(ctx, () -> LedgerJson.MAPPER.createObjectNode().put("address", a.toString()).put("balanceFrost", ledger.balance(a)));
    });
    r.get("/v1/accounts/:address/objects").handler(ctx -> {
      SuiAddress a = address(ctx.pathParam("address"));
      String type = ctx.request().getParam("type");
      blocking(ctx, () -> views(ledger.ownedObjects(a, type)));
    });
    r.get("/v1/blobs/:blobId").handler(ctx -> blocking(ctx, () -> views(ledger.blobsByBlobId(ctx.pathParam("blobId")))));
    r.get("/v1/blobs/:blobId/invalid").handler(ctx -> blocking(ctx, () -> {
      String blobId = ctx.pathParam("blobId");
      return LedgerJson.invalidBlobView(blobId, ledger.invalidBlob(blobId).orElse(null));
    }));
    r.get("/v1/key-servers").handler(ctx -> blocking(ctx, () -> LedgerJson.keyServersView(ledger.keyServers())));
    r.post("/v1/access/evaluate").handler(ctx -> withBody(ctx, body -> {
      byte[] id = Hex.decode(text(body, "identity"));
      SuiAddress who = address(text(body, "requester"));
      Instant now = body.hasNonNull("timestampMs")
          ? Instant.ofEpochMilli(integer(body, "timestampMs", ErrorCode.INVALID_ARGUMENT))
          : Instant.now();
      AccessDecision d = ledger.evaluateAccess(id, who, now);
      return LedgerJson.MAPPER.createObjectNode().put("allowed", d.allowed()).put("reason", d.reason())
          .put("detail", d.detail());
    }));
    r.get("/v1/events").handler(ctx -> {
      long after = longParam(ctx, "after", 0);
      int limit = (int) longParam(ctx, "limit", 100);
      blocking(ctx, () -> {
        ObjectNode n = LedgerJson.MAPPER.createObjectNode();
        ArrayNode arr = n.putArray("events");
        ledger.events(after, limit).forEach(e -> arr.add(LedgerJson.envelope(e)));
        return n;
      });
    });
    r.get("/v1/events/stream").handler(ctx -> stream(ctx.request(), longParam(ctx, "after", 0)));
    r.get("/v1/system").handler(ctx -> blocking(ctx, () -> LedgerJson.MAPPER.valueToTree(ledger.systemState())));
    r.post("/v1/faucet").handler(ctx -> withBody(ctx, body -> LedgerJson.receipt(ledger.faucet(address(text(body, "address")),
        integer(body, "amountFrost", ErrorCode.INVALID_AMOUNT)))));
    r.post("/v1/epoch/advance").handler(ctx -> withBody(ctx, body -> LedgerJson.receipt(ledger.advanceEpoch())));
    r.get("/v1/audit").handler(ctx -> blocking(ctx, () -> LedgerJson.MAPPER.valueToTree(ledger.audit())));
    HttpRoutes.fallback(r, ctx -> new LedgerException(ErrorCode.NOT_FOUND,
        "no route " + ctx.request().method() + " " + ctx.request().path()));
    return r;
  }

  /**
   * Reads the JSON body within {@link #MAX_BODY_BYTES} (counted while reading, chunked included;
   * past it: 413 {@code BODY_TOO_LARGE}, reading stops and the connection closes), then runs
   * {@code h} on a worker thread. An empty body is {@code {}}.
   */
  private static void withBody(RoutingContext ctx, HttpRoutes.Work<JsonNode, JsonNode> h) {
    HttpRoutes.withBody(ctx, MAX_BODY_BYTES, Bodies.Overflow.CLOSE, buf -> h.apply(
        buf.length() == 0 ? LedgerJson.MAPPER.createObjectNode() : LedgerJson.tree(buf.toString())), LedgerServer::json);
  }

  private static void blocking(RoutingContext ctx, Callable<JsonNode> work) {
    HttpRoutes.blocking(ctx, work, LedgerServer::json);
  }

  /** NDJSON: one envelope per line, from {@code after}, polling the ledger while the client stays. */
  private void stream(HttpServerRequest req, long after) {
    HttpServerResponse res = req.response();
    res.setChunked(true).putHeader("Content-Type", "application/x-ndjson");
    long[] cursor = {after};
    boolean[] busy = {false};
    long timer = vertx.setPeriodic(200, id -> {
      if (busy[0] || res.closed()) {
        return;
      }
      busy[0] = true;
      vertx.executeBlocking(() -> ledger.events(cursor[0], 500), false).onComplete(ar -> {
        busy[0] = false;
        if (ar.failed() || res.closed()) {
          return;
        }
        for (ChainEvent e : ar.result()) {
          res.write(LedgerJson.envelope(e).toString() + "\n");
          cursor[0] = e.seq();
        }
      });
    });
    res.closeHandler(v -> vertx.cancelTimer(timer));
    res.write("");
  }

  private static JsonNode views(List<Versioned<ChainObject>> list) {
    ArrayNode arr = LedgerJson.MAPPER.createArrayNode();
    list.forEach(v -> arr.add(LedgerJson.objectView(v)));
    return LedgerJson.MAPPER.createObjectNode().set("objects", arr);
  }

  private static void json(RoutingContext ctx, JsonNode body) {
    HttpRoutes.json(ctx.response(), 200, body.toString());
  }

  /** The ledger's error shape: {@code {"error": "<ErrorCode>", "message": "..."}} with the code's status. */
  private static Future<Void> error(RoutingContext ctx, Throwable t) {
    LedgerException e;
    if (t instanceof LedgerException le) {
      e = le;
    } else if (t instanceof BodyException be) {
      e = be.reason() == BodyException.Reason.TOO_LARGE
          ? new LedgerException(ErrorCode.BODY_TOO_LARGE, "body larger than " + be.limit() + " bytes")
          : new LedgerException(ErrorCode.INVALID_ARGUMENT, be.getMessage());
    } else if (t instanceof HttpFailure hf) {
      e = new LedgerException(hf.status() == 404 ? ErrorCode.NOT_FOUND : ErrorCode.INVALID_ARGUMENT, hf.getMessage());
    } else if (t instanceof IllegalArgumentException) {
      e = new LedgerException(ErrorCode.INVALID_ARGUMENT, t.getMessage());
    } else {
      LOG.log(Level.WARNING, "internal error", t);
      e = new LedgerException(ErrorCode.INTERNAL, "internal error");
    }
    if (e.code() == ErrorCode.INTERNAL || e.code() == ErrorCode.UNAVAILABLE) {
      LOG.log(Level.WARNING, e.getMessage(), e.getCause());
    }
    String msg = e.code() == ErrorCode.INTERNAL ? "internal error" : e.getMessage();
    return HttpRoutes.json(ctx.response(), e.httpStatus(),
        LedgerJson.MAPPER.createObjectNode().put("error", e.code().name()).put("message", msg).toString());
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || !n.isTextual()) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, "missing string field '" + field + "'");
    }
    return n.asText();
  }

  /**
   * A JSON integer that fits a signed 64-bit long, else {@code code}: strings ("100"), fractions
   * (1.9), booleans and out-of-range integers (2^64+100) are refused, never coerced.
   */
  private static long integer(JsonNode body, String field, ErrorCode code) {
    JsonNode n = body.get(field);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new LedgerException(code, "'" + field + "' must be a JSON integer in the signed 64-bit range");
    }
    return n.longValue();
  }

  private static byte[] base64(String s) {
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new LedgerException(ErrorCode.MALFORMED_TRANSACTION, "txBytes is not base64");
    }
  }

  private static SuiAddress address(String s) {
    try {
      return SuiAddress.parse(s);
    } catch (IllegalArgumentException e) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
    }
  }

  private static long longParam(RoutingContext ctx, String name, long dflt) {
    String v = ctx.request().getParam(name);
    try {
      return v == null ? dflt : Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, name + " is not a number: " + v);
    }
  }

  /** Runs a standalone ledger server configured from the environment until the process is killed. */
  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    for (String a : args) {
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 2) {
        env.put("HAULOUT_LEDGER_" + a.substring(2, eq).toUpperCase(java.util.Locale.ROOT).replace('-', '_'), a.substring(eq + 1));
      }
    }
    LedgerServer s = start(LedgerServerOptions.fromEnv(env));
    Runtime.getRuntime().addShutdownHook(new Thread(s::close));
    System.out.println("ledger listening on " + s.baseUrl());
    Thread.currentThread().join();
  }
}
