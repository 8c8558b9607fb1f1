package dev.haulout.storage.node.server;

import dev.haulout.http.BodyException;
import dev.haulout.http.HttpFailure;
import dev.haulout.storage.StorageErrorCode;
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

  /** 413 {@code PAYLOAD_TOO_LARGE}: the storage servers' answer to a body over a route's limit. */
  public static StorageException tooLarge(long max) {
    return new StorageException("OUT_OF_RANGE", 413, StorageErrorCode.PAYLOAD_TOO_LARGE, "request body larger than " + max + " bytes");
  }

  /**
   * The storage servers' error for a failure the http-kit reports: a refused or unreadable body, a
   * request Vert.x Web refused while routing (400 {@code MALFORMED_REQUEST}, e.g. a path segment that
   * is not valid percent-encoding); the StorageException itself; null for anything else (the
   * server's own internal-error policy).
   */
  public static StorageException of(Throwable t) {
    if (t instanceof StorageException se) {
      return se;
    }
    if (t instanceof BodyException be) {
      return switch (be.reason()) {
        case TOO_LARGE -> tooLarge(be.limit());
        case BAD_CONTENT_LENGTH -> StorageException.invalidArgument(StorageErrorCode.INVALID_CONTENT_LENGTH, "bad content-length");
        case READ_FAILED -> StorageException.internal(String.valueOf(be.getCause()), be.getCause());
      };
    }
    if (t instanceof HttpFailure hf) {
      return hf.status() == 404 ? StorageException.notFound(StorageErrorCode.NO_ROUTE, hf.getMessage())
          : StorageException.invalidArgument(StorageErrorCode.MALFORMED_REQUEST, hf.getMessage());
    }
    return null;
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
