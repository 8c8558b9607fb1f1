package dev.haulout.marketplace.adapter.rest;

import dev.haulout.marketplace.application.UploadService;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.Upload;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Streams one PATCH body into its upload's file: each buffer as it arrives, one write at a time,
 * with back-pressure (the request is paused while more than {@value #HIGH_WATER} bytes wait to be
 * written), so memory stays bounded whatever the size. When the body ends the file is fsynced and
 * the new offset recorded before the 204 answer; when the connection drops, what arrived is kept the
 * same way, so the client's next HEAD resumes after it. A body that would pass Upload-Length is
 * refused whole (413; the offset does not move). All state is touched on the request's event loop.
 */
final class TusPatch {
  private static final Logger LOG = Logger.getLogger(TusPatch.class);
  static final int HIGH_WATER = 4 << 20;
  static final int LOW_WATER = 1 << 20;

  private final RoutingContext ctx;
  private final UploadService.Append append;
  private final BiConsumer<RoutingContext, Upload> answer;
  private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
  private long queuedBytes;
  private long accepted;
  private boolean writing;
  private boolean ended;
  private boolean interrupted;
  private boolean overflow;
  private boolean finished;
  private Throwable failure;

  TusPatch(RoutingContext ctx, UploadService.Append append, BiConsumer<RoutingContext, Upload> answer) {
    this.ctx = ctx;
    this.append = append;
    this.answer = answer;
  }

  void start() {
    HttpServerRequest req = ctx.request();
    req.handler(this::received);
    req.endHandler(v -> {
      ended = true;
      pump();
    });
    req.exceptionHandler(e -> {
      // the client went away (or the connection broke) mid-body: keep what was written
      LOG.debugf("upload %s: body interrupted: %s", append.upload().id(), e.toString());
      ended = true;
      interrupted = true;
      pump();
    });
    req.resume();
  }

  private void received(Buffer buffer) {
    if (overflow || failure != null || ended) {
      return;
    }
    int n = buffer.length();
    if (accepted + n > append.upload().remaining()) {
      overflow = true;
      queue.clear();
      ended = true;
      pump();
      return;
    }
    queue.add(ByteBuffer.wrap(buffer.getBytes())); // a copy: Buffer.getByteBuf() is deprecated
    accepted += n;
    queuedBytes += n;
    if (queuedBytes > HIGH_WATER) {
      ctx.request().pause();
    }
    pump();
  }

  private void pump() {
    if (writing || finished) {
      return;
    }
    ByteBuffer next = failure == null && !overflow ? queue.poll() : null;
    if (next == null) {
      if (ended || failure != null) {
        finish();
      }
      return;
    }
    writing = true;
    int n = next.remaining();
    append.write(next).subscribe().with(v -> {
      writing = false;
      queuedBytes -= n;
      if (queuedBytes < LOW_WATER && !ended) {
        ctx.request().resume();
      }
      pump();
    }, e -> {
      writing = false;
      failure = e;
      queue.clear();
      pump();
    });
  }

  private void finish() {
    finished = true;
    if (overflow) {
      append.abandon().subscribe().with(v -> TusEndpoint.fail(ctx, new CatalogException(ErrorCode.PAYLOAD_TOO_LARGE,
          "the body passes Upload-Length " + append.upload().length() + "; nothing of it was kept")),
          e -> TusEndpoint.fail(ctx, e));
      return;
    }
    append.finish().subscribe().with(u -> {
      if (failure != null) {
        TusEndpoint.fail(ctx, failure);
      } else if (!interrupted) {
        answer.accept(ctx, u);
      }
    }, e -> TusEndpoint.fail(ctx, failure != null ? failure : e));
  }
}
