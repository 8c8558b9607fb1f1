package dev.haulout.storage;

import dev.haulout.storage.node.StorageNode;
import dev.haulout.storage.node.server.StorageNodeServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * Failure injection: a lying storage node. It serves a real node's API on the registered port but
 * flips a byte inside every sliver and recovery-symbol body it returns (metadata and status stay
 * honest, as a subtle liar's would).
 */
final class FakeCorruptingNode implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final StorageNodeServer honest;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private FakeCorruptingNode(StorageNode node, int port) throws Exception {
    honest = StorageNodeServer.start(vertx, node, "127.0.0.1", 0);
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)).requestHandler(req ->
        req.body().onSuccess(body -> vertx.executeBlocking(() -> {
          HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(honest.url() + req.uri()));
          b.method(req.method().name(), body.length() == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body.getBytes()));
          return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        }, false).onComplete(r -> {
          if (r.failed()) {
            req.response().setStatusCode(502).end();
            return;
          }
          byte[] out = r.result().body();
          boolean lie = r.result().statusCode() == 200 && (req.path().contains("/slivers/") && !req.path().endsWith("/status")
              || req.path().endsWith("/recoverySymbols"));
          if (lie && out.length > 20) {
            out[out.length / 2] ^= 0x5A;
          }
          r.result().headers().firstValue("content-type").ifPresent(ct -> req.response().putHeader("content-type", ct));
          req.response().setStatusCode(r.result().statusCode()).end(Buffer.buffer(out));
        }))).listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static FakeCorruptingNode start(StorageNode node, int port) throws Exception {
    return new FakeCorruptingNode(node, port);
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      honest.close();
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("fake node did not close", e);
    }
  }
}
