package dev.haulout.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.WriteStream;

/**
 * Request bodies read with a hard limit, counted while reading: a declared Content-Length over the
 * limit is refused before a byte of the body is read, and a body without one (chunked) is refused
 * as soon as the bytes read pass the limit, so at most the limit plus one network chunk is ever
 * buffered. The refusal is a {@link BodyException}; what happens to the rest of the body is the
 * server's {@link Overflow} policy.
 */
public final class Bodies {
  /** How much of a refused body {@link Overflow#DRAIN} reads and drops before closing the connection instead. */
  public static final long DRAIN_LIMIT = 64L << 20;

  private Bodies() {}

  /** What a server does with the rest of a body it refused. */
  public enum Overflow {
    /**
     * Stop reading at once; the answer carries {@code Connection: close} and the connection is
     * closed once it is written (the ledger: a hostile client cannot keep the server reading).
     */
    CLOSE,
    /**
     * Read and drop the rest (at most {@link #DRAIN_LIMIT}, then close) so a client still sending
     * can finish and read the answer; closing at once would make its write fail with "connection
     * reset" before it sees the answer (storage nodes, publisher, key servers).
     */
    DRAIN
  }

  /**
   * The whole body, or a failed future: {@link BodyException} when it is over {@code max} bytes
   * (then the rest is treated per {@code overflow}), Content-Length is malformed or the connection
   * failed while reading. Must be called before the handler returns to the event loop.
   */
  public static Future<Buffer> read(HttpServerRequest req, long max, Overflow overflow) {
    String len = req.getHeader("Content-Length");
    if (len != null) {
      long declared;
      try {
        declared = Long.parseLong(len.trim());
      } catch (NumberFormatException e) {
        return Future.failedFuture(new BodyException(BodyException.Reason.BAD_CONTENT_LENGTH, max, false,
            "bad Content-Length", null));
      }
      if (declared > max) {
        return Future.failedFuture(refuse(req, max, overflow));
      }
    }
    Promise<Buffer> p = Promise.promise();
    Buffer acc = Buffer.buffer();
    boolean[] done = {false};
    req.handler(chunk -> {
      if (done[0]) {
        return;
      }
      if ((long) acc.length() + chunk.length() > max) {
        done[0] = true;
        p.tryFail(refuse(req, max, overflow));
        return;
      }
      acc.appendBuffer(chunk);
    });
    req.exceptionHandler(t -> {
      if (!done[0]) {
        done[0] = true;
        p.tryFail(new BodyException(BodyException.Reason.READ_FAILED, max, false, "cannot read body", t));
      }
    });
    req.endHandler(v -> {
      if (!done[0]) {
        done[0] = true;
        p.tryComplete(acc);
      }
    });
    return p.future();
  }

  /**
   * Streams the body into {@code to} (a spool file), counting while writing, with back-pressure; the
   * same refusals as {@link #read}. {@code to} is ended in every case; the future completes once it is.
   */
  public static Future<Void> pipe(HttpServerRequest req, WriteStream<Buffer> to, long max, Overflow overflow) {
    Promise<Void> p = Promise.promise();
    long[] count = {0};
    boolean[] done = {false};
    req.handler(chunk -> {
      if (done[0]) {
        return;
      }
      count[0] += chunk.length();
      if (count[0] > max) {
        done[0] = true;
        BodyException refused = refuse(req, max, overflow);
        to.end().onComplete(v -> p.tryFail(refused));
        return;
      }
      to.write(chunk);
      if (to.writeQueueFull()) {
        req.pause();
        to.drainHandler(v -> {
          if (!done[0]) {
            req.resume();
          }
        });
      }
    });
    req.exceptionHandler(t -> {
      if (!done[0]) {
        done[0] = true;
        to.end().onComplete(v -> p.tryFail(new BodyException(BodyException.Reason.READ_FAILED, max, false, "cannot read body", t)));
      }
    });
    req.endHandler(v -> {
      if (!done[0]) {
        done[0] = true;
        to.end().onComplete(p);
      }
    });
    return p.future();
  }

  private static BodyException refuse(HttpServerRequest req, long max, Overflow overflow) {
    if (overflow == Overflow.CLOSE) {
      req.pause();
    } else {
      drain(req);
    }
    return new BodyException(BodyException.Reason.TOO_LARGE, max, overflow == Overflow.CLOSE,
        "body larger than " + max + " bytes", null);
  }

  /**
   * For a request answered before its body was read: reads and drops the rest of the body so the
   * client can finish sending and then read the answer, and the connection stays usable. A body
   * longer than {@link #DRAIN_LIMIT} is cut off by closing the connection.
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
