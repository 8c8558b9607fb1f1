package dev.haulout.chain.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.chain.AccessDecision;
import dev.haulout.chain.ChainAudit;
import dev.haulout.chain.ChainEvent;
import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.SignedTransaction;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.adapter.json.LedgerJson;
import dev.haulout.wire.Hex;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.KeyServer;
import dev.haulout.chain.model.SystemState;
import dev.haulout.chain.model.Versioned;
import dev.haulout.chain.server.LedgerServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The {@link Ledger} port over a ledger server's HTTP API (JDK HTTP client). */
public final class HttpLedgerClient implements Ledger {
  private static final ObjectMapper JSON = LedgerJson.MAPPER;
  private final URI base;
  private final HttpClient http;
  private final Duration timeout;

  private HttpLedgerClient(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** {@code baseUrl} like {@code http://127.0.0.1:9400}. */
  public static HttpLedgerClient create(String baseUrl) {
    return create(baseUrl, Duration.ofSeconds(30));
  }

  public static HttpLedgerClient create(String baseUrl, Duration timeout) {
    String b = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return new HttpLedgerClient(URI.create(b), timeout);
  }

  @Override
  public TxReceipt submit(SignedTransaction tx) {
    ObjectNode body = JSON.createObjectNode().put("txBytes", tx.txBytesBase64()).put("signature", tx.signature());
    return LedgerJson.parseReceipt(post("/v1/transactions", body));
  }

  @Override
  public Optional<TxReceipt> transaction(String digest) {
    try {
      return Optional.of(LedgerJson.parseReceipt(get("/v1/transactions/" + enc(digest))));
    } catch (LedgerException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public long balance(SuiAddress owner) {
    return get("/v1/accounts/" + owner + "/balance").get("balanceFrost").asLong();
  }

  @Override
  public Optional<Versioned<ChainObject>> object(String objectId) {
    try {
      return Optional.of(LedgerJson.parseObjectView(get("/v1/objects/" + enc(objectId))));
    } catch (LedgerException e) {
      if (e.code() == ErrorCode.OBJECT_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<Versioned<ChainObject>> ownedObjects(SuiAddress owner, String type) {
    return views(get("/v1/accounts/" + owner + "/objects" + (type == null ? "" : "?type=" + enc(type))));
  }

  @Override
  public List<Versioned<ChainObject>> blobsByBlobId(String blobId) {
    return views(get("/v1/blobs/" + enc(blobId)));
  }

  @Override
  public Optional<dev.haulout.chain.model.InvalidBlobId> invalidBlob(String blobId) {
    return Optional.ofNullable(LedgerJson.parseInvalidBlobView(get("/v1/blobs/" + enc(blobId) + "/invalid")));
  }

  @Override
  public List<KeyServer> keyServers() {
    JsonNode n = get("/v1/key-servers");
    try {
      return LedgerJson.parseKeyServersView(n);
    } catch (IllegalArgumentException e) {
      throw new LedgerException(ErrorCode.UNAVAILABLE, "bad key-server list from ledger: " + e.getMessage(), e);
    }
  }

  @Override
  public AccessDecision evaluateAccess(byte[] identity, SuiAddress requester, Instant now) {
    ObjectNode body = JSON.createObjectNode().put("identity", Hex.encode(identity))
        .put("requester", requester.toString()).put("timestampMs", now.toEpochMilli());
    JsonNode n = post("/v1/access/evaluate", body);
    return new AccessDecision(n.get("allowed").asBoolean(), n.get("reason").asText(), n.path("detail").asText());
  }

  @Override
  public List<ChainEvent> events(long afterSeq, int limit) {
    List<ChainEvent> out = new ArrayList<>();
    get("/v1/events?after=" + afterSeq + "&limit=" + limit).get("events").forEach(e -> out.add(LedgerJson.parseEnvelope(e)));
    return out;
  }

  /**
   * Follows the server's NDJSON event stream from {@code afterSeq} on a daemon thread, calling
   * {@code sink} for each event in order, until the returned handle is closed.
   */
  public AutoCloseable subscribe(long afterSeq, Consumer<ChainEvent> sink) {
    HttpRequest req = HttpRequest.newBuilder(base.resolve("/v1/events/stream?after=" + afterSeq)).GET().build();
    Thread t = new Thread(() -> {
      try {
        HttpResponse<Stream<String>> res = http.send(req, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = res.body()) {
          lines.filter(l -> !l.isBlank()).forEach(l -> sink.accept(LedgerJson.parseEnvelope(LedgerJson.tree(l))));
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // stream closed by either side: the subscription ends
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ledger-event-stream");
    t.setDaemon(true);
    t.start();
    return t::interrupt;
  }

  @Override
  public SystemState systemState() {
    try {
      return JSON.treeToValue(get("/v1/system"), SystemState.class);
    } catch (IOException e) {
      throw new LedgerException(ErrorCode.INTERNAL, "bad system state JSON", e);
    }
  }

  @Override
  public TxReceipt faucet(SuiAddress to, long amountFrost) {
    return LedgerJson.parseReceipt(post("/v1/faucet",
        JSON.createObjectNode().put("address", to.toString()).put("amountFrost", amountFrost)));
  }

  @Override
  public TxReceipt advanceEpoch() {
    return LedgerJson.parseReceipt(post("/v1/epoch/advance", JSON.createObjectNode()));
  }

  @Override
  public ChainAudit audit() {
    return LedgerJson.parseAudit(get("/v1/audit"));
  }

  @Override
  public void close() {
    // the JDK client holds no resources that need closing on Java 17
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<Versioned<ChainObject>> views(JsonNode n) {
    List<Versioned<ChainObject>> out = new ArrayList<>();
    n.get("objects").forEach(o -> out.add(LedgerJson.parseObjectView(o)));
    return out;
  }

  private JsonNode get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build());
  }

  private JsonNode post(String path, JsonNode body) {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    if (bytes.length > LedgerServer.MAX_BODY_BYTES) {
      // the server would answer 413 and drop the connection mid-upload; say so without sending
      throw new LedgerException(ErrorCode.BODY_TOO_LARGE,
          "request body of " + bytes.length + " bytes exceeds the ledger's " + LedgerServer.MAX_BODY_BYTES);
    }
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
  }

  private JsonNode send(HttpRequest req) {
    HttpResponse<InputStream> res;
    try {
      res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new LedgerException(ErrorCode.UNAVAILABLE, "ledger unreachable at " + base + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerException(ErrorCode.UNAVAILABLE, "interrupted");
    }
    JsonNode n;
    try (InputStream in = res.body()) {
      n = JSON.readTree(in);
    } catch (IOException e) {
      throw new LedgerException(ErrorCode.UNAVAILABLE, "bad response from ledger (HTTP " + res.statusCode() + ")", e);
    }
    if (res.statusCode() / 100 != 2) {
      ErrorCode code;
      try {
        code = ErrorCode.valueOf(n.path("error").asText("INTERNAL"));
      } catch (IllegalArgumentException e) {
        code = ErrorCode.INTERNAL;
      }
      throw new LedgerException(code, n.path("message").asText("HTTP " + res.statusCode()));
    }
    return n;
  }
}
