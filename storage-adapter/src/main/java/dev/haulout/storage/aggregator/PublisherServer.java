package dev.haulout.storage.aggregator;

import dev.haulout.storage.ProgressListener;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.StoreResult;
import dev.haulout.storage.node.server.ApiErrors;
import dev.haulout.storage.nodeproto.NodeProtocolBlobStore;
import dev.haulout.storage.read.BlobReader;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.quilt.QuiltBlob;
import dev.haulout.erasure.quilt.QuiltPatch;
import dev.haulout.http.BodyException;
import dev.haulout.http.Bodies;
import dev.haulout.http.HttpFailure;
import dev.haulout.http.HttpRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Walrus-compatible publisher and aggregator (SPEC §10) over a {@link NodeProtocolBlobStore}:
 * {@code PUT /v1/blobs?epochs=N[&deletable=true|permanent=true]} answers {@code newlyCreated} or
 * {@code alreadyCertified} exactly as Walrus does; {@code GET /v1/blobs/{id}} streams verified
 * bytes (HTTP {@code Range} honoured), {@code GET /v1/blobs/{id}/byte-range?start=&length=},
 * {@code HEAD /v1/blobs/{id}}, {@code GET /status}. The upload body is spooled to a temporary
 * file (bounded memory) before encoding. Small blobs are served from a verified LRU cache.
 */
public final class PublisherServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PublisherServer.class.getName());
  /** Largest accepted upload. */
  public static final long MAX_UPLOAD_BYTES = 1L << 32;

  private final Vertx vertx;
  private final NodeProtocolBlobStore store;
  private final AggregatorCache cache;
  private HttpServer server;

  private PublisherServer(Vertx vertx, NodeProtocolBlobStore store, long cacheBytes) {
    this.vertx = vertx;
    this.store = store;
    this.cache = new AggregatorCache(cacheBytes);
  }

  /** {@code store} must have a funded wallet to publish; it is closed with the server. */
  public static PublisherServer start(Vertx vertx, NodeProtocolBlobStore store, String host, int port, long cacheBytes) {
    PublisherServer p = new PublisherServer(vertx, store, cacheBytes);
    try {
      p.server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)
              // quilt uploads: Vert.x's default of 256 form fields would cut a legal quilt short; the
              // publisher counts the parts itself against the quilt limit (QuiltAccess.maxPatches)
              .setMaxFormFields(QuiltAccess.MAX_FORM_FIELDS).setMaxFormAttributeSize(QuiltAccess.MAX_METADATA_BYTES))
          .requestHandler(p.routes()).listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw StorageException.unavailable(StorageErrorCode.LISTEN_FAILED, "cannot listen on " + host + ":" + port + ": " + e, e);
    }
    return p;
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public AggregatorCache cache() {
    return cache;
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "publisher did not close cleanly", e);
    }
    store.close();
  }

  // ------------------------------------------------------------------ routes

  private Router routes() {
    Router r = HttpRoutes.router(vertx, PublisherServer::error);
    r.put("/v1/blobs").handler(ctx -> beforeBody(ctx, this::publish));
    r.put("/v1/quilts").handler(ctx -> beforeBody(ctx, this::publishQuilt));
    r.get("/v1/quilts/:quilt_id/patches").handler(ctx -> blocking(ctx, () -> {
      JsonArray arr = new JsonArray();
      BlobId quilt = blobId(ctx.pathParam("quilt_id"));
      for (QuiltPatch qp : QuiltAccess.open(store.reader(), quilt).patches()) {
        arr.add(new JsonObject().put("identifier", qp.identifier()).put("patchId", qp.patchId(quilt))
            .put("tags", new JsonObject(new java.util.LinkedHashMap<String, Object>(qp.tags()))));
      }
      ctx.response().putHeader("content-type", "application/json").end(arr.encode());
    }));
    r.get("/v1/blobs/by-object-id/:object_id").handler(ctx -> {
      String objectId = ctx.pathParam("object_id");
      HttpRoutes.blocking(ctx, () -> store.blobIdOfObject(objectId),
          (c, blobId) -> serve(c, blobId, ReadRange.header(c.request().getHeader("range"))));
    });
    r.get("/v1/blobs/by-quilt-patch-id/:patch_id").handler(ctx -> blocking(ctx,
        () -> patch(ctx.request(), QuiltAccess.byPatchId(store.reader(), ctx.pathParam("patch_id")))));
    r.get("/v1/blobs/by-quilt-id/:quilt_id/:identifier").handler(ctx -> {
      // the identifier as the client percent-encoded it, decoded here once (form rules: '+' is a space)
      String identifier = quiltIdentifier(ctx.request().path().split("/")[5]);
      blocking(ctx, () -> patch(ctx.request(),
          QuiltAccess.byIdentifier(store.reader(), blobId(ctx.pathParam("quilt_id")), identifier)));
    });
    r.get("/status").handler(ctx -> ctx.response().putHeader("content-type", "application/json").end(new JsonObject()
        .put("cacheEntries", cache.entries()).put("cacheBytes", cache.bytes()).put("cacheHits", cache.hits()).encode()));
    r.get("/v1/blobs/:blob_id").handler(ctx -> serve(ctx, ctx.pathParam("blob_id"), ReadRange.header(ctx.request().getHeader("range"))));
    r.head("/v1/blobs/:blob_id").handler(ctx -> serve(ctx, ctx.pathParam("blob_id"), ReadRange.header(ctx.request().getHeader("range"))));
    r.get("/v1/blobs/:blob_id/byte-range").handler(ctx -> {
      long start = longParam(ctx.request(), "start");
      long length = longParam(ctx.request(), "length");
      serve(ctx, ctx.pathParam("blob_id"), ReadRange.startLength(start, length));
    });
    HttpRoutes.fallback(r, ctx -> StorageException.notFound(StorageErrorCode.NO_ROUTE,
        "no route " + ctx.request().method() + " " + ctx.request().path()));
    return r;
  }

  /** An upload route: a parameter refused before the body is read drops the body and answers in the publisher's format. */
  private static void beforeBody(RoutingContext ctx, java.util.function.Consumer<HttpServerRequest> upload) {
    try {
      upload.accept(ctx.request());
    } catch (StorageException e) {
      Bodies.drain(ctx.request());
      publishError(ctx.response(), e, null, "request");
    }
  }

  /** The aggregator's error answer (Walrus REST error JSON); a range past the end also names the blob's length. */
  private static Future<Void> error(RoutingContext ctx, Throwable t) {
    String[] p = ctx.request().path().split("/");
    if (t instanceof HttpFailure && p.length == 6 && ctx.request().path().startsWith("/v1/blobs/by-quilt-id/")) {
      // the router could not percent-decode a segment: name the identifier as the route itself would
      try {
        quiltIdentifier(p[5]);
      } catch (StorageException e) {
        t = e;
      }
    }
    if (t instanceof ReadRange.NotSatisfiable ns && !ctx.response().headWritten()) {
      ctx.response().putHeader("content-range", "bytes */" + ns.blobLength);
    }
    return ApiErrors.send(ctx.response(), asStorageException(t));
  }

  /** A failure as the error to answer; anything but a StorageException is logged and answered 500 without its text. */
  private static StorageException asStorageException(Throwable t) {
    StorageException known = ApiErrors.of(t);
    if (known != null) {
      return known;
    }
    LOG.log(Level.WARNING, "publisher: unexpected failure", t);
    return StorageException.internal("internal error (" + t.getClass().getSimpleName() + ")", t);
  }

  /** Stable reason of a missing or malformed query parameter. */

  /** A client-supplied value quoted for an error message (cut at 40 characters). */
  static String quoted(String v) {
    return "'" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'";
  }

  private static String quiltIdentifier(String segment) {
    try {
      return java.net.URLDecoder.decode(segment, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_QUILT_IDENTIFIER,
          "the quilt patch identifier in the path is not valid percent-encoding: " + quoted(segment));
    }
  }

  // ------------------------------------------------------------------ publisher

  /** {@code epochs} (default 1): a positive integer; anything else is a 400 before the body is read. */
  static int epochsParam(HttpServerRequest req) {
    String v = req.getParam("epochs");
    if (v == null) {
      return 1;
    }
    int epochs;
    try {
      epochs = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      epochs = 0;
    }
    if (epochs < 1) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_QUERY_PARAMETER,
          "query parameter 'epochs' must be a positive integer (at most " + Integer.MAX_VALUE + "), got " + quoted(v));
    }
    return epochs;
  }

  /** A failed store as the error to answer: the StorageException's own (503 when no node answered), else 500. */
  private static StorageException storeFailure(Throwable t) {
    if (t instanceof StorageException se) {
      if (se.httpStatus() >= 400) {
        return se;
      }
      return se.withHttpStatus(503);
    }
    LOG.log(Level.WARNING, "publisher: store failed", t);
    return StorageException.internal("the store failed (" + t.getClass().getSimpleName() + ")", t);
  }

  private void publish(HttpServerRequest req) {
    int epochs = epochsParam(req);
    boolean deletable = "true".equals(req.getParam("deletable"));
    String cl = req.getHeader("content-length");
    long declared;
    try {
      declared = cl == null ? -1 : Long.parseLong(cl.trim());
    } catch (NumberFormatException e) {
      declared = -1; // Vert.x refuses a malformed content-length before this handler runs
    }
    if (declared > MAX_UPLOAD_BYTES) {
      req.response().putHeader("connection", "close");
      publishError(req.response(), ApiErrors.tooLarge(MAX_UPLOAD_BYTES), null, "upload");
      return;
    }
    req.pause();
    Path tmp;
    try {
      tmp = Files.createTempFile("haulout-upload", ".bin");
    } catch (IOException e) {
      LOG.log(Level.WARNING, "publisher: cannot create a spool file", e);
      publishError(req.response(), StorageException.internal("cannot spool the upload", e), null, "upload");
      return;
    }
    vertx.fileSystem().open(tmp.toString(), new OpenOptions().setWrite(true)).onComplete(fr -> {
      if (fr.failed()) {
        LOG.log(Level.WARNING, "publisher: cannot open the spool file", fr.cause());
        publishError(req.response(), StorageException.internal("cannot spool the upload", fr.cause()), null, "upload");
        return;
      }
      AsyncFile file = fr.result();
      // counted while spooling: a chunked upload past MAX_UPLOAD_BYTES is refused as a declared one is
      Bodies.pipe(req, file, MAX_UPLOAD_BYTES, Bodies.Overflow.DRAIN).onComplete(done -> {
        if (done.failed()) {
          delete(tmp);
          if (done.cause() instanceof BodyException be && be.reason() == BodyException.Reason.TOO_LARGE) {
            req.response().putHeader("connection", "close");
            publishError(req.response(), ApiErrors.tooLarge(MAX_UPLOAD_BYTES), null, "upload");
            return;
          }
          Throwable why = done.cause() instanceof BodyException && done.cause().getCause() != null
              ? done.cause().getCause() : done.cause();
          publishError(req.response(), StorageException.invalidArgument(StorageErrorCode.UPLOAD_FAILED,
              "the upload did not complete: " + why.getMessage()), null, "upload");
          return;
        }
        vertx.executeBlocking(() -> {
          long size = Files.size(tmp);
          try (InputStream in = Files.newInputStream(tmp)) {
            return store.store(in, size, epochs, deletable, ProgressListener.NONE);
          } finally {
            delete(tmp);
          }
        }, false).onComplete(r -> {
          if (r.succeeded()) {
            req.response().putHeader("content-type", "application/json").end(storeJson(r.result(), epochs).encode());
          } else {
            publishError(req.response(), storeFailure(r.cause()), null, "store");
          }
        });
      });
      req.resume();
    });
  }

  /** Walrus {@code BlobStoreResult} JSON. */
  static JsonObject storeJson(StoreResult r, int epochs) {
    if (!r.newlyCreated()) {
      return new JsonObject().put("alreadyCertified", new JsonObject().put("blobId", r.blobId())
          .put("object", r.blobObjectId()).put("endEpoch", r.endEpoch()));
    }
    JsonObject storage = new JsonObject().put("id", r.storageObjectId()).put("startEpoch", r.registeredEpoch())
        .put("endEpoch", r.endEpoch()).put("storageSize", r.encodedLength());
    JsonObject blob = new JsonObject().put("id", r.blobObjectId()).put("registeredEpoch", r.registeredEpoch())
        .put("blobId", r.blobId()).put("size", r.size()).put("encodingType", "RS2")
        .put("certifiedEpoch", r.certifiedEpoch()).put("storage", storage).put("deletable", false);
    JsonObject op = new JsonObject().put("registerFromScratch",
        new JsonObject().put("encodedLength", r.encodedLength()).put("epochsAhead", epochs));
    return new JsonObject().put("newlyCreated", new JsonObject().put("blobObject", blob).put("resourceOperation", op)
        .put("cost", r.costFrost()));
  }

  /**
   * The publisher's error answer: the Walrus REST error ({@link ApiErrors#errorBody}: {@code status},
   * {@code code}, {@code message}, {@code details[0].reason} = the stable code) plus Walrus's
   * {@code BlobStoreResult} error fields {@code failurePhase} and {@code errorMsg} (never null).
   */
  static JsonObject publishErrorBody(StorageException e, String blobId, String phase) {
    JsonObject body = ApiErrors.errorBody(e);
    JsonObject err = body.getJsonObject("error");
    String msg = e.getMessage() == null ? e.code() : e.getMessage();
    err.put("message", msg).put("failurePhase", phase).put("errorMsg", msg);
    if (blobId != null) {
      err.put("blobId", blobId);
    }
    return body;
  }

  private static void publishError(HttpServerResponse res, StorageException e, String blobId, String phase) {
    if (res.ended() || res.closed()) {
      return;
    }
    res.setStatusCode(e.httpStatus()).putHeader("content-type", "application/json")
        .end(publishErrorBody(e, blobId, phase).encode());
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot delete " + p, e);
    }
  }

  // ------------------------------------------------------------------ quilts

  /** {@code PUT /v1/quilts?epochs=N}: multipart, one file part per blob (part name = identifier), optional {@code _metadata}. */
  private void publishQuilt(HttpServerRequest req) {
    int epochs = epochsParam(req);
    String type = req.getHeader("content-type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      // Vert.x cannot decode anything else as multipart (and would leave the request hanging)
      // answer at once and drop the body (closing the connection could reset the client's upload)
      Bodies.drain(req);
      publishError(req.response(), new StorageException("INVALID_ARGUMENT", 415, StorageErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "a quilt is uploaded as multipart/form-data (one file part per blob), not " + quoted(String.valueOf(type))),
          null, "upload");
      return;
    }
    // the quilt limit depends on the shard count, which may need a ledger call: off the event loop
    req.pause();
    vertx.executeBlocking(store::nShards, false).onComplete(ns -> {
      if (ns.failed()) {
        Bodies.drain(req);
        publishError(req.response(), storeFailure(ns.cause()), null, "upload");
        return;
      }
      receiveQuilt(req, epochs, ns.result());
    });
  }

  private void receiveQuilt(HttpServerRequest req, int epochs, int nShards) {
    QuiltUpload upload = new QuiltUpload(nShards);
    req.setExpectMultipart(true);
    req.uploadHandler(up -> {
      upload.part(up);
      if (upload.dropped() > Bodies.DRAIN_LIMIT) {
        req.connection().close();
      }
    });
    // a multipart decoding error (too many fields, a field too long, bad encoding): Vert.x still
    // calls the end handler with what it had decoded, so it must only be recorded here
    req.exceptionHandler(t -> upload.fail(multipartError(t)));
    req.endHandler(v -> {
      List<QuiltBlob> blobs;
      try {
        StorageException failure = upload.failure();
        if (failure != null) {
          throw failure;
        }
        blobs = upload.blobs(req.formAttributes());
      } catch (RuntimeException e) {
        // whatever goes wrong here must still be answered (an end handler that throws leaves the request hanging)
        publishError(req.response(), asStorageException(e), null, "upload");
        return;
      }
      vertx.executeBlocking(() -> {
        byte[] quilt = QuiltAccess.build(nShards, blobs);
        StoreResult r = store.store(new java.io.ByteArrayInputStream(quilt), quilt.length, epochs, false, ProgressListener.NONE);
        BlobId qid = BlobId.fromBase64(r.blobId());
        JsonArray stored = new JsonArray();
        for (QuiltPatch qp : QuiltAccess.open(store.reader(), qid).patches()) {
          stored.add(new JsonObject().put("identifier", qp.identifier()).put("quiltPatchId", qp.patchId(qid)));
        }
        return new JsonObject().put("blobStoreResult", storeJson(r, epochs)).put("storedQuiltBlobs", stored);
      }, false).onComplete(r -> {
        if (r.succeeded()) {
          req.response().putHeader("content-type", "application/json").end(r.result().encode());
        } else {
          publishError(req.response(), storeFailure(r.cause()), null, "store");
        }
      });
    });
    req.resume();
  }

  /** Our own words for a multipart decoding failure (Netty's exceptions often have no message). */
  private static StorageException multipartError(Throwable t) {
    String kinds = "";
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      kinds += c.getClass().getSimpleName() + " ";
    }
    LOG.log(Level.FINE, "publisher: multipart decoding failed", t);
    String msg;
    if (kinds.contains("TooManyFormFields")) {
      msg = "the multipart body has more than " + QuiltAccess.MAX_FORM_FIELDS + " parts";
    } else if (kinds.contains("TooLongFormField")) {
      msg = "a multipart field is longer than " + QuiltAccess.MAX_METADATA_BYTES + " bytes (_metadata is at most that)";
    } else {
      msg = "the multipart body cannot be decoded (malformed, or a field longer than "
          + QuiltAccess.MAX_METADATA_BYTES + " bytes)";
    }
    return StorageException.invalidArgument(StorageErrorCode.INVALID_MULTIPART, msg);
  }

  private static void patch(HttpServerRequest req, QuiltBlob b) {
    HttpServerResponse res = req.response().putHeader("content-type", "application/octet-stream")
        .putHeader("x-quilt-patch-identifier", b.identifier());
    res.end(Buffer.buffer(b.data()));
  }

  private interface Work {
    void run() throws Exception;
  }

  /** Work that writes its own answer, on a worker thread; a failure is answered by {@link #error}. */
  private static void blocking(RoutingContext ctx, Work w) {
    HttpRoutes.blocking(ctx, () -> {
      w.run();
      return null;
    }, (c, v) -> { });
  }

  private static BlobId blobId(String s) {
    try {
      return BlobId.fromBase64(s);
    } catch (IllegalArgumentException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_BLOB_ID, "invalid blob ID: " + s);
    }
  }

  // ------------------------------------------------------------------ aggregator

  private void serve(RoutingContext ctx, String blobId, ReadRange want) {
    HttpServerRequest req = ctx.request();
    HttpServerResponse res = req.response();
    blocking(ctx, () -> {
      BlobId id;
      try {
        id = BlobId.fromBase64(blobId);
      } catch (IllegalArgumentException e) {
        throw StorageException.invalidArgument(StorageErrorCode.INVALID_BLOB_ID, "invalid blob ID: " + quoted(blobId));
      }
      if (store.isInvalid(blobId)) {
        cache.remove(blobId);
        throw StorageException.blobInvalid(blobId, null);
      }
      byte[] cached = cache.get(blobId);
      if (cached != null) {
        ReadRange.Resolved r = want.resolve(cached.length);
        writeHead(res, cached.length, r);
        if (req.method() != HttpMethod.HEAD) {
          res.end(Buffer.buffer(cached).slice((int) r.range().start(), (int) r.range().end()));
        } else {
          res.end();
        }
        return;
      }
      VerifiedBlobMetadata meta = store.reader().metadata(id);
      ReadRange.Resolved r = want.resolve(meta.unencodedLength());
      BlobReader.Opened o = store.reader().open(meta, r.range());
      writeHead(res, o.blobLength(), r);
      if (req.method() == HttpMethod.HEAD) {
        o.stream().close();
        res.end();
        return;
      }
      boolean fill = r.whole(o.blobLength()) && cache.admits(o.blobLength());
      ByteArrayOutputStream copy = fill ? new ByteArrayOutputStream((int) o.blobLength()) : null;
      boolean wrote = false;
      try (InputStream in = o.stream()) {
        byte[] buf = new byte[64 * 1024];
        int k;
        while ((k = in.read(buf)) >= 0) {
          wrote = true;
          if (copy != null) {
            copy.write(buf, 0, k);
          }
          res.write(Buffer.buffer(java.util.Arrays.copyOf(buf, k)));
          if (res.writeQueueFull()) {
            CompletableFuture<Void> drained = new CompletableFuture<>();
            res.drainHandler(v -> drained.complete(null));
            if (res.writeQueueFull()) {
              drained.get(60, TimeUnit.SECONDS);
            }
          }
        }
      } catch (IOException e) {
        if (!wrote && e.getCause() instanceof StorageException se) {
          // nothing sent yet (e.g. the first row shows the blob is inconsistent): a proper error answer
          res.headers().remove("content-length").remove("content-range").remove("accept-ranges");
          cache.remove(blobId);
          throw se;
        }
        // headers are out: abort the connection so the client sees a truncated body, never wrong bytes
        res.reset();
        return;
      }
      res.end();
      if (copy != null) {
        cache.put(blobId, copy.toByteArray());
      }
    });
  }

  private static void writeHead(HttpServerResponse res, long blobLength, ReadRange.Resolved r) {
    res.putHeader("content-type", "application/octet-stream").putHeader("accept-ranges", "bytes")
        .putHeader("content-length", Long.toString(r.range().length()));
    if (r.partial()) {
      res.setStatusCode(206).putHeader("content-range",
          "bytes " + r.range().start() + "-" + (r.range().end() - 1) + "/" + blobLength);
    }
  }

  /**
   * A non-negative integer query parameter. Missing, not decimal digits or negative: 400
   * {@code INVALID_QUERY_PARAMETER} naming the parameter; digits beyond {@link Long#MAX_VALUE}:
   * 400 {@code INVALID_BYTE_RANGE} (past the end of any blob).
   */
  static long longParam(HttpServerRequest req, String name) {
    return nonNegative(name, req.getParam(name));
  }

  static long nonNegative(String name, String v) {
    if (v == null) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_QUERY_PARAMETER, "missing query parameter '" + name + "'");
    }
    if (v.isEmpty() || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_QUERY_PARAMETER,
          "query parameter '" + name + "' must be a non-negative integer, got " + quoted(v));
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_BYTE_RANGE,
          "query parameter '" + name + "' is larger than " + Long.MAX_VALUE + ": " + quoted(v));
    }
  }

}
