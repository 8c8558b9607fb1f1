package dev.haulout.cli.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
  @TempDir Path tmp;

  static Session session(String token) {
    return new Session("http://issuer", "haulout-cli", null, "password", token, 1_000, "refresh-" + token, 2_000);
  }

  @Test
  void theSessionFileIsTheOwnersAloneAndRoundTrips() throws Exception {
    SessionStore store = SessionStore.fromEnvironment(Map.of("XDG_CONFIG_HOME", tmp.toString()));
    assertEquals(tmp.resolve("haulout/session.json"), store.file());
    assertTrue(store.load().isEmpty());
    store.save(session("a"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file().getParent())));
    assertEquals(session("a"), store.load().orElseThrow());
    // overwriting keeps the mode and leaves no temporary file behind
    store.save(session("b"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
    assertEquals("b", store.load().orElseThrow().accessToken());
    try (var files = Files.list(store.file().getParent())) {
      assertEquals(1, files.count());
    }
    assertTrue(store.delete());
    assertFalse(store.delete());
  }

  @Test
  void aSessionFileOthersCanReadIsRefused() throws Exception {
    SessionStore store = new SessionStore(tmp.resolve("s/session.json"));
    store.save(session("a"));
    Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));
    CliError e = assertThrows(CliError.class, store::load);
    assertEquals("SESSION_FILE_UNSAFE", e.code());
    assertFalse(e.getMessage().contains("refresh-a"), "the message must not show the tokens");
  }

  @Test
  void aCorruptSessionFileAsksForANewLogin() throws Exception {
    SessionStore store = new SessionStore(tmp.resolve("s/session.json"));
    store.save(session("a"));
    Files.writeString(store.file(), "{not json");
    assertEquals("SESSION_FILE_INVALID", assertThrows(CliError.class, store::load).code());
  }

  @Test
  void withoutXdgConfigHomeTheSessionLivesUnderDotConfig() {
    SessionStore store = SessionStore.fromEnvironment(Map.of());
    assertEquals(Path.of(System.getProperty("user.home"), ".config", "haulout", "session.json"), store.file());
  }

  @Test
  void freshnessHasAMargin() {
    Session s = session("a");
    assertTrue(s.fresh(0, 500));
    assertFalse(s.fresh(600, 500));
  }
}
