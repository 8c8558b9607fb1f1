package dev.haulout.storage.aggregator;

import dev.haulout.storage.ByteRange;
import dev.haulout.storage.ProgressListener;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.node.server.HttpBodies;
import dev.haulout.storage.StoreResult;
import dev.haulout.storage.node.server.ApiErrors;
import dev.haulout.storage.nodeproto.NodeProtocolBlobStore;
import dev.haulout.storage.read.BlobReader;
import dev.haulout.erasure.BlobId;
import dev.haulout.erasure.quilt.QuiltBlob;
import dev.haulout.erasure.quilt.QuiltPatch;
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
      p.server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
          .requestHandler(p::route).listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw StorageException.unavailable("LISTEN_FAILED", "cannot listen on " + host + ":" + port + ": " + e, e);
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

  private void route(HttpServerRequest req) {
    String path = req.path();
    String[] p = path.split("/");
    try {
      if (req.method() == HttpMethod.PUT && path.equals("/v1/blobs")) {
        publish(req);
      } else if (req.method() == HttpMethod.PUT && path.equals("/v1/quilts")) {
        publishQuilt(req);
      } else if (req.method() == HttpMethod.GET && p.length == 5 && p[2].equals("quilts") && p[4].equals("patches")) {
        blocking(req, () -> {
          JsonArray arr = new JsonArray();
          BlobId quilt = blobId(p[3]);
          for (QuiltPatch qp : QuiltAccess.open(store.reader(), quilt).patches()) {
            arr.add(new JsonObject().put("identifier", qp.identifier()).put("patchId", qp.patchId(quilt))
                .put("tags", new JsonObject(new java.util.LinkedHashMap<String, Object>(qp.tags()))));
          }
          req.response().putHeader("content-type", "application/json").end(arr.encode());
        });
      } else if (req.method() == HttpMethod.GET && p.length == 5 && p[2].equals("blobs") && p[3].equals("by-object-id")) {
        String objectId = p[4];
        vertx.executeBlocking(() -> store.blobIdOfObject(objectId), false).onComplete(r -> {
          if (r.failed()) {
            Throwable t = r.cause();
            ApiErrors.send(req.response(), t instanceof StorageException ? (StorageException) t : StorageException.internal(t.toString(), t));
          } else {
            serve(req, r.result(), rangeHeader(req.getHeader("range")), req.getHeader("range") != null);
          }
        });
      } else if (req.method() == HttpMethod.GET && p.length == 5 && p[2].equals("blobs") && p[3].equals("by-quilt-patch-id")) {
        blocking(req, () -> patch(req, QuiltAccess.byPatchId(store.reader(), p[4])));
      } else if (req.method() == HttpMethod.GET && p.length == 6 && p[2].equals("blobs") && p[3].equals("by-quilt-id")) {
        String identifier = java.net.URLDecoder.decode(p[5], java.nio.charset.StandardCharsets.UTF_8);
        blocking(req, () -> patch(req, QuiltAccess.byIdentifier(store.reader(), blobId(p[4]), identifier)));
      } else if (req.method() == HttpMethod.GET && path.equals("/status")) {
        req.response().putHeader("content-type", "application/json").end(new JsonObject()
            .put("cacheEntries", cache.entries()).put("cacheBytes", cache.bytes()).put("cacheHits", cache.hits()).encode());
      } else if ((req.method() == HttpMethod.GET || req.method() == HttpMethod.HEAD) && p.length == 4 && p[2].equals("blobs")) {
        serve(req, p[3], rangeHeader(req.getHeader("range")), req.getHeader("range") != null);
      } else if (req.method() == HttpMethod.GET && p.length == 5 && p[2].equals("blobs") && p[4].equals("byte-range")) {
        long start = longParam(req, "start");
        long length = longParam(req, "length");
        serve(req, p[3], ByteRange.ofLength(start, length), false);
      } else {
        ApiErrors.send(req.response(), StorageException.notFound("NO_ROUTE", "no route " + req.method() + " " + path));
      }
    } catch (StorageException e) {
      ApiErrors.send(req.response(), e);
    } catch (IllegalArgumentException e) {
      ApiErrors.send(req.response(), StorageException.invalidArgument("INVALID_ARGUMENT", e.getMessage()));
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
      throw new IllegalArgumentException("epochs must be a positive integer, got '" + v + "'");
    }
    return epochs;
  }

  /** Status for a failed store: the StorageException's own, 400 for a rejected argument, else 500. */
  private static int storeFailureStatus(Throwable t) {
    if (t instanceof StorageException se) {
      return se.httpStatus() == 0 ? 503 : Math.max(400, se.httpStatus());
    }
    return t instanceof IllegalArgumentException ? 400 : 500;
  }

  private void publish(HttpServerRequest req) {
    int epochs = epochsParam(req);
    boolean deletable = "true".equals(req.getParam("deletable"));
    String cl = req.getHeader("content-length");
    if (cl != null && Long.parseLong(cl) > MAX_UPLOAD_BYTES) {
      req.response().putHeader("connection", "close");
      publishError(req.response(), 413, null, "upload", "blob larger than " + MAX_UPLOAD_BYTES + " bytes");
      return;
    }
    req.pause();
    Path tmp;
    try {
      tmp = Files.createTempFile("haulout-upload", ".bin");
    } catch (IOException e) {
      publishError(req.response(), 500, null, "upload", "cannot spool the upload: " + e.getMessage());
      return;
    }
    vertx.fileSystem().open(tmp.toString(), new OpenOptions().setWrite(true)).onComplete(fr -> {
      if (fr.failed()) {
        publishError(req.response(), 500, null, "upload", fr.cause().getMessage());
        return;
      }
      AsyncFile file = fr.result();
      req.pipeTo(file).onComplete(done -> {
        if (done.failed()) {
          delete(tmp);
          publishError(req.response(), 400, null, "upload", done.cause().getMessage());
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
            publishError(req.response(), storeFailureStatus(r.cause()), null, "store", r.cause().getMessage());
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

  private static void publishError(HttpServerResponse res, int status, String blobId, String phase, String msg) {
    if (res.ended()) {
      return;
    }
    JsonObject e = new JsonObject().put("failurePhase", phase).put("errorMsg", msg);
    if (blobId != null) {
      e.put("blobId", blobId);
    }
    res.setStatusCode(status).putHeader("content-type", "application/json").end(new JsonObject().put("error", e).encode());
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
      HttpBodies.drain(req);
      publishError(req.response(), 415, null, "upload",
          "a quilt is uploaded as multipart/form-data (one file part per blob), not '" + type + "'");
      return;
    }
    req.setExpectMultipart(true);
    java.util.Map<String, Buffer> parts = new java.util.TreeMap<>();
    long[] total = {0};
    boolean[] tooLarge = {false};
    req.uploadHandler(up -> {
      Buffer b = Buffer.buffer();
      up.handler(chunk -> {
        total[0] += chunk.length();
        if (total[0] > QuiltAccess.MAX_QUILT_BYTES) {
          tooLarge[0] = true;
        } else {
          b.appendBuffer(chunk);
        }
      });
      up.endHandler(v -> parts.put(up.name(), b));
    });
    req.exceptionHandler(t -> publishError(req.response(), 400, null, "upload", t.getMessage()));
    req.endHandler(v -> {
      if (tooLarge[0]) {
        publishError(req.response(), 413, null, "upload", "quilt larger than " + QuiltAccess.MAX_QUILT_BYTES + " bytes");
        return;
      }
      java.util.Map<String, java.util.Map<String, String>> tags = new java.util.HashMap<>();
      String meta = req.formAttributes().get("_metadata");
      if (meta != null) {
        for (Object o : new JsonArray(meta)) {
          JsonObject m = (JsonObject) o;
          java.util.Map<String, String> t = new java.util.TreeMap<>();
          JsonObject tj = m.getJsonObject("tags", new JsonObject());
          tj.forEach(e -> t.put(e.getKey(), String.valueOf(e.getValue())));
          tags.put(m.getString("identifier"), t);
        }
      }
      vertx.executeBlocking(() -> {
        List<QuiltBlob> blobs = new ArrayList<>();
        parts.forEach((id, data) -> blobs.add(QuiltBlob.of(id, data.getBytes(), tags.getOrDefault(id, java.util.Map.of()))));
        byte[] quilt = QuiltAccess.build(store.nShards(), blobs);
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
          publishError(req.response(), storeFailureStatus(r.cause()), null, "store", r.cause().getMessage());
        }
      });
    });
  }

  private static Void patch(HttpServerRequest req, QuiltBlob b) {
    HttpServerResponse res = req.response().putHeader("content-type", "application/octet-stream")
        .putHeader("x-quilt-patch-identifier", b.identifier());
    res.end(Buffer.buffer(b.data()));
    return null;
  }

  private interface Work {
    void run() throws Exception;
  }

  private void blocking(HttpServerRequest req, Work w) {
    vertx.executeBlocking(() -> {
      w.run();
      return null;
    }, false).onComplete(r -> {
      if (r.failed()) {
        Throwable t = r.cause();
        ApiErrors.send(req.response(), t instanceof StorageException ? (StorageException) t : StorageException.internal(t.toString(), t));
      }
    });
  }

  private static BlobId blobId(String s) {
    try {
      return BlobId.fromBase64(s);
    } catch (IllegalArgumentException e) {
      throw StorageException.invalidArgument("INVALID_BLOB_ID", "invalid blob ID: " + s);
    }
  }

  // ------------------------------------------------------------------ aggregator

  private void serve(HttpServerRequest req, String blobId, ByteRange range, boolean partial) {
    HttpServerResponse res = req.response();
    vertx.executeBlocking(() -> {
      BlobId id;
      try {
        id = BlobId.fromBase64(blobId);
      } catch (IllegalArgumentException e) {
        throw StorageException.invalidArgument("INVALID_BLOB_ID", "invalid blob ID: " + blobId);
      }
      if (store.isInvalid(blobId)) {
        cache.remove(blobId);
        throw StorageException.blobInvalid(blobId, null);
      }
      byte[] cached = cache.get(blobId);
      if (cached != null) {
        ByteRange r = range == null ? new ByteRange(0, cached.length) : range.clip(cached.length);
        writeHead(res, cached.length, r, partial);
        if (req.method() != HttpMethod.HEAD) {
          res.end(Buffer.buffer(cached).slice((int) r.start(), (int) r.end()));
        } else {
          res.end();
        }
        return null;
      }
      BlobReader.Opened o = store.reader().open(id, range);
      writeHead(res, o.blobLength(), o.range(), partial);
      if (req.method() == HttpMethod.HEAD) {
        o.stream().close();
        res.end();
        return null;
      }
      boolean fill = range == null && cache.admits(o.blobLength());
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
        return null;
      }
      res.end();
      if (copy != null) {
        cache.put(blobId, copy.toByteArray());
      }
      return null;
    }, false).onComplete(r -> {
      if (r.failed()) {
        Throwable t = r.cause();
        ApiErrors.send(res, t instanceof StorageException ? (StorageException) t : StorageException.internal(t.toString(), t));
      }
    });
  }

  private static void writeHead(HttpServerResponse res, long blobLength, ByteRange r, boolean partial) {
    res.putHeader("content-type", "application/octet-stream").putHeader("accept-ranges", "bytes")
        .putHeader("content-length", Long.toString(r.length()));
    if (partial) {
      res.setStatusCode(206).putHeader("content-range", "bytes " + r.start() + "-" + (r.end() - 1) + "/" + blobLength);
    }
  }

  /** {@code bytes=a-b} or {@code bytes=a-}; null if absent. */
  static ByteRange rangeHeader(String h) {
    if (h == null) {
      return null;
    }
    if (!h.startsWith("bytes=") || h.contains(",")) {
      throw new IllegalArgumentException("unsupported range: " + h);
    }
    String spec = h.substring(6);
    int dash = spec.indexOf('-');
    if (dash <= 0) {
      throw new IllegalArgumentException("unsupported range: " + h);
    }
    long a = Long.parseLong(spec.substring(0, dash));
    String b = spec.substring(dash + 1);
    return new ByteRange(a, b.isEmpty() ? Long.MAX_VALUE : Long.parseLong(b) + 1);
  }

  private static long longParam(HttpServerRequest req, String name) {
    String v = req.getParam(name);
    if (v == null) {
      throw new IllegalArgumentException("missing query parameter " + name);
    }
    return Long.parseLong(v);
  }

}
