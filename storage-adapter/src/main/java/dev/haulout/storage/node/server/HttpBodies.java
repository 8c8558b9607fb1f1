package dev.haulout.storage.node.server;

import dev.haulout.storage.StorageException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** Reads a request body with a hard size limit (413 before buffering more than {@code max}). */
public final class HttpBodies {
  private HttpBodies() {}

  public static StorageException tooLarge(long max) {
    return new StorageException("OUT_OF_RANGE", 413, "PAYLOAD_TOO_LARGE", "request body larger than " + max + " bytes");
  }

  public static Future<byte[]> read(HttpServerRequest req, long max) {
    String cl = req.getHeader("content-length");
    if (cl != null) {
      try {
        if (Long.parseLong(cl.trim()) > max) {
          return Future.failedFuture(tooLarge(max));
        }
      } catch (NumberFormatException e) {
        return Future.failedFuture(StorageException.invalidArgument("INVALID_CONTENT_LENGTH", "bad content-length " + cl));
      }
    }
    Promise<byte[]> p = Promise.promise();
    Buffer buf = Buffer.buffer();
    boolean[] failed = {false};
    req.handler(chunk -> {
      if (failed[0]) {
        return;
      }
      if (buf.length() + (long) chunk.length() > max) {
        failed[0] = true;
        p.tryFail(tooLarge(max));
        return;
      }
      buf.appendBuffer(chunk);
    });
    req.exceptionHandler(p::tryFail);
    req.endHandler(v -> {
      if (!failed[0]) {
        p.tryComplete(buf.getBytes());
      }
    });
    return p.future();
  }
}
