package dev.haulout.storage.node.server;

import dev.haulout.storage.StorageException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Walrus-style JSON bodies (walrus-storage-node-client {@code api/errors.rs}):
 * {@code {"success":{"code":200,"data":…}}} and
 * {@code {"error":{"status":"NOT_FOUND","code":404,"message":…,"details":[{"@type":"ErrorInfo","reason":…,"domain":…}]}}}.
 */
public final class ApiErrors {
  public static final String DOMAIN = "storage.haulout.dev";

  private ApiErrors() {}

  public static JsonObject errorBody(StorageException e) {
    JsonObject info = new JsonObject().put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
        .put("reason", e.code()).put("domain", DOMAIN);
    return new JsonObject().put("error", new JsonObject().put("status", e.status()).put("code", e.httpStatus())
        .put("message", e.getMessage()).put("details", new JsonArray().add(info)));
  }

  public static Future<Void> send(HttpServerResponse res, StorageException e) {
    if (res.ended() || res.closed()) {
      return Future.succeededFuture();
    }
    return res.setStatusCode(e.httpStatus()).putHeader("content-type", "application/json").end(errorBody(e).encode());
  }

  public static void success(HttpServerResponse res, int code, Object data) {
    res.setStatusCode(code).putHeader("content-type", "application/json")
        .end(new JsonObject().put("success", new JsonObject().put("code", code).put("data", data)).encode());
  }
}
