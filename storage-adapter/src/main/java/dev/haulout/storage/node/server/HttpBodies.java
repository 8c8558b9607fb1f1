package dev.haulout.storage.node.server;

import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** Reads a request body with a hard size limit (413 before buffering more than {@code max}). */
public final class HttpBodies {
  private HttpBodies() {}

  public static StorageException tooLarge(long max) {
    return new StorageException("OUT_OF_RANGE", 413, StorageErrorCode.PAYLOAD_TOO_LARGE, "request body larger than " + max + " bytes");
  }

  public static Future<byte[]> read(HttpServerRequest req, long max) {
    String cl = req.getHeader("content-length");
    if (cl != null) {
      try {
        if (Long.parseLong(cl.trim()) > max) {
          return Future.failedFuture(tooLarge(max));
        }
      } catch (NumberFormatException e) {
        return Future.failedFuture(StorageException.invalidArgument(StorageErrorCode.INVALID_CONTENT_LENGTH, "bad content-length " + cl));
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

  /** How much of a refused body is read and dropped before the connection is closed instead. */
  public static final long DRAIN_LIMIT = 64L << 20;

  /**
   * For a request answered before its body was read (413, 415): reads and drops the rest of the body
   * so the client can finish sending and then read the answer, and the connection stays usable.
   * Closing at once makes the client's write fail ("connection reset") before it sees the answer. A
   * body longer than {@link #DRAIN_LIMIT} is cut off by closing the connection.
   */
  public static void drain(HttpServerRequest req) {
    long[] dropped = {0};
    req.handler(chunk -> {
      dropped[0] += chunk.length();
      if (dropped[0] > DRAIN_LIMIT) {
        req.connection().close();
      }
    });
    req.exceptionHandler(t -> { });
    req.endHandler(v -> { });
    req.resume();
  }
}
