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
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
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
 * trace. Blocking ledger calls run on Vert.x worker threads. Routes are listed in chain/README.md.
 */
public final class LedgerServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LedgerServer.class.getName());
  /** The largest request body the server reads (1 MiB), counted while reading; larger gets 413 BODY_TOO_LARGE. */
  public static final int MAX_BODY_BYTES = 1 << 20;
  private static final int MAX_BODY = MAX_BODY_BYTES;

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
          .requestHandler(this::route)
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

  // ------------------------------------------------------------------ routing

  private void route(HttpServerRequest req) {
    String path = req.path();
    HttpMethod m = req.method();
    String[] p = path.split("/");
    try {
      if (m == HttpMethod.GET && path.equals("/v1/health")) {
        json(req, 200, LedgerJson.MAPPER.createObjectNode().put("status", "ok"));
      } else if (m == HttpMethod.POST && path.equals("/v1/transactions")) {
        withBody(req, body -> {
          byte[] bytes = base64(text(body, "txBytes"));
          return LedgerJson.receipt(ledger.submit(new SignedTransaction(bytes, text(body, "signature"))));
        });
      } else if (m == HttpMethod.GET && p.length == 4 && p[2].equals("transactions")) {
        blocking(req, () -> LedgerJson.receipt(ledger.transaction(p[3]).orElseThrow(
            () -> new LedgerException(ErrorCode.NOT_FOUND, "no transaction " + p[3]))));
      } else if (m == HttpMethod.GET && p.length == 4 && p[2].equals("objects")) {
        blocking(req, () -> LedgerJson.objectView(ledger.object(p[3]).orElseThrow(
            () -> new LedgerException(ErrorCode.OBJECT_NOT_FOUND, "no object " + p[3]))));
      } else if (m == HttpMethod.GET && p.length == 5 && p[2].equals("accounts") && p[4].equals("balance")) {
        SuiAddress a = address(p[3]);
        blocking(req, () -> LedgerJson.MAPPER.createObjectNode().put("address", a.toString())
            .put("balanceFrost", ledger.balance(a)));
      } else if (m == HttpMethod.GET && p.length == 5 && p[2].equals("accounts") && p[4].equals("objects")) {
        SuiAddress a = address(p[3]);
        String type = req.getParam("type");
        blocking(req, () -> views(ledger.ownedObjects(a, type)));
      } else if (m == HttpMethod.GET && p.length == 4 && p[2].equals("blobs")) {
        blocking(req, () -> views(ledger.blobsByBlobId(p[3])));
      } else if (m == HttpMethod.GET && p.length == 5 && p[2].equals("blobs") && p[4].equals("invalid")) {
        blocking(req, () -> LedgerJson.invalidBlobView(p[3], ledger.invalidBlob(p[3]).orElse(null)));
      } else if (m == HttpMethod.POST && path.equals("/v1/access/evaluate")) {
        withBody(req, body -> {
          byte[] id = Hex.decode(text(body, "identity"));
          SuiAddress who = address(text(body, "requester"));
          Instant now = body.hasNonNull("timestampMs")
              ? Instant.ofEpochMilli(integer(body, "timestampMs", ErrorCode.INVALID_ARGUMENT))
              : Instant.now();
          AccessDecision d = ledger.evaluateAccess(id, who, now);
          return LedgerJson.MAPPER.createObjectNode().put("allowed", d.allowed()).put("reason", d.reason())
              .put("detail", d.detail());
        });
      } else if (m == HttpMethod.GET && path.equals("/v1/events")) {
        long after = longParam(req, "after", 0);
        int limit = (int) longParam(req, "limit", 100);
        blocking(req, () -> {
          ObjectNode n = LedgerJson.MAPPER.createObjectNode();
          ArrayNode arr = n.putArray("events");
          ledger.events(after, limit).forEach(e -> arr.add(LedgerJson.envelope(e)));
          return n;
        });
      } else if (m == HttpMethod.GET && path.equals("/v1/events/stream")) {
        stream(req, longParam(req, "after", 0));
      } else if (m == HttpMethod.GET && path.equals("/v1/system")) {
        blocking(req, () -> LedgerJson.MAPPER.valueToTree(ledger.systemState()));
      } else if (m == HttpMethod.POST && path.equals("/v1/faucet")) {
        withBody(req, body -> LedgerJson.receipt(ledger.faucet(address(text(body, "address")),
            integer(body, "amountFrost", ErrorCode.INVALID_AMOUNT))));
      } else if (m == HttpMethod.POST && path.equals("/v1/epoch/advance")) {
        withBody(req, body -> LedgerJson.receipt(ledger.advanceEpoch()));
      } else if (m == HttpMethod.GET && path.equals("/v1/audit")) {
        blocking(req, () -> LedgerJson.MAPPER.valueToTree(ledger.audit()));
      } else {
        error(req.response(), new LedgerException(ErrorCode.NOT_FOUND, "no route " + m + " " + path));
      }
    } catch (RuntimeException e) {
      error(req.response(), e);
    }
  }

  private interface BodyHandler {
    JsonNode apply(JsonNode body);
  }

  /**
   * Reads the body, counting while reading: past {@link #MAX_BODY} bytes (declared by
   * Content-Length or not, chunked included) it stops reading, answers 413
   * {@code BODY_TOO_LARGE} and closes the connection, so at most MAX_BODY + one chunk is buffered.
   */
  private void withBody(HttpServerRequest req, BodyHandler h) {
    String len = req.getHeader("Content-Length");
    if (len != null) {
      long declared;
      try {
        declared = Long.parseLong(len.trim());
      } catch (NumberFormatException e) {
        error(req.response(), new LedgerException(ErrorCode.INVALID_ARGUMENT, "bad Content-Length"));
        return;
      }
      if (declared > MAX_BODY) {
        tooLarge(req);
        return;
      }
    }
    Buffer acc = Buffer.buffer();
    boolean[] over = {false};
    req.handler(chunk -> {
      if (over[0]) {
        return;
      }
      if ((long) acc.length() + chunk.length() > MAX_BODY) {
        over[0] = true;
        tooLarge(req);
        return;
      }
      acc.appendBuffer(chunk);
    });
    req.exceptionHandler(t -> {
      if (!over[0]) {
        over[0] = true;
        error(req.response(), new LedgerException(ErrorCode.INVALID_ARGUMENT, "cannot read body"));
      }
    });
    req.endHandler(v -> {
      if (over[0]) {
        return;
      }
      blocking(req, () -> {
        JsonNode body = acc.length() == 0 ? LedgerJson.MAPPER.createObjectNode() : LedgerJson.tree(acc.toString());
        return h.apply(body);
      });
    });
  }

  private void tooLarge(HttpServerRequest req) {
    req.pause();
    HttpServerResponse res = req.response();
    if (res.ended() || res.closed()) {
      return;
    }
    res.setStatusCode(ErrorCode.BODY_TOO_LARGE.httpStatus()).putHeader("Content-Type", "application/json")
        .putHeader("Connection", "close")
        .end(LedgerJson.MAPPER.createObjectNode().put("error", ErrorCode.BODY_TOO_LARGE.name())
            .put("message", "body larger than " + MAX_BODY + " bytes").toString())
        .onComplete(v -> req.connection().close());
  }

  private void blocking(HttpServerRequest req, Callable<JsonNode> work) {
    vertx.executeBlocking(work, false).onComplete(ar -> {
      if (ar.succeeded()) {
        json(req, 200, ar.result());
      } else {
        error(req.response(), ar.cause());
      }
    });
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

  private static void json(HttpServerRequest req, int status, JsonNode body) {
    req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
  }

  private static void error(HttpServerResponse res, Throwable t) {
    LedgerException e;
    if (t instanceof LedgerException le) {
      e = le;
    } else if (t instanceof IllegalArgumentException) {
      e = new LedgerException(ErrorCode.INVALID_ARGUMENT, t.getMessage());
    } else {
      LOG.log(Level.WARNING, "internal error", t);
      e = new LedgerException(ErrorCode.INTERNAL, "internal error");
    }
    if (e.code() == ErrorCode.INTERNAL || e.code() == ErrorCode.UNAVAILABLE) {
      LOG.log(Level.WARNING, e.getMessage(), e.getCause());
    }
    if (res.ended() || res.closed()) {
      return;
    }
    String msg = e.code() == ErrorCode.INTERNAL ? "internal error" : e.getMessage();
    res.setStatusCode(e.httpStatus()).putHeader("Content-Type", "application/json")
        .end(LedgerJson.MAPPER.createObjectNode().put("error", e.code().name()).put("message", msg).toString());
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

  private static long longParam(HttpServerRequest req, String name, long dflt) {
    String v = req.getParam(name);
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
