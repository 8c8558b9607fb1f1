package dev.haulout.marketplace;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failure injection: an HTTP proxy in front of the real app that forwards every request, but for
 * the first {@code drops} requests whose body contains {@code marker} it lets the app answer and
 * then cuts the connection before the answer reaches the client — the "charged, but the answer was
 * lost" case a retry must not pay twice.
 */
final class FakeDroppingProxy implements AutoCloseable {
  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String target;
  private final String marker;
  private final AtomicInteger drops;
  final AtomicInteger seen = new AtomicInteger();

  FakeDroppingProxy(String target, String marker, int drops) {
    this.target = target;
    this.marker = marker;
    this.drops = new AtomicInteger(drops);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::forward);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void forward(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
        .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String h : new String[] {"Authorization", "Content-Type", "Accept"}) {
      String v = ex.getRequestHeaders().getFirst(h);
      if (v != null) {
        b.header(h, v);
      }
    }
    HttpResponse<byte[]> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    if (new String(body, StandardCharsets.UTF_8).contains(marker)) {
      seen.incrementAndGet();
      if (drops.getAndDecrement() > 0) {
        // the app answered; the client never sees it (the server closes the connection on a handler failure)
        throw new IOException("answer dropped by FakeDroppingProxy");
      }
    }
    r.headers().firstValue("Content-Type").ifPresent(v -> ex.getResponseHeaders().set("Content-Type", v));
    ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(r.body());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
