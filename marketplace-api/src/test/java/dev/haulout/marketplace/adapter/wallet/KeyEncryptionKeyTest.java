package dev.haulout.marketplace.adapter.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionKeyTest {
  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void generatedOnceWithMode600AndReused(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("state").resolve("wallet-kek");
    KeyEncryptionKey a = KeyEncryptionKey.loadOrCreate(f);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    assertEquals(32, Base64.getDecoder().decode(Files.readString(f).trim()).length);
    KeyEncryptionKey b = KeyEncryptionKey.loadOrCreate(f);
    assertEquals(a.id(), b.id());
    byte[] sealed = a.seal("seed".getBytes(StandardCharsets.UTF_8), new byte[] {1});
    assertArrayEquals("seed".getBytes(StandardCharsets.UTF_8), b.open(sealed, new byte[] {1}));
    assertNotEquals(a.id(), KeyEncryptionKey.loadOrCreate(dir.resolve("other")).id(), "a fresh file is a fresh key");
  }

  @Test
  void sealIsAuthenticatedAndBoundToItsAssociatedData() {
    KeyEncryptionKey k = KeyEncryptionKey.fromBase64(KEY);
    byte[] seed = new byte[32];
    seed[0] = 42;
    byte[] aad = "alice\0".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = k.seal(seed, aad);
    assertEquals(12 + 32 + 16, sealed.length);
    assertFalse(java.util.Arrays.equals(k.seal(seed, aad), sealed), "a fresh nonce per seal");
    assertArrayEquals(seed, k.open(sealed, aad));
    assertThrows(IllegalArgumentException.class, () -> k.open(sealed, "bob\0".getBytes(StandardCharsets.UTF_8)));
    for (int i = 0; i < sealed.length; i += 7) {
      byte[] t = sealed.clone();
      t[i] ^= 1;
      assertThrows(IllegalArgumentException.class, () -> k.open(t, aad), "flipped byte " + i);
    }
    byte[] other = new byte[32];
    other[31] = 1;
    KeyEncryptionKey wrong = KeyEncryptionKey.fromBase64(Base64.getEncoder().encodeToString(other));
    assertNotEquals(k.id(), wrong.id());
    assertThrows(IllegalArgumentException.class, () -> wrong.open(sealed, aad));
  }

  @Test
  void badConfigurationIsNamedWithoutEchoingTheValue() {
    String short16 = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
    var e = assertThrows(IllegalArgumentException.class, () -> KeyEncryptionKey.fromBase64(short16));
    assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
    assertFalse(e.getMessage().contains(short16));
    var e2 = assertThrows(IllegalArgumentException.class, () -> KeyEncryptionKey.fromBase64("not base64 !!"));
    assertFalse(e2.getMessage().contains("not base64 !!"));
    assertFalse(KeyEncryptionKey.fromBase64(KEY).toString().contains(KEY));
  }
}
