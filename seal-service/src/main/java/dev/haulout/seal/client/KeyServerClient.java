package dev.haulout.seal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.seal.crypto.SealCryptoException;
import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.elgamal.ElGamal;
import dev.haulout.seal.crypto.elgamal.ElGamalCiphertext;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.server.FetchKeyRequest;
import dev.haulout.seal.server.http.FetchKeyJson;
import dev.haulout.seal.session.KeyRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * HTTP client of one key server's {@code /v1/fetch_key} and {@code /v1/service}. Every returned
 * key is ElGamal-decrypted and pairing-checked against the server's public key before it is
 * handed out; anything else is a {@link KeyServerCallException}.
 */
public final class KeyServerClient {
  /** Protocol-compatible with this SDK release; real Seal servers accept these headers. */
  public static final String SDK_TYPE = "typescript";

  public static final String SDK_VERSION = "1.4.12";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String MIN_SERVER_VERSION = "0.4.1";

  private final KeyServerInfo server;
  private final HttpClient http;
  private final Duration timeout;

  public KeyServerClient(KeyServerInfo server, HttpClient http, Duration timeout) {
    this.server = server;
    this.http = http;
    this.timeout = timeout;
  }

  /** A client-side HTTP/1.1 {@link HttpClient} suitable for key servers. */
  public static HttpClient defaultHttpClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public KeyServerInfo server() {
    return server;
  }

  /**
   * Sends {@code request} and returns one verified key per expected full id, in order. Fails with
   * {@link KeyServerCallException} (inside the future) on an HTTP error, a malformed response, a
   * missing id or a key that does not verify.
   */
  public CompletableFuture<List<VerifiedUserSecretKey>> fetchKeys(
      KeyRequest request, List<byte[]> expectedFullIds) {
    byte[] body =
        FetchKeyJson.writeRequest(
            new FetchKeyRequest(
                request.ptb(),
                request.elGamal().encryptionKey().toBytes(),
                request.elGamal().verificationKey().toBytes(),
                request.requestSignature(),
                request.certificate()));
    HttpRequest req =
        newRequest("/v1/fetch_key")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return send(req).thenApply(r -> openResponse(r, request, expectedFullIds));
  }

  /** Fetches {@code /v1/service} and checks the proof of possession for this server's key. */
  public CompletableFuture<Boolean> verifyProofOfPossession() {
    HttpRequest req =
        newRequest("/v1/service?service_id=" + server.objectId()).GET().build();
    return send(req)
        .thenApply(
            r -> {
              JsonNode root = json(r);
              if (!server.objectId().toString().equals(root.path("service_id").asText())) {
                return false;
              }
              try {
                G1Point pop = G1Point.fromBytes(Base64.getDecoder().decode(root.path("pop").asText()));
                return BonehFranklin.verifyProofOfPossession(pop, server.publicKey(), server.objectId().bytes());
              } catch (IllegalArgumentException | SealCryptoException e) {
                return false;
              }
            });
  }

  private HttpRequest.Builder newRequest(String pathAndQuery) {
    String base = server.url().toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .timeout(timeout)
        .header("Request-Id", UUID.randomUUID().toString())
        .header("Client-Sdk-Type", SDK_TYPE)
        .header("Client-Sdk-Version", SDK_VERSION);
  }

  private CompletableFuture<HttpResponse<byte[]>> send(HttpRequest req) {
    return http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray())
        .handle(
            (r, e) -> {
              if (e != null) {
                Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                KeyServerCallException.ClientCode code = c instanceof HttpTimeoutException
                    ? KeyServerCallException.ClientCode.Timeout : KeyServerCallException.ClientCode.Unreachable;
                throw new KeyServerCallException(server.objectId(), code, c.toString(), true);
              }
              if (r.statusCode() != 200) {
                throw errorFrom(r);
              }
              return r;
            });
  }

  private KeyServerCallException errorFrom(HttpResponse<byte[]> r) {
    String code = KeyServerCallException.HTTP_PREFIX + r.statusCode();
    String message = "";
    try {
      JsonNode n = MAPPER.readTree(r.body());
      if (n != null && n.hasNonNull("error")) {
        code = n.get("error").asText();
        message = n.path("message").asText("");
      }
    } catch (IOException ignored) {
      message = "non-JSON error body";
    }
    boolean retriable = r.statusCode() == 429 || r.statusCode() >= 500;
    return new KeyServerCallException(server.objectId(), code, message, retriable);
  }

  private List<VerifiedUserSecretKey> openResponse(
      HttpResponse<byte[]> r, KeyRequest request, List<byte[]> expectedFullIds) {
    String version = r.headers().firstValue("X-KeyServer-Version").orElse(null);
    if (version == null || olderThan(version, MIN_SERVER_VERSION)) {
      throw invalid(KeyServerCallException.ClientCode.InvalidKeyServerVersion, "unsupported key server version " + version);
    }
    JsonNode keys = json(r).path("decryption_keys");
    if (!keys.isArray()) {
      throw invalid(KeyServerCallException.ClientCode.InvalidResponse, "missing decryption_keys");
    }
    List<VerifiedUserSecretKey> out = new ArrayList<>(expectedFullIds.size());
    for (byte[] fullId : expectedFullIds) {
      JsonNode match = null;
      for (JsonNode k : keys) {
        if (Arrays.equals(idBytes(k.path("id")), fullId)) {
          match = k;
          break;
        }
      }
      if (match == null) {
        throw invalid(KeyServerCallException.ClientCode.InvalidResponse, "response lacks a key for a requested identity");
      }
      G1Point usk;
      try {
        JsonNode enc = match.path("encrypted_key");
        Base64.Decoder d = Base64.getDecoder();
        ElGamalCiphertext c =
            new ElGamalCiphertext(
                G1Point.fromBytes(d.decode(enc.path(0).asText())),
                G1Point.fromBytes(d.decode(enc.path(1).asText())));
        usk = ElGamal.decrypt(request.elGamal().secretKey(), c);
      } catch (IllegalArgumentException | SealCryptoException e) {
        throw invalid(KeyServerCallException.ClientCode.InvalidResponse, "malformed encrypted key");
      }
      if (!BonehFranklin.verifyUserSecretKey(usk, fullId, server.publicKey())) {
        throw invalid(KeyServerCallException.ClientCode.InvalidKey, "key does not verify against the server's public key");
      }
      out.add(new VerifiedUserSecretKey(server.objectId(), fullId, usk));
    }
    return out;
  }

  private static byte[] idBytes(JsonNode arr) {
    if (!arr.isArray()) {
      return new byte[0];
    }
    byte[] b = new byte[arr.size()];
    for (int i = 0; i < b.length; i++) {
      int v = arr.get(i).asInt(-1);
      if (v < 0 || v > 255) {
        return new byte[0];
      }
      b[i] = (byte) v;
    }
    return b;
  }

  private JsonNode json(HttpResponse<byte[]> r) {
    try {
      return MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw invalid(KeyServerCallException.ClientCode.InvalidResponse, "response is not JSON");
    }
  }

  private KeyServerCallException invalid(KeyServerCallException.ClientCode code, String message) {
    return new KeyServerCallException(server.objectId(), code, message, false);
  }

  private static boolean olderThan(String version, String min) {
    try {
      long[] a = semver(version);
      long[] b = semver(min);
      for (int i = 0; i < 3; i++) {
        if (a[i] != b[i]) {
          return a[i] < b[i];
        }
      }
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }

  private static long[] semver(String v) {
    String[] p = v.split("[-+]", 2)[0].split("\\.");
    return new long[] {Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2])};
  }
}
