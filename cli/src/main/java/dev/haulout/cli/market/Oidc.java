package dev.haulout.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OpenID Connect token endpoint of the marketplace's issuer (Keycloak): password grant,
 * client credentials, the device authorization grant (RFC 8628) and refresh. Endpoints come from
 * the issuer's discovery document.
 */
public final class Oidc {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
  private final HttpClient http;
  private final String issuer;
  private JsonNode discovery;

  public Oidc(HttpClient http, String issuer) {
    this.http = http;
    this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
  }

  public String issuer() {
    return issuer;
  }

  public Session password(String clientId, String clientSecret, String username, String password) {
    Map<String, String> f = form("password", clientId, clientSecret);
    f.put("username", username);
    f.put("password", password);
    f.put("scope", "openid");
    return session(clientId, clientSecret != null ? clientSecret : null, "password", token(f), false);
  }

  public Session clientCredentials(String clientId, String clientSecret) {
    return session(clientId, clientSecret, "client_credentials", token(form("client_credentials", clientId, clientSecret)), true);
  }

  /** Device flow: prints the verification URL and code on {@code err}, then polls until done. */
  public Session device(String clientId, PrintWriter err) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("client_id", clientId);
    f.put("scope", "openid");
    JsonNode start = post(endpoint("device_authorization_endpoint"), f);
    String deviceCode = start.path("device_code").asText();
    String url = start.hasNonNull("verification_uri_complete") ? start.get("verification_uri_complete").asText()
        : start.path("verification_uri").asText();
    err.println("Open " + url + " and enter the code " + start.path("user_code").asText());
    err.flush();
    long interval = Math.max(1, start.path("interval").asLong(5));
    long deadline = System.currentTimeMillis() + start.path("expires_in").asLong(600) * 1000;
    Map<String, String> poll = new LinkedHashMap<>();
    poll.put("grant_type", DEVICE_GRANT);
    poll.put("client_id", clientId);
    poll.put("device_code", deviceCode);
    while (System.currentTimeMillis() < deadline) {
      sleep(interval * 1000);
      HttpResponse<String> r = send(endpoint("token_endpoint"), poll);
      JsonNode body = parse(r.body());
      if (r.statusCode() == 200) {
        return session(clientId, null, "device", body, false);
      }
      String error = body.path("error").asText("");
      switch (error) {
        case "authorization_pending" -> { }
        case "slow_down" -> interval += 5;
        default -> throw failure(r.statusCode(), body);
      }
    }
    throw new CliError("LOGIN_FAILED", "the device code expired before it was confirmed");
  }

  /** A fresh access token for {@code s}: refresh token, or client credentials again. */
  public Session refresh(Session s) {
    if ("client_credentials".equals(s.grant()) && s.clientSecret() != null) {
      return clientCredentials(s.clientId(), s.clientSecret());
    }
    if (s.refreshToken() == null || (s.refreshExpiresAtMs() > 0 && s.refreshExpiresAtMs() <= System.currentTimeMillis())) {
      throw new CliError("SESSION_EXPIRED", "the session has expired: run 'haulout login' again");
    }
    Map<String, String> f = form("refresh_token", s.clientId(), s.clientSecret());
    f.put("refresh_token", s.refreshToken());
    try {
      return session(s.clientId(), s.clientSecret(), s.grant(), token(f), false);
    } catch (CliError e) {
      throw new CliError("SESSION_EXPIRED", "the session could not be refreshed (" + e.getMessage()
          + "): run 'haulout login' again");
    }
  }

  private Session session(String clientId, String secret, String grant, JsonNode t, boolean keepSecret) {
    long now = System.currentTimeMillis();
    long refreshIn = t.path("refresh_expires_in").asLong(0);
    return new Session(issuer, clientId, keepSecret ? secret : (secret == null ? null : secret), grant,
        t.path("access_token").asText(), now + t.path("expires_in").asLong(60) * 1000,
        t.hasNonNull("refresh_token") ? t.get("refresh_token").asText() : null,
        refreshIn > 0 ? now + refreshIn * 1000 : 0);
  }

  private static Map<String, String> form(String grant, String clientId, String secret) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("grant_type", grant);
    f.put("client_id", clientId);
    if (secret != null) {
      f.put("client_secret", secret);
    }
    return f;
  }

  private JsonNode token(Map<String, String> f) {
    return post(endpoint("token_endpoint"), f);
  }

  private JsonNode post(String url, Map<String, String> f) {
    HttpResponse<String> r = send(url, f);
    JsonNode body = parse(r.body());
    if (r.statusCode() != 200) {
      throw failure(r.statusCode(), body);
    }
    return body;
  }

  private static CliError failure(int status, JsonNode body) {
    String error = body.path("error").asText("http_" + status);
    String desc = body.path("error_description").asText(error);
    String code = switch (error) {
      case "invalid_grant" -> "INVALID_CREDENTIALS";
      case "invalid_client", "unauthorized_client" -> "INVALID_CLIENT";
      case "access_denied" -> "ACCESS_DENIED";
      case "expired_token" -> "LOGIN_FAILED";
      default -> "LOGIN_FAILED";
    };
    return new CliError(code, desc);
  }

  private String endpoint(String name) {
    if (discovery == null) {
      HttpRequest req = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
          .timeout(Duration.ofSeconds(20)).GET().build();
      HttpResponse<String> r = Http.send(http, req, issuer);
      if (r.statusCode() != 200) {
        throw new CliError("UNREACHABLE", "no OpenID issuer at " + issuer + " (HTTP " + r.statusCode() + ")");
      }
      discovery = parse(r.body());
    }
    JsonNode e = discovery.get(name);
    if (e == null || e.isNull()) {
      throw new CliError("LOGIN_FAILED", issuer + " offers no " + name);
    }
    return e.asText();
  }

  private HttpResponse<String> send(String url, Map<String, String> f) {
    String body = f.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return Http.send(http, req, issuer);
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliError("INTERRUPTED", "login interrupted");
    }
  }
}
