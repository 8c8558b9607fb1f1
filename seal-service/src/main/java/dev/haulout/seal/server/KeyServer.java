package dev.haulout.seal.server;

import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.policy.AddressAllowlistPolicy;
import dev.haulout.seal.server.http.KeyServerHttpHandler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Seal-compatible key server ({@code GET /v1/service}, {@code POST /v1/fetch_key}) on a plain
 * Vert.x HTTP server, one master key per instance. Several can run in one JVM on different
 * loopback ports (the embedded t-of-n default).
 */
public final class KeyServer {
  private KeyServer() {}

  /** Starts a server on its own Vert.x instance; blocks until it listens. */
  public static KeyServerHandle start(KeyServerOptions options) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    try {
      return start(vertx, options, true);
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  /** Starts a server on a shared Vert.x instance (not closed by the handle). */
  public static KeyServerHandle start(Vertx vertx, KeyServerOptions options) {
    return start(vertx, options, false);
  }

  private static KeyServerHandle start(Vertx vertx, KeyServerOptions options, boolean ownsVertx) {
    FetchKeyService service = FetchKeyService.create(options);
    KeyServerHttpHandler handler =
        new KeyServerHttpHandler(
            vertx,
            service, new ClientSdkCheck(options.minTypescriptSdkVersion()), options.maxBodyBytes());
    HttpServer server =
        vertx.createHttpServer(
            new HttpServerOptions().setHost(options.host()).setPort(options.port()).setMaxInitialLineLength(4096));
    server.requestHandler(handler);
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting key server", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "key server cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
    }
    return new Handle(vertx, server, ownsVertx, options.host(), service);
  }

  private static final class Handle implements KeyServerHandle {
    private final Vertx vertx;
    private final HttpServer server;
    private final boolean ownsVertx;
    private final String host;
    private final FetchKeyService service;
    private final AtomicBoolean closed = new AtomicBoolean();

    Handle(Vertx vertx, HttpServer server, boolean ownsVertx, String host, FetchKeyService service) {
      this.vertx = vertx;
      this.server = server;
      this.ownsVertx = ownsVertx;
      this.host = host;
      this.service = service;
    }

    @Override
    public int port() {
      return server.actualPort();
    }

    @Override
    public String url() {
      String h = host.contains(":") ? "[" + host + "]" : host;
      return "http://" + h + ":" + port();
    }

    @Override
    public SuiAddress objectId() {
      return service.objectId();
    }

    @Override
    public G2Point publicKey() {
      return service.publicKey();
    }

    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      CountDownLatch done = new CountDownLatch(1);
      server.close().onComplete(r -> {
        if (ownsVertx) {
          vertx.close().onComplete(x -> done.countDown());
        } else {
          done.countDown();
        }
      });
      try {
        done.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public String toString() {
      return "KeyServer[" + url() + ", objectId=" + objectId() + "]";
    }
  }

  /**
   * Standalone server. Options ({@code --name value}; environment fallback in brackets):
   * {@code --port} [HAULOUT_SEAL_PORT, default 8081], {@code --host} [HAULOUT_SEAL_HOST, default
   * 127.0.0.1], {@code --master-key-file} (else env HAULOUT_SEAL_MASTER_KEY), {@code
   * --policy-package} [HAULOUT_SEAL_POLICY_PACKAGE], {@code --object-id}
   * [HAULOUT_SEAL_OBJECT_ID], {@code --allow 0xaddr,...} or {@code --allow-all} (the local
   * allowlist policy {@code harness::seal_approve}).
   */
  public static void main(String[] args) throws Exception {
    KeyServerHandle h = startFromArgs(args, System.getenv(), System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(h::close, "key-server-shutdown"));
    Thread.currentThread().join();
  }

  /** Parses {@link #main}'s arguments and starts the server; prints one line naming it. */
  public static KeyServerHandle startFromArgs(String[] args, Map<String, String> env, PrintStream out)
      throws java.io.IOException {
    Map<String, String> a = parseArgs(args);
    String keyFile = a.get("master-key-file");
    MasterKeyPair key =
        keyFile != null
            ? MasterKeys.fromFile(Path.of(keyFile))
            : MasterKeys.fromEnv(env, MasterKeys.ENV_MASTER_KEY);
    AddressAllowlistPolicy policy;
    if (a.containsKey("allow-all")) {
      policy = AddressAllowlistPolicy.allowAll();
    } else {
      List<SuiAddress> allowed = new ArrayList<>();
      String list = a.getOrDefault("allow", "");
      for (String s : list.split(",")) {
        if (!s.isBlank()) {
          allowed.add(SuiAddress.parse(s.strip()));
        }
      }
      policy = AddressAllowlistPolicy.of(allowed);
    }
    KeyServerOptions o =
        new KeyServerOptions()
            .host(value(a, env, "host", "HAULOUT_SEAL_HOST", KeyServerOptions.DEFAULT_HOST))
            .port(Integer.parseInt(value(a, env, "port", "HAULOUT_SEAL_PORT", "8081")))
            .masterKey(key)
            .policyPackage(SuiAddress.parse(required(a, env, "policy-package", "HAULOUT_SEAL_POLICY_PACKAGE")))
            .objectId(SuiAddress.parse(required(a, env, "object-id", "HAULOUT_SEAL_OBJECT_ID")))
            .policy(policy);
    KeyServerHandle h = start(o);
    out.println(
        "key server " + h.objectId() + " listening on " + h.url() + " public key 0x"
            + java.util.HexFormat.of().formatHex(h.publicKey().toBytes()));
    return h;
  }

  private static Map<String, String> parseArgs(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String s = args[i];
      if (!s.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + s);
      }
      String k = s.substring(2);
      int eq = k.indexOf('=');
      if (eq >= 0) {
        m.put(k.substring(0, eq), k.substring(eq + 1));
      } else if (k.equals("allow-all")) {
        m.put(k, "true");
      } else if (i + 1 < args.length) {
        m.put(k, args[++i]);
      } else {
        throw new IllegalArgumentException("missing value for --" + k);
      }
    }
    return m;
  }

  private static String value(Map<String, String> a, Map<String, String> env, String k, String e, String def) {
    String v = a.get(k);
    if (v == null) {
      v = env.get(e);
    }
    return v == null ? def : v;
  }

  private static String required(Map<String, String> a, Map<String, String> env, String k, String e) {
    String v = value(a, env, k, e, null);
    if (v == null) {
      throw new IllegalArgumentException("--" + k + " (or env " + e + ") is required");
    }
    return v;
  }
}
