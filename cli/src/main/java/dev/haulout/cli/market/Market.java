package dev.haulout.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * The marketplace as the CLI talks to it: GraphQL at {@code /graphql} and REST under
 * {@code /api/v1}, with the saved session's bearer token (refreshed when about to expire).
 * Errors become {@link CliError}s carrying the server's stable code.
 */
public final class Market {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http;
  private final MarketOptions options;
  private final SessionStore store;
  private Session session;

  public Market(MarketOptions options) {
    this(options, SessionStore.fromEnvironment(Env.all()));
  }

  Market(MarketOptions options, SessionStore store) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    this.options = options;
    this.store = store;
  }

  public HttpClient http() {
    return http;
  }

  public String api() {
    return options.api();
  }

  public static ObjectMapper json() {
    return JSON;
  }

  /** A valid access token, refreshing (and saving) the session when it expires within 30 s. */
  public String token() {
    if (session == null) {
      session = store.load().orElseThrow(() -> new CliError("NOT_LOGGED_IN", "not logged in: run 'haulout login'"));
    }
    if (!session.fresh(System.currentTimeMillis(), 30_000)) {
      session = new Oidc(http, session.issuer()).refresh(session);
      store.save(session);
    }
    return session.accessToken();
  }

  /** Runs a GraphQL operation; {@code auth} false sends no token (public queries work logged out). */
  public JsonNode graphql(String query, Map<String, ?> variables, boolean auth) {
    ObjectNode body = JSON.createObjectNode();
    body.put("query", query);
    body.set("variables", JSON.valueToTree(variables));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api() + "/graphql"))
        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (auth) {
      b.header("Authorization", "Bearer " + token());
    }
    HttpResponse<String> r = Http.send(http, b.build(), api());
    JsonNode resp = parse(r);
    JsonNode errors = resp.path("errors");
    if (errors.isArray() && errors.size() > 0) {
      JsonNode e = errors.get(0);
      String code = e.path("extensions").path("code").asText("");
      throw new CliError(code.isEmpty() ? "GRAPHQL_ERROR" : code, e.path("message").asText("request refused"));
    }
    if (r.statusCode() != 200 || !resp.has("data")) {
      throw httpError(r.statusCode(), resp);
    }
    return resp.get("data");
  }

  /** A REST error body ({@code {"code","message"}}) or a bare status as a {@link CliError}. */
  public static CliError httpError(int status, JsonNode body) {
    String code = body.path("code").asText("");
    if (code.isEmpty()) {
      code = switch (status) {
        case 401 -> "UNAUTHENTICATED";
        case 403 -> "FORBIDDEN";
        case 404 -> "NOT_FOUND";
        default -> "HTTP_" + status;
      };
    }
    String msg = body.path("message").asText("HTTP " + status);
    return new CliError(code, msg);
  }

  static JsonNode parse(HttpResponse<String> r) {
    try {
      String s = r.body();
      return s == null || s.isBlank() ? JSON.createObjectNode() : JSON.readTree(s);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  /** Parses a REST error body (for callers reading bytes). */
  public static JsonNode parse(byte[] body) {
    try {
      return body == null || body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static Iterator<JsonNode> each(JsonNode array) {
    return array == null ? java.util.Collections.emptyIterator() : array.elements();
  }
}
