package dev.haulout.cli.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code haulout login} against the real Keycloak (services/services.sh; issuer from
 * {@code HAULOUT_OIDC_URL}, default 127.0.0.1:8180 realm haulout): the password grant, client
 * credentials, wrong secrets, and refresh of an expired access token.
 */
class LoginTest {
  static final String ISSUER = System.getenv().getOrDefault("HAULOUT_OIDC_URL", MarketOptions.DEFAULT_ISSUER);

  @TempDir Path tmp;
  Map<String, String> env;

  @BeforeEach
  void setUp() {
    env = new HashMap<>(Map.of("XDG_CONFIG_HOME", tmp.toString(), "HAULOUT_OIDC_URL", ISSUER));
    Env.override(env);
  }

  @AfterEach
  void tearDown() {
    Env.override(null);
  }

  /** The password grant through the confidential marketplace client (present in every realm import). */
  private void useConfidentialClient() {
    env.put("HAULOUT_OIDC_CLIENT_ID", "haulout-marketplace");
    env.put("HAULOUT_OIDC_CLIENT_SECRET", "marketplace-secret");
    Env.override(env);
  }

  static JsonNode claims(String jwt) throws Exception {
    String payload = jwt.split("\\.")[1];
    return Market.json().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  private Session saved() {
    return SessionStore.fromEnvironment(env).load().orElseThrow();
  }

  @Test
  void passwordLoginSavesTokensOnlyTheOwnerCanRead() throws Exception {
    useConfidentialClient();
    CliRun r = CliRun.of("bob-pw\n", "login", "--username", "bob", "--password-stdin");
    assertEquals(0, r.exit(), r.err());
    Path file = tmp.resolve("haulout/session.json");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Session s = saved();
    assertEquals("bob", claims(s.accessToken()).path("preferred_username").asText());
    assertTrue(claims(s.accessToken()).path("realm_access").path("roles").toString().contains("seller"));
    assertTrue(s.refreshToken() != null && s.expiresAtMs() > System.currentTimeMillis());
    assertFalse(r.out().contains(s.accessToken()) || r.err().contains(s.accessToken()), "tokens are never printed");
    assertFalse(r.out().contains("bob-pw") || r.err().contains("bob-pw"));
  }

  @Test
  void aWrongPasswordIsRefusedWithACodeAndSavesNothing() {
    useConfidentialClient();
    CliRun r = CliRun.of("not-the-password\n", "login", "--username", "alice", "--password-stdin");
    assertEquals("INVALID_CREDENTIALS", r.errorCode());
    assertEquals(2, r.exit());
    assertFalse(r.err().contains("not-the-password"));
    assertFalse(Files.exists(tmp.resolve("haulout/session.json")));
  }

  @Test
  void agentsLogInWithClientCredentials() throws Exception {
    CliRun r = CliRun.of("agent-secret\n", "login", "--client-credentials", "--client-id", "haulout-agent",
        "--client-secret-stdin");
    assertEquals(0, r.exit(), r.err());
    Session s = saved();
    assertEquals("client_credentials", s.grant());
    assertTrue(claims(s.accessToken()).path("realm_access").path("roles").toString().contains("agent"));
    CliRun bad = CliRun.of("wrong\n", "login", "--client-credentials", "--client-id", "haulout-agent",
        "--client-secret-stdin");
    assertEquals("INVALID_CLIENT", bad.errorCode());
  }

  @Test
  void anExpiredAccessTokenIsRefreshedAndSaved() throws Exception {
    useConfidentialClient();
    assertEquals(0, CliRun.of("alice-pw\n", "login", "--username", "alice", "--password-stdin").exit());
    Session s = saved();
    SessionStore store = SessionStore.fromEnvironment(env);
    Session expired = new Session(s.issuer(), s.clientId(), s.clientSecret(), s.grant(), s.accessToken(),
        System.currentTimeMillis() - 1, s.refreshToken(), s.refreshExpiresAtMs());
    store.save(expired);
    String token = new Market(new MarketOptions(), store).token();
    assertNotEquals(s.accessToken(), token);
    assertEquals("alice", claims(token).path("preferred_username").asText());
    assertEquals(token, store.load().orElseThrow().accessToken());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
    // a refresh token the issuer does not know: log in again
    store.save(new Session(s.issuer(), s.clientId(), s.clientSecret(), s.grant(), "x", 0, "bogus", 0));
    CliError e = org.junit.jupiter.api.Assertions.assertThrows(CliError.class,
        () -> new Market(new MarketOptions(), store).token());
    assertEquals("SESSION_EXPIRED", e.code());
  }

  @Test
  void theDeviceFlowIsOfferedByThePublicCliClient() throws Exception {
    // haulout-cli is in services/keycloak/haulout-realm.json; a Keycloak that imported the realm
    // before it was added answers invalid_client until 'services.sh sync-realm' ran
    CliRun r = CliRun.of("bob-pw\n", "login", "--username", "bob", "--password-stdin");
    org.junit.jupiter.api.Assumptions.assumeFalse(r.err().contains("INVALID_CLIENT"),
        "this Keycloak has no haulout-cli client yet: " + r.err());
    assertEquals(0, r.exit(), r.err());
    assertEquals("haulout-cli", saved().clientId());
    Oidc oidc = new Oidc(java.net.http.HttpClient.newHttpClient(), ISSUER);
    java.io.StringWriter shown = new java.io.StringWriter();
    Thread t = new Thread(() -> {
      try {
        oidc.device("haulout-cli", new java.io.PrintWriter(shown, true));
      } catch (CliError expected) {
        // the code expires or the test ends first; what matters is the prompt below
      }
    });
    t.setDaemon(true);
    t.start();
    long until = System.currentTimeMillis() + 10_000;
    while (!shown.toString().contains("enter the code") && System.currentTimeMillis() < until) {
      Thread.sleep(100);
    }
    assertTrue(shown.toString().matches("(?s)Open http.*/device.* and enter the code [A-Z]{4}-[A-Z]{4}\\s*"), shown.toString());
  }
}
