package dev.haulout.storage.aggregator;

import dev.haulout.storage.BlobStatus;
import dev.haulout.storage.BlobStore;
import dev.haulout.storage.ByteRange;
import dev.haulout.storage.ProgressListener;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.StoreResult;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link BlobStore} over any Walrus-compatible publisher and aggregator (Haulout's
 * {@link PublisherServer} or a real Walrus daemon): {@code PUT /v1/blobs?epochs=N},
 * {@code GET /v1/blobs/{id}}, {@code GET /v1/blobs/{id}/byte-range?start=&length=}, {@code HEAD}
 * for status. Bytes are streamed both ways. The publisher URL may be null for a read-only store.
 */
public final class WalrusHttpBlobStore implements BlobStore {
  private final String publisher;
  private final String aggregator;
  private final HttpClient http;
  private final StorageClientOptions options;

  private WalrusHttpBlobStore(String publisher, String aggregator, StorageClientOptions options) {
    this.publisher = trim(publisher);
    this.aggregator = trim(aggregator);
    this.options = options;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(options.connectTimeout()).build();
  }

  public static WalrusHttpBlobStore create(String publisherUrl, String aggregatorUrl, StorageClientOptions options) {
    if (aggregatorUrl == null || aggregatorUrl.isBlank()) {
      throw new IllegalArgumentException("aggregator URL is required");
    }
    return new WalrusHttpBlobStore(publisherUrl, aggregatorUrl, options);
  }

  private static String trim(String u) {
    return u == null ? null : u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  @Override
  public StoreResult store(InputStream in, long length, int epochs, ProgressListener progress) throws IOException {
    if (publisher == null) {
      throw new IllegalStateException("no publisher URL: this store is read-only");
    }
    ProgressListener p = progress == null ? ProgressListener.NONE : progress;
    InputStream counted = new FilterInputStream(in) {
      long done;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int k = super.read(b, off, len);
        if (k > 0) {
          done += k;
          p.onProgress("upload", done, length);
        }
        return k;
      }
    };
    HttpRequest req = HttpRequest.newBuilder(URI.create(publisher + "/v1/blobs?epochs=" + epochs))
        .timeout(options.requestTimeout().plus(Duration.ofMillis(length / 1000)))
        .PUT(length == 0 ? HttpRequest.BodyPublishers.noBody() // the JDK refuses a zero content length here
            : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> counted), length))
        .build();
    HttpResponse<byte[]> r = send(req, HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() / 100 != 2) {
      throw error(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    }
    JsonObject j = new JsonObject(new String(r.body(), StandardCharsets.UTF_8));
    p.onProgress("certify", 1, 1);
    if (j.containsKey("newlyCreated")) {
      JsonObject nc = j.getJsonObject("newlyCreated");
      JsonObject b = nc.getJsonObject("blobObject");
      JsonObject st = b.getJsonObject("storage");
      Integer cert = b.getInteger("certifiedEpoch");
      return new StoreResult(b.getString("blobId"), b.getString("id"), st.getString("id"), b.getLong("size"), st.getLong("storageSize"),
          b.getInteger("registeredEpoch"), cert == null ? -1 : cert, st.getInteger("endEpoch"), nc.getLong("cost", 0L), true);
    }
    if (j.containsKey("alreadyCertified")) {
      JsonObject ac = j.getJsonObject("alreadyCertified");
      String object = ac.getValue("object") instanceof String ? ac.getString("object") : null;
      return new StoreResult(ac.getString("blobId"), object, null, length, -1, -1, -1, ac.getInteger("endEpoch", -1), 0, false);
    }
    throw new StorageException("INTERNAL", r.statusCode(), StorageErrorCode.UNEXPECTED_RESPONSE, "publisher answered " + j.encode());
  }

  @Override
  public InputStream read(String blobId, ByteRange range) {
    String path = range == null ? "/v1/blobs/" + blobId
        : "/v1/blobs/" + blobId + "/byte-range?start=" + range.start() + "&length=" + range.length();
    HttpRequest req = HttpRequest.newBuilder(URI.create(aggregator + path)).timeout(options.requestTimeout()).GET().build();
    HttpResponse<InputStream> r = send(req, HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() / 100 != 2) {
      try (InputStream body = r.body()) {
        throw error(r.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw error(r.statusCode(), "");
      }
    }
    return r.body();
  }

  /** The blob's length: the aggregator's {@code Content-Length} for {@code HEAD /v1/blobs/{id}}. */
  @Override
  public long length(String blobId) {
    HttpRequest req = HttpRequest.newBuilder(URI.create(aggregator + "/v1/blobs/" + blobId)).timeout(options.requestTimeout())
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<Void> r = send(req, HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() / 100 != 2) {
      throw error(r.statusCode(), "");
    }
    return r.headers().firstValueAsLong("content-length").orElseThrow(() -> new StorageException("INTERNAL",
        r.statusCode(), StorageErrorCode.UNEXPECTED_RESPONSE, "aggregator sent no Content-Length for " + blobId));
  }

  @Override
  public BlobStatus status(String blobId) {
    HttpRequest req = HttpRequest.newBuilder(URI.create(aggregator + "/v1/blobs/" + blobId)).timeout(options.requestTimeout())
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<Void> r = send(req, HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() == 404) {
      return BlobStatus.nonexistent(blobId);
    }
    if (r.statusCode() / 100 != 2) {
      throw error(r.statusCode(), "");
    }
    // an aggregator only serves certified blobs; it does not expose the end epoch
    return new BlobStatus(blobId, "permanent", true, -1, null);
  }

  private <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> h) {
    try {
      return http.send(req, h);
    } catch (IOException e) {
      throw new StorageException("UNAVAILABLE", 0, StorageErrorCode.UNREACHABLE, req.uri().getHost() + ":" + req.uri().getPort()
          + " unreachable: " + e, req.uri().toString(), null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("CANCELLED", 0, StorageErrorCode.INTERRUPTED, "interrupted", null, null, e);
    }
  }

  /** Walrus daemons answer {@code {"error":{"code","status","message"}}} or {@code {"error":{"errorMsg"}}}. */
  static StorageException error(int http, String body) {
    String status = http == 404 ? "NOT_FOUND" : http >= 500 ? "UNAVAILABLE" : "INVALID_ARGUMENT";
    String code = StorageErrorCode.HTTP_PREFIX + http;
    String msg = body;
    try {
      JsonObject e = new JsonObject(body).getJsonObject("error");
      if (e != null) {
        status = e.getString("status", status);
        msg = e.getString("message", e.getString("errorMsg", body));
        if (e.getJsonArray("details") != null && !e.getJsonArray("details").isEmpty()) {
          code = e.getJsonArray("details").getJsonObject(0).getString("reason", code);
        }
      }
    } catch (DecodeException | ClassCastException e) {
      // plain-text error body
    }
    return StorageException.relayed(status, http, code, "HTTP " + http + ": " + msg, null);
  }
}
