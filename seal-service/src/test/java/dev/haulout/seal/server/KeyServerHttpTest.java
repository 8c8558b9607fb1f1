package dev.haulout.seal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.client.SealApproveTransactions;
import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.elgamal.ElGamal;
import dev.haulout.seal.crypto.elgamal.ElGamalCiphertext;
import dev.haulout.seal.crypto.elgamal.ElGamalKeyPair;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.ibe.ObjectIds;
import dev.haulout.seal.policy.AddressAllowlistPolicy;
import dev.haulout.seal.server.http.FetchKeyJson;
import dev.haulout.seal.server.http.KeyServerHttpHandler;
import dev.haulout.seal.session.KeyRequest;
import dev.haulout.seal.session.SessionCertificate;
import dev.haulout.seal.session.SessionKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The key server over real loopback HTTP, driven by hand-built requests. */
class KeyServerHttpTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final SuiAddress PKG = LoopbackKeyServers.randomAddress();
  private static final Ed25519KeyPair ALICE = Ed25519KeyPair.generate();
  private static final Ed25519KeyPair MALLORY = Ed25519KeyPair.generate();
  private static final byte[] ID = {0x0a, 0x0b, 0x0c};

  private static AddressAllowlistPolicy policy;
  private static LoopbackKeyServers servers;
  private static KeyServerHandle server;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    policy = AddressAllowlistPolicy.of(List.of(ALICE.address()));
    servers = LoopbackKeyServers.start(1, PKG, policy, o -> o.rateLimit(1000, 1000));
    server = servers.get(0);
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @Test
  void servesAProofOfPossessionThatVerifies() throws Exception {
    HttpResponse<String> r = get("/v1/service?service_id=" + server.objectId());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("X-KeyServer-Version").isPresent());
    JsonNode body = MAPPER.readTree(r.body());
    assertEquals(server.objectId().toString(), body.get("service_id").asText());
    G1Point pop = G1Point.fromBytes(Base64.getDecoder().decode(body.get("pop").asText()));
    assertTrue(BonehFranklin.verifyProofOfPossession(pop, server.publicKey(), server.objectId().bytes()));
  }

  @Test
  void rejectsAnUnknownServiceId() throws Exception {
    HttpResponse<String> r = get("/v1/service?service_id=" + SuiAddress.ZERO);
    assertError(r, 400, "InvalidServiceId");
  }

  @Test
  void releasesAVerifiableKeyToAnAllowedRequester() throws Exception {
    KeyRequest req = session(ALICE, Clock.systemUTC()).newRequest(ptb(PKG, ID));
    HttpResponse<String> r = post(FetchKeyJson.writeRequest(toWire(req)), Map.of());
    assertEquals(200, r.statusCode(), r.body());
    JsonNode k = MAPPER.readTree(r.body()).get("decryption_keys").get(0);
    byte[] fullId = ObjectIds.fullId(PKG.bytes(), ID);
    byte[] id = new byte[k.get("id").size()];
    for (int i = 0; i < id.length; i++) {
      id[i] = (byte) k.get("id").get(i).asInt();
    }
    assertEquals(ObjectIds.format(PKG.bytes()) + "0a0b0c", "0x" + dev.haulout.wire.Hex.encode(id));
    G1Point usk = ElGamal.decrypt(req.elGamal().secretKey(), ciphertext(k));
    assertTrue(BonehFranklin.verifyUserSecretKey(usk, fullId, server.publicKey()));
    assertEquals(BonehFranklin.extract(servers.masterKey(0).secretKey(), fullId), usk);
  }

  @Test
  void rejectsKeyRequestWhenPolicyDenies() throws Exception {
    KeyRequest req = session(MALLORY, Clock.systemUTC()).newRequest(ptb(PKG, ID));
    assertError(post(FetchKeyJson.writeRequest(toWire(req)), Map.of()), 403, "NoAccess");
  }

  @Test
  void stopsReleasingKeysOnceAccessIsRevoked() throws Exception {
    Ed25519KeyPair bob = Ed25519KeyPair.generate();
    policy.allow(bob.address());
    SessionKey s = session(bob, Clock.systemUTC());
    assertEquals(200, post(FetchKeyJson.writeRequest(toWire(s.newRequest(ptb(PKG, ID)))), Map.of()).statusCode());
    policy.revoke(bob.address());
    assertError(post(FetchKeyJson.writeRequest(toWire(s.newRequest(ptb(PKG, ID)))), Map.of()), 403, "NoAccess");
  }

  @Test
  void rejectsAnExpiredSessionCertificate() throws Exception {
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(11)), ZoneOffset.UTC);
    KeyRequest req = session(ALICE, past).newRequest(ptb(PKG, ID));
    assertError(post(FetchKeyJson.writeRequest(toWire(req)), Map.of()), 403, "InvalidCertificate");
  }

  @Test
  void rejectsACertificateCreatedInTheFuture() throws Exception {
    Clock future = Clock.fixed(Instant.now().plus(Duration.ofMinutes(2)), ZoneOffset.UTC);
    KeyRequest req = session(ALICE, future).newRequest(ptb(PKG, ID));
    assertError(post(FetchKeyJson.writeRequest(toWire(req)), Map.of()), 403, "InvalidCertificate");
  }

  @Test
  void rejectsACertificateNotSignedByItsUser() throws Exception {
    KeyRequest req = session(ALICE, Clock.systemUTC()).newRequest(ptb(PKG, ID));
    SessionCertificate c = req.certificate();
    // Mallory claims to be Alice with her own wallet signature over the same message
    String forged = dev.haulout.chain.crypto.SuiSignatures.signPersonalMessage(MALLORY, c.personalMessage(PKG));
    SessionCertificate bad = new SessionCertificate(c.user(), c.sessionVk(), c.creationTimeMs(), c.ttlMin(), forged, null);
    FetchKeyRequest wire = toWire(req);
    assertError(
        post(FetchKeyJson.writeRequest(new FetchKeyRequest(wire.ptb(), wire.encKey(), wire.encVerificationKey(), wire.requestSignature(), bad)), Map.of()),
        403,
        "InvalidSignature");
  }

  @Test
  void rejectsARequestWhosePtbWasTamperedWith() throws Exception {
    KeyRequest req = session(ALICE, Clock.systemUTC()).newRequest(ptb(PKG, ID));
    FetchKeyRequest w = toWire(req);
    byte[] otherPtb = ptb(PKG, new byte[] {0x0a, 0x0b, 0x0d});
    assertError(
        post(FetchKeyJson.writeRequest(new FetchKeyRequest(otherPtb, w.encKey(), w.encVerificationKey(), w.requestSignature(), w.certificate())), Map.of()),
        403,
        "InvalidSessionSignature");
  }

  @Test
  void rejectsAReplayedRequestRedirectedToTheAttackersElGamalKey() throws Exception {
    KeyRequest req = session(ALICE, Clock.systemUTC()).newRequest(ptb(PKG, ID));
    FetchKeyRequest w = toWire(req);
    ElGamalKeyPair attacker = ElGamalKeyPair.generate(RANDOM);
    FetchKeyRequest replay =
        new FetchKeyRequest(
            w.ptb(), attacker.encryptionKey().toBytes(), attacker.verificationKey().toBytes(), w.requestSignature(), w.certificate());
    assertError(post(FetchKeyJson.writeRequest(replay), Map.of()), 403, "InvalidSessionSignature");
  }

  /**
   * Seal key servers keep no nonce: a request stays valid for its certificate's lifetime, so an
   * eavesdropper can replay it byte for byte and the server answers again. That is harmless only
   * because the answer is ElGamal-encrypted to the {@code enc_key} the session signature binds
   * (redirecting it is refused, see the test above): the replayed answer must open, with the
   * original requester's secret key, to the correct key share (freshly re-encrypted), and must
   * not open with any other key.
   */
  @Test
  void aVerbatimReplayOnlyYieldsAKeyEncryptedToTheOriginalRequester() throws Exception {
    KeyRequest req = session(ALICE, Clock.systemUTC()).newRequest(ptb(PKG, ID));
    byte[] body = FetchKeyJson.writeRequest(toWire(req));
    HttpResponse<String> first = post(body, Map.of());
    HttpResponse<String> replayed = post(body, Map.of());
    assertEquals(200, first.statusCode(), first.body());
    assertEquals(200, replayed.statusCode(), replayed.body());
    ElGamalCiphertext c1 = ciphertext(MAPPER.readTree(first.body()).get("decryption_keys").get(0));
    ElGamalCiphertext c = ciphertext(MAPPER.readTree(replayed.body()).get("decryption_keys").get(0));
    byte[] fullId = ObjectIds.fullId(PKG.bytes(), ID);
    G1Point expected = BonehFranklin.extract(servers.masterKey(0).secretKey(), fullId);

    // the requester opens the replayed answer to this server's correct share for the identity
    G1Point usk = ElGamal.decrypt(req.elGamal().secretKey(), c);
    assertEquals(expected, usk);
    assertTrue(BonehFranklin.verifyUserSecretKey(usk, fullId, server.publicKey()));
    assertEquals(expected, ElGamal.decrypt(req.elGamal().secretKey(), c1));
    // each answer is encrypted afresh (new ElGamal randomness), never the share in the clear
    assertNotEquals(c1.c1(), c.c1());
    assertNotEquals(expected, c.c2());
    // whoever replayed it, holding any other ElGamal key, gets nothing that verifies
    G1Point guess = ElGamal.decrypt(ElGamalKeyPair.generate(RANDOM).secretKey(), c);
    assertFalse(BonehFranklin.verifyUserSecretKey(guess, fullId, server.publicKey()));
  }

  @Test
  void rejectsAPolicyPackageOtherThanTheConfiguredOne() throws Exception {
    SuiAddress other = LoopbackKeyServers.randomAddress();
    SessionKey s = SessionKey.create(ALICE, other, 10, Clock.systemUTC(), RANDOM);
    assertError(post(FetchKeyJson.writeRequest(toWire(s.newRequest(ptb(other, ID)))), Map.of()), 400, "UnsupportedPackageId");
  }

  @Test
  void rejectsACallToAFunctionThePolicyDoesNotHave() throws Exception {
    byte[] p = SealApproveTransactions.build(PKG, "harness", "seal_approve_other", List.of(ID));
    KeyRequest req = session(ALICE, Clock.systemUTC()).newRequest(p);
    assertError(post(FetchKeyJson.writeRequest(toWire(req)), Map.of()), 403, "InvalidPTB");
  }

  @Test
  void rejectsMalformedJson() throws Exception {
    assertError(post("{not json".getBytes(), Map.of()), 403, "InvalidParameter");
  }

  @Test
  void requiresTheClientSdkVersionHeader() throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(server.url() + "/v1/fetch_key"))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    assertError(http.send(r, HttpResponse.BodyHandlers.ofString()), 400, "MissingRequiredHeader");
  }

  @Test
  void rejectsDeprecatedAndMalformedSdkVersions() throws Exception {
    assertError(post("{}".getBytes(), Map.of("Client-Sdk-Version", "0.4.4")), 426, "DeprecatedSDKVersion");
    assertError(post("{}".getBytes(), Map.of("Client-Sdk-Version", "one")), 400, "InvalidSDKVersion");
  }

  /**
   * Seal's {@code tests/server.rs test_service}, case by case against {@code /v1/service}: the
   * SDK headers, 426 for an old TypeScript SDK or aggregator, a missing or unknown SDK type
   * accepted with any semver version, and {@code service_id} answered as asked (full hex).
   */
  @Test
  void serviceEndpointAnswersAsSealsKeyServer() throws Exception {
    String path = "/v1/service?service_id=" + server.objectId();
    assertError(service(path, "typescript", null), 400, "MissingRequiredHeader");
    assertError(service(path, "typescript", "0.3.0"), 426, "DeprecatedSDKVersion");
    assertError(service(path, "aggregator", "0.5.14"), 426, "DeprecatedSDKVersion");
    assertError(service(path, "typescript", "one"), 400, "InvalidSDKVersion");
    assertEquals(200, service(path, "aggregator", "0.6.2").statusCode());
    for (String[] ok : new String[][] {{"typescript", "0.4.11"}, {null, "0.4.11"}, {"python", "0.4.11"},
        {"rust", "0.0.1"}, {null, "0.0.1"}, {"cobol", "0.0.1"}, {"TypeScript", "0.3.0"}}) {
      HttpResponse<String> r = service(path, ok[0], ok[1]);
      assertEquals(200, r.statusCode(), ok[0] + " " + ok[1] + ": " + r.body());
      JsonNode body = MAPPER.readTree(r.body());
      assertEquals(server.objectId().toString(), body.get("service_id").asText());
      assertEquals(2, body.size(), "exactly service_id and pop");
      assertEquals(KeyServerHttpHandler.SERVER_VERSION, r.headers().firstValue("X-KeyServer-Version").orElse(""));
      assertTrue(r.headers().firstValue("X-KeyServer-GitVersion").isPresent());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }
    // Seal parses service_id with ObjectID::from_hex_literal: short forms are the same id, no 0x is not
    String shortForm = "0x" + server.objectId().toString().substring(2).replaceFirst("^0+", "");
    assertEquals(200, service("/v1/service?service_id=" + shortForm, "typescript", "0.4.11").statusCode());
    assertError(service("/v1/service?service_id=" + server.objectId().toString().substring(2), "typescript", "0.4.11"),
        400, "InvalidServiceId");
    assertError(service("/v1/service", "typescript", "0.4.11"), 400, "InvalidServiceId");
  }

  @Test
  void rejectsBodiesAboveTheSizeLimit() throws Exception {
    byte[] big = new byte[KeyServerOptions.DEFAULT_MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    HttpResponse<String> r = post(big, Map.of());
    assertNotEquals(200, r.statusCode());
    assertEquals("InvalidParameter", MAPPER.readTree(r.body()).get("error").asText());
  }

  @Test
  void cutsAChunkedBodyAboveTheSizeLimit() throws Exception {
    // no Content-Length: the limit is counted while reading; the client gets Seal's error and can finish sending
    byte[] chunk = new byte[16 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    int chunks = 4 * KeyServerOptions.DEFAULT_MAX_BODY_BYTES / chunk.length;
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(server.url() + "/v1/fetch_key"))
            .header("Content-Type", "application/json")
            .header("Client-Sdk-Type", "typescript")
            .header("Client-Sdk-Version", "1.4.12")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                java.util.Collections.enumeration(java.util.Collections.nCopies(chunks, chunk).stream()
                    .map(b -> (java.io.InputStream) new java.io.ByteArrayInputStream(b)).toList()))))
            .build();
    HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
    assertError(res, 403, "InvalidParameter");
    assertEquals("Request body too large", MAPPER.readTree(res.body()).get("message").asText());
    assertEquals(KeyServerHttpHandler.SERVER_VERSION, res.headers().firstValue("X-KeyServer-Version").orElse(""));
    assertEquals(200, get("/health").statusCode(), "still serving");
  }

  @Test
  void unknownRoutesAndWrongMethodsAreAnEmpty404WithTheServerHeaders() throws Exception {
    for (HttpRequest r : List.of(
        HttpRequest.newBuilder(URI.create(server.url() + "/v1/nowhere")).GET().build(),
        HttpRequest.newBuilder(URI.create(server.url() + "/v1/service")).DELETE().build(),
        HttpRequest.newBuilder(URI.create(server.url() + "/v1/fetch_key")).GET().build())) {
      HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
      assertEquals(404, res.statusCode(), r.toString());
      assertEquals("", res.body(), r.toString());
      assertEquals("*", res.headers().firstValue("Access-Control-Allow-Origin").orElse(""), r.toString());
      assertEquals(KeyServerHttpHandler.GIT_VERSION, res.headers().firstValue("X-KeyServer-GitVersion").orElse(""));
    }
  }

  @Test
  void answersCorsPreflight() throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(server.url() + "/v1/fetch_key"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "http://example.test")
            .header("Access-Control-Request-Method", "POST")
            .build();
    HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, res.statusCode());
    assertEquals("*", res.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
  }

  static SessionKey session(Ed25519KeyPair user, Clock clock) {
    return SessionKey.create(user, PKG, 10, clock, RANDOM);
  }

  static byte[] ptb(SuiAddress pkg, byte[] id) {
    return SealApproveTransactions.sealApprove(pkg, "harness", id);
  }

  static FetchKeyRequest toWire(KeyRequest r) {
    return new FetchKeyRequest(
        r.ptb(), r.elGamal().encryptionKey().toBytes(), r.elGamal().verificationKey().toBytes(), r.requestSignature(), r.certificate());
  }

  static ElGamalCiphertext ciphertext(JsonNode k) {
    Base64.Decoder d = Base64.getDecoder();
    return new ElGamalCiphertext(
        G1Point.fromBytes(d.decode(k.get("encrypted_key").get(0).asText())),
        G1Point.fromBytes(d.decode(k.get("encrypted_key").get(1).asText())));
  }

  private HttpResponse<String> service(String path, String sdkType, String sdkVersion) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).GET();
    if (sdkType != null) {
      b.header("Client-Sdk-Type", sdkType);
    }
    if (sdkVersion != null) {
      b.header("Client-Sdk-Version", sdkVersion);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Client-Sdk-Type", "typescript")
            .header("Client-Sdk-Version", "1.4.12")
            .GET()
            .build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(byte[] body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + "/v1/fetch_key"))
            .header("Content-Type", "application/json")
            .header("Request-Id", java.util.UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    b.header("Client-Sdk-Type", headers.getOrDefault("Client-Sdk-Type", "typescript"));
    b.header("Client-Sdk-Version", headers.getOrDefault("Client-Sdk-Version", "1.4.12"));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode n = MAPPER.readTree(r.body());
    assertEquals(code, n.get("error").asText(), r.body());
    assertTrue(n.hasNonNull("message"));
  }
}
