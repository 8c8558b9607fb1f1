package dev.haulout.seal.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.wire.SuiAddress;
import dev.haulout.http.BodyException;
import dev.haulout.http.Bodies;
import dev.haulout.http.HttpFailure;
import dev.haulout.http.HttpRoutes;
import dev.haulout.seal.server.ClientSdkCheck;
import dev.haulout.seal.server.FetchKeyRequest;
import dev.haulout.seal.server.FetchKeyService;
import dev.haulout.seal.server.KeyServerErrorCode;
import dev.haulout.seal.server.KeyServerException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;
import java.util.Base64;

/**
 * Thin Vert.x transport for {@link FetchKeyService}, a table of routes on the shared http-kit
 * router: {@code GET /v1/service} and {@code POST /v1/fetch_key} (both behind the SDK header
 * checks), {@code GET /health}, permissive CORS on every answer; the body limit, the blocking
 * hand-off and the mapping of {@link KeyServerException} to {@code {error, message}} with Seal's
 * statuses are the kit's.
 */
public final class KeyServerHttpHandler implements Handler<HttpServerRequest> {
  /** The Seal key-server API version this server implements (the SDK requires &ge; 0.4.1). */
  public static final String SERVER_VERSION = "0.6.10";

  public static final String GIT_VERSION = "haulout-seal-service";

  private static final System.Logger LOG = System.getLogger(KeyServerHttpHandler.class.getName());

  private final FetchKeyService service;
  private final ClientSdkCheck sdkCheck;
  private final int maxBodyBytes;
  private final byte[] serviceBody;
  private final Router router;

  public KeyServerHttpHandler(
      Vertx vertx, FetchKeyService service, ClientSdkCheck sdkCheck, int maxBodyBytes) {
    this.service = service;
    this.sdkCheck = sdkCheck;
    this.maxBodyBytes = maxBodyBytes;
    ObjectNode o = FetchKeyJson.mapper().createObjectNode();
    o.put("service_id", service.objectId().toString());
    o.put("pop", Base64.getEncoder().encodeToString(service.proofOfPossession().toBytes()));
    this.serviceBody = FetchKeyJson.bytes(o);
    this.router = routes(vertx);
  }

  private Router routes(Vertx vertx) {
    Router r = HttpRoutes.router(vertx, KeyServerHttpHandler::sendError);
    r.route().handler(ctx -> {
      commonHeaders(ctx);
      ctx.next();
    });
    r.options().handler(ctx -> ctx.response().putHeader("Access-Control-Allow-Methods", "*")
        .putHeader("Access-Control-Allow-Headers", "*").putHeader("Access-Control-Max-Age", "600")
        .setStatusCode(200).end());
    r.get("/health").handler(ctx -> ctx.response().setStatusCode(200).end("ok"));
    r.get("/v1/service").handler(this::checkSdk).handler(this::service);
    r.post("/v1/fetch_key").handler(this::checkSdk).handler(this::fetchKey);
    HttpRoutes.fallback(r, ctx -> new HttpFailure(404, "no route"));
    return r;
  }

  @Override
  public void handle(HttpServerRequest req) {
    router.handle(req);
  }

  /** CORS, the server's version headers and the caller's {@code Request-Id} (if at most 128 chars) on every answer. */
  private static void commonHeaders(RoutingContext ctx) {
    HttpServerResponse res = ctx.response();
    res.putHeader("Access-Control-Allow-Origin", "*");
    res.putHeader("Access-Control-Expose-Headers", "*");
    res.putHeader("X-KeyServer-Version", SERVER_VERSION);
    res.putHeader("X-KeyServer-GitVersion", GIT_VERSION);
    String requestId = requestId(ctx);
    if (requestId != null) {
      res.putHeader("Request-Id", requestId);
    }
  }

  private static String requestId(RoutingContext ctx) {
    String id = ctx.request().getHeader("Request-Id");
    return id != null && id.length() <= 128 ? id : null;
  }

  private void checkSdk(RoutingContext ctx) {
    sdkCheck.check(
        ctx.request().getHeader(ClientSdkCheck.HEADER_SDK_TYPE), ctx.request().getHeader(ClientSdkCheck.HEADER_SDK_VERSION));
    ctx.next();
  }

  private void service(RoutingContext ctx) {
    String sid = ctx.request().getParam("service_id");
    boolean ok;
    try {
      ok = sid != null && SuiAddress.parse(sid).equals(service.objectId());
    } catch (IllegalArgumentException e) {
      ok = false;
    }
    if (!ok) {
      throw new KeyServerException(KeyServerErrorCode.InvalidServiceId, "Invalid service ID");
    }
    json(ctx.response(), 200, serviceBody);
  }

  private void fetchKey(RoutingContext ctx) {
    String requestId = requestId(ctx);
    // off the event loop: signature checks and pairing-group math take ~1 ms and the policy
    // port may block (the ledger adapter queries PostgreSQL)
    HttpRoutes.withBody(ctx, maxBodyBytes, Bodies.Overflow.DRAIN, body -> {
      FetchKeyRequest request = FetchKeyJson.parseRequest(body.getBytes());
      byte[] answer = FetchKeyJson.writeResponse(service.fetchKeys(request));
      LOG.log(Level.DEBUG, "request {0}: keys released to {1}", requestId, request.certificate().user());
      return answer;
    }, (c, answer) -> json(c.response(), 200, answer));
  }

  /** Seal's error answer: {@code {error, message}} with the code's status ({@code Retry-After: 1} on TooManyRequests). */
  private static Future<Void> sendError(RoutingContext ctx, Throwable t) {
    String requestId = requestId(ctx);
    KeyServerException e;
    if (t instanceof KeyServerException ke) {
      e = ke;
    } else if (t instanceof BodyException be && be.reason() != BodyException.Reason.READ_FAILED) {
      e = new KeyServerException(KeyServerErrorCode.InvalidParameter, "Request body too large");
    } else if (t instanceof BodyException be) {
      // the connection failed while the body was read: nobody to answer
      LOG.log(Level.DEBUG, "request {0} failed: {1}", requestId, String.valueOf(be.getCause()));
      return Future.succeededFuture();
    } else if (t instanceof HttpFailure hf && hf.status() == 404) {
      // no such route, or a known path with another method: an empty 404
      commonHeaders(ctx);
      ctx.response().setStatusCode(404);
      return ctx.response().ended() ? Future.succeededFuture() : ctx.response().end();
    } else if (t instanceof HttpFailure hf) {
      e = new KeyServerException(KeyServerErrorCode.MissingRequiredHeader, hf.getMessage());
    } else {
      LOG.log(Level.WARNING, "request " + requestId + " failed internally", t);
      e = new KeyServerException(KeyServerErrorCode.Failure, "Internal server error, please try again later");
    }
    LOG.log(Level.DEBUG, "request {0}: {1}: {2}", requestId, e.code(), e.getMessage());
    commonHeaders(ctx);
    if (e.code() == KeyServerErrorCode.TooManyRequests) {
      ctx.response().putHeader("Retry-After", "1");
    }
    return json(ctx.response(), e.httpStatus(), FetchKeyJson.writeError(e.code(), e.getMessage()));
  }

  private static Future<Void> json(HttpServerResponse res, int status, byte[] body) {
    return HttpRoutes.json(res, status, Buffer.buffer(body));
  }
}
