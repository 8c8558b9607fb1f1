package dev.haulout.seal.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.server.ClientSdkCheck;
import dev.haulout.seal.server.FetchKeyRequest;
import dev.haulout.seal.server.FetchKeyService;
import dev.haulout.seal.server.KeyServerErrorCode;
import dev.haulout.seal.server.KeyServerException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.lang.System.Logger.Level;
import java.util.Base64;

/**
 * Thin Vert.x transport for {@link FetchKeyService}: routes {@code GET /v1/service} and {@code
 * POST /v1/fetch_key}, applies the SDK header checks, the body limit and permissive CORS, and maps
 * {@link KeyServerException} to {@code {error, message}} with Seal's statuses.
 */
public final class KeyServerHttpHandler implements Handler<HttpServerRequest> {
  /** The Seal key-server API version this server implements (the SDK requires &ge; 0.4.1). */
  public static final String SERVER_VERSION = "0.6.10";

  public static final String GIT_VERSION = "haulout-seal-service";

  private static final System.Logger LOG = System.getLogger(KeyServerHttpHandler.class.getName());

  private final Vertx vertx;
  private final FetchKeyService service;
  private final ClientSdkCheck sdkCheck;
  private final int maxBodyBytes;
  private final String objectIdText;
  private final byte[] serviceBody;

  public KeyServerHttpHandler(
      Vertx vertx, FetchKeyService service, ClientSdkCheck sdkCheck, int maxBodyBytes) {
    this.vertx = vertx;
    this.service = service;
    this.sdkCheck = sdkCheck;
    this.maxBodyBytes = maxBodyBytes;
    this.objectIdText = service.objectId().toString();
    ObjectNode o = FetchKeyJson.mapper().createObjectNode();
    o.put("service_id", objectIdText);
    o.put("pop", Base64.getEncoder().encodeToString(service.proofOfPossession().toBytes()));
    this.serviceBody = FetchKeyJson.bytes(o);
  }

  @Override
  public void handle(HttpServerRequest req) {
    HttpServerResponse res = req.response();
    res.putHeader("Access-Control-Allow-Origin", "*");
    res.putHeader("Access-Control-Expose-Headers", "*");
    res.putHeader("X-KeyServer-Version", SERVER_VERSION);
    res.putHeader("X-KeyServer-GitVersion", GIT_VERSION);
    String requestId = req.getHeader("Request-Id");
    if (requestId != null && requestId.length() <= 128) {
      res.putHeader("Request-Id", requestId);
    }
    try {
      if (req.method() == HttpMethod.OPTIONS) {
        res.putHeader("Access-Control-Allow-Methods", "*");
        res.putHeader("Access-Control-Allow-Headers", "*");
        res.putHeader("Access-Control-Max-Age", "600");
        res.setStatusCode(200).end();
        return;
      }
      String path = req.path();
      if ("/health".equals(path) && req.method() == HttpMethod.GET) {
        res.setStatusCode(200).end("ok");
        return;
      }
      boolean service = "/v1/service".equals(path) && req.method() == HttpMethod.GET;
      boolean fetch = "/v1/fetch_key".equals(path) && req.method() == HttpMethod.POST;
      if (!service && !fetch) {
        res.setStatusCode(404).end();
        return;
      }
      sdkCheck.check(
          req.getHeader(ClientSdkCheck.HEADER_SDK_TYPE), req.getHeader(ClientSdkCheck.HEADER_SDK_VERSION));
      if (service) {
        handleService(req, res);
      } else {
        handleFetchKey(req, res, requestId);
      }
    } catch (KeyServerException e) {
      sendError(res, e, requestId);
    }
  }

  private void handleService(HttpServerRequest req, HttpServerResponse res) {
    String sid = req.getParam("service_id");
    boolean ok;
    try {
      ok = sid != null && SuiAddress.parse(sid).equals(service.objectId());
    } catch (IllegalArgumentException e) {
      ok = false;
    }
    if (!ok) {
      throw new KeyServerException(KeyServerErrorCode.InvalidServiceId, "Invalid service ID");
    }
    json(res, 200, serviceBody);
  }

  private void handleFetchKey(HttpServerRequest req, HttpServerResponse res, String requestId) {
    String len = req.getHeader("Content-Length");
    if (len != null && len.length() < 12 && len.chars().allMatch(Character::isDigit) && Long.parseLong(len) > maxBodyBytes) {
      tooLarge(res, requestId);
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] rejected = {false};
    req.handler(
        chunk -> {
          if (rejected[0]) {
            return;
          }
          if (body.length() + chunk.length() > maxBodyBytes) {
            rejected[0] = true;
            tooLarge(res, requestId);
            return;
          }
          body.appendBuffer(chunk);
        });
    req.exceptionHandler(e -> LOG.log(Level.DEBUG, "request {0} failed: {1}", requestId, e.toString()));
    req.endHandler(
        v -> {
          if (rejected[0]) {
            return;
          }
          FetchKeyRequest request;
          try {
            request = FetchKeyJson.parseRequest(body.getBytes());
          } catch (KeyServerException e) {
            sendError(res, e, requestId);
            return;
          }
          // Off the event loop: signature checks and pairing-group math take ~1 ms and the policy
          // port may block (the ledger adapter queries PostgreSQL).
          vertx
              .executeBlocking(() -> FetchKeyJson.writeResponse(service.fetchKeys(request)), false)
              .onComplete(
                  ar -> {
                    if (ar.succeeded()) {
                      LOG.log(Level.DEBUG, "request {0}: keys released to {1}", requestId, request.certificate().user());
                      json(res, 200, ar.result());
                    } else if (ar.cause() instanceof KeyServerException e) {
                      sendError(res, e, requestId);
                    } else {
                      LOG.log(Level.WARNING, "request " + requestId + " failed internally", ar.cause());
                      sendError(
                          res,
                          new KeyServerException(
                              KeyServerErrorCode.Failure, "Internal server error, please try again later"),
                          requestId);
                    }
                  });
        });
  }

  private void tooLarge(HttpServerResponse res, String requestId) {
    sendError(
        res,
        new KeyServerException(KeyServerErrorCode.InvalidParameter, "Request body too large"),
        requestId);
  }

  private static void sendError(HttpServerResponse res, KeyServerException e, String requestId) {
    LOG.log(Level.DEBUG, "request {0}: {1}: {2}", requestId, e.code(), e.getMessage());
    if (e.code() == KeyServerErrorCode.TooManyRequests) {
      res.putHeader("Retry-After", "1");
    }
    json(res, e.httpStatus(), FetchKeyJson.writeError(e.code(), e.getMessage()));
  }

  private static void json(HttpServerResponse res, int status, byte[] body) {
    if (res.ended()) {
      return;
    }
    res.setStatusCode(status).putHeader("Content-Type", "application/json").end(Buffer.buffer(body));
  }
}
