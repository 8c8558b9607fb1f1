package dev.haulout.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A tiny server built with the kit the way Haulout's servers are: every failure reaches the
 * server's {@link ErrorReply} (here a {@code kind:message} text with the status the kit's exception
 * implies), whether a route threw, blocking work failed, a body was too large or the framework
 * itself refused the request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpRoutesTest {
  private static final int LIMIT = 1024;
  private Vertx vertx;
  private HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  void start() throws Exception {
    vertx = Vertx.vertx();
    Router r = HttpRoutes.router(vertx, (ctx, t) -> {
      int status;
      String kind;
      if (t instanceof BodyException be) {
        status = be.reason() == BodyException.Reason.TOO_LARGE ? 413 : 400;
        kind = be.reason().name();
      } else if (t instanceof HttpFailure hf) {
        status = hf.status();
        kind = "FRAMEWORK";
      } else if (t instanceof IllegalArgumentException) {
        status = 400;
        kind = "BAD";
      } else {
        status = 500;
        kind = "INTERNAL";
      }
      return HttpRoutes.json(ctx.response(), status, "\"" + kind + ":" + t.getMessage() + "\"");
    });
    r.get("/items/:id").handler(ctx -> HttpRoutes.json(ctx.response(), 200, "\"" + ctx.pathParam("id") + "\""));
    r.get("/throws").handler(ctx -> {
      throw new IllegalArgumentException("nope");
    });
    r.get("/blocking/fails").handler(ctx -> HttpRoutes.blocking(ctx, () -> {
      throw new IllegalStateException("disk");
    }, (c, v) -> { }));
    r.post("/close").handler(ctx -> HttpRoutes.withBody(ctx, LIMIT, Bodies.Overflow.CLOSE, b -> b.length(),
        (c, n) -> HttpRoutes.json(c.response(), 200, Integer.toString(n))));
    r.post("/drain").handler(ctx -> HttpRoutes.withBody(ctx, LIMIT, Bodies.Overflow.DRAIN, b -> b.length(),
        (c, n) -> HttpRoutes.json(c.response(), 200, Integer.toString(n))));
    r.post("/pipe").handler(ctx -> {
      ctx.request().pause();
      java.nio.file.Path spool;
      try {
        spool = java.nio.file.Files.createTempFile("http-kit-test", ".bin");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      vertx.fileSystem().open(spool.toString(), new io.vertx.core.file.OpenOptions().setWrite(true)).onSuccess(file -> {
        Bodies.pipe(ctx.request(), file, LIMIT, Bodies.Overflow.DRAIN).onComplete(ar -> {
          long size = spool.toFile().length();
          spool.toFile().delete();
          if (ar.failed()) {
            ctx.fail(ar.cause());
          } else {
            HttpRoutes.json(ctx.response(), 200, Long.toString(size));
          }
        });
        ctx.request().resume();
      });
    });
    HttpRoutes.fallback(r, ctx -> new IllegalArgumentException("no route " + ctx.request().method() + " " + ctx.request().path()));
    server = vertx.createHttpServer().requestHandler(r).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void routesAndTheirFailuresAllReachTheServersErrorReply() throws Exception {
    assertEquals("\"a b\"", send("GET", "/items/a%20b", null).body());
    HttpResponse<String> threw = send("GET", "/throws", null);
    assertEquals(400, threw.statusCode());
    assertEquals("\"BAD:nope\"", threw.body());
    HttpResponse<String> failed = send("GET", "/blocking/fails", null);
    assertEquals(500, failed.statusCode());
    assertEquals("\"INTERNAL:disk\"", failed.body());
    assertEquals("application/json", failed.headers().firstValue("content-type").orElse(""));
  }

  @Test
  void noRouteAndWrongMethodGoToTheFallbackNotTheFrameworks404Or405() throws Exception {
    HttpResponse<String> none = send("GET", "/nowhere", null);
    assertEquals(400, none.statusCode());
    assertEquals("\"BAD:no route GET /nowhere\"", none.body());
    HttpResponse<String> method = send("DELETE", "/items/x", null);
    assertEquals("\"BAD:no route DELETE /items/x\"", method.body());
  }

  @Test
  void aPathParameterThatIsNotPercentEncodingIsAFrameworkRefusalInTheServersShape() throws Exception {
    String res = raw("GET /items/%zz HTTP/1.1\r\nHost: x\r\n\r\n", 0, null);
    assertTrue(res.startsWith("HTTP/1.1 400"), res);
    assertTrue(res.contains("\"FRAMEWORK:"), res);
  }

  @Test
  void aMissingHostHeaderIsAFrameworkRefusalInTheServersShape() throws Exception {
    String res = raw("GET /items/x HTTP/1.1\r\n\r\n", 0, null);
    assertTrue(res.startsWith("HTTP/1.1 400"), res);
    assertTrue(res.contains("FRAMEWORK:"), res);
  }

  @Test
  void bodiesWithinTheLimitAreRead() throws Exception {
    assertEquals("1024", send("POST", "/close", "x".repeat(LIMIT)).body());
    assertEquals("0", send("POST", "/drain", null).body());
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedFromTheHeadersAlone() throws Exception {
    for (String path : new String[] {"/close", "/drain"}) {
      try (Socket s = new Socket("127.0.0.1", server.actualPort())) {
        s.setSoTimeout(30_000);
        s.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 314572800\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        assertEquals("HTTP/1.1 413", new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII), path);
      }
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIsCutOffAndTheConnectionClosed() throws Exception {
    AtomicLong written = new AtomicLong();
    String res = raw("POST /close HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 300L << 20, written);
    assertTrue(res.startsWith("HTTP/1.1 413"), res);
    assertTrue(res.contains("TOO_LARGE:body larger than 1024 bytes"), res);
    assertTrue(res.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), res);
    assertTrue(written.get() < 64L << 20, "the server kept reading: " + (written.get() >> 20) + " MiB");
  }

  @Test
  void aChunkedBodyOverTheLimitIsAnsweredAndDrainedUpToTheDrainLimit() throws Exception {
    AtomicLong written = new AtomicLong();
    // 8 MiB: under the drain limit, so the client finishes sending and reads the whole answer
    String res = raw("POST /drain HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", 8L << 20, written);
    assertTrue(res.startsWith("HTTP/1.1 413"), res);
    assertTrue(res.contains("TOO_LARGE:"), res);
    assertEquals(8L << 20, written.get(), "the client could send the whole body");
    AtomicLong more = new AtomicLong();
    String cut = raw("POST /drain HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 300L << 20, more);
    assertTrue(cut.startsWith("HTTP/1.1 413"), cut);
    assertTrue(more.get() < 200L << 20, "a body past the drain limit is cut off: " + (more.get() >> 20) + " MiB");
  }

  @Test
  void aPipedBodyIsCountedWhileWritingChunkedOrNot() throws Exception {
    assertEquals("1024", send("POST", "/pipe", "x".repeat(LIMIT)).body());
    assertEquals(413, send("POST", "/pipe", "x".repeat(LIMIT + 1)).statusCode());
    AtomicLong written = new AtomicLong();
    String res = raw("POST /pipe HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", 1L << 20, written);
    assertTrue(res.startsWith("HTTP/1.1 413"), res);
    assertTrue(res.contains("TOO_LARGE:"), res);
  }

  /** Sends {@code head} and then {@code total} bytes as 64 KiB chunks (if total > 0) and returns what the server answered. */
  private String raw(String head, long total, AtomicLong written) throws Exception {
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    try (Socket s = new Socket("127.0.0.1", server.actualPort())) {
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      Thread writer = null;
      if (total > 0) {
        writer = new Thread(() -> {
          byte[] chunk = new byte[64 * 1024];
          byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
          byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
          try {
            while (written.get() < total) {
              out.write(size);
              out.write(chunk);
              out.write(crlf);
              written.addAndGet(chunk.length);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          } catch (IOException e) {
            // the server closed the connection
          }
        }, "chunked-writer");
        writer.setDaemon(true);
        writer.start();
      }
      s.setSoTimeout(30_000);
      byte[] buf = new byte[8192];
      int n;
      try {
        while ((n = in.read(buf)) > 0) {
          response.write(buf, 0, n);
          if (total == 0 && response.toString(StandardCharsets.US_ASCII).contains("\"")) {
            break;
          }
        }
      } catch (IOException e) {
        // a reset after the answer
      }
      if (writer != null) {
        writer.join(60_000);
      }
    }
    return response.toString(StandardCharsets.UTF_8);
  }
}
