package dev.haulout.cli.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.cli.Haulout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealCommandTest {
  @TempDir Path dir;
  Path keys;
  byte[] message;

  @BeforeEach
  void keygen() throws Exception {
    keys = dir.resolve("keys.json");
    assertEquals(0, Haulout.run("seal", "keygen", "--n", "3", "--out", keys.toString()));
    String json = Files.readString(keys);
    assertTrue(json.contains("\"format\" : \"seal-conformance-keys-v1\""), json);
    message = new byte[3000];
    new SecureRandom().nextBytes(message);
    Files.write(dir.resolve("msg"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"aes", "hmac"})
  void encryptsAndDecryptsObjectsWithAnyTwoOfThreeServers(String dem) throws Exception {
    assertEquals(0, run("encrypt", "--keys", keys, "--id", "0xdeadbeef", "--in", dir.resolve("msg"), "--out", dir.resolve("obj"), "--dem", dem, "--aad", "0102"));
    assertEquals(0, run("decrypt", "--keys", keys, "--in", dir.resolve("obj"), "--out", dir.resolve("dec"), "--use", "0,2"));
    assertArrayEquals(message, Files.readAllBytes(dir.resolve("dec")));
    assertNotEquals(0, run("decrypt", "--keys", keys, "--in", dir.resolve("obj"), "--out", dir.resolve("dec1"), "--use", "1"));
    assertFalse(Files.exists(dir.resolve("dec1")), "no output on failure");
  }

  @Test
  void plainObjectYieldsTheDemKey() throws Exception {
    Files.write(dir.resolve("empty"), new byte[0]);
    assertEquals(0, run("encrypt", "--keys", keys, "--id", "01", "--in", dir.resolve("empty"), "--out", dir.resolve("obj"), "--dem", "plain", "--key-out", dir.resolve("key.hex")));
    assertEquals(0, run("decrypt", "--keys", keys, "--in", dir.resolve("obj"), "--out", dir.resolve("key.bin")));
    assertEquals(
        Files.readString(dir.resolve("key.hex")).trim(),
        java.util.HexFormat.of().formatHex(Files.readAllBytes(dir.resolve("key.bin"))));
  }

  @Test
  void envelopesDecryptWholeAndByRangeAndRejectTampering() throws Exception {
    Path env = dir.resolve("msg.env");
    assertEquals(0, run("encrypt", "--keys", keys, "--id", "0xabcd", "--in", dir.resolve("msg"), "--out", env, "--envelope", "--chunk-size", "1024", "--threshold", "2", "--content-type", "text/csv"));
    assertEquals(0, run("decrypt", "--keys", keys, "--in", env, "--out", dir.resolve("all"), "--use", "1,2"));
    assertArrayEquals(message, Files.readAllBytes(dir.resolve("all")));
    assertEquals(0, run("decrypt", "--keys", keys, "--in", env, "--out", dir.resolve("part"), "--range", "1000:1100"));
    assertArrayEquals(Arrays.copyOfRange(message, 1000, 2100), Files.readAllBytes(dir.resolve("part")));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, run("inspect", "--in", env));
    } finally {
      System.setOut(old);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("content type:  text/csv"), text);
    assertTrue(text.contains("threshold:     2 of 3"), text);
    assertTrue(text.contains("total length:  3000"), text);

    byte[] bytes = Files.readAllBytes(env);
    bytes[bytes.length - 100] ^= 4;
    Files.write(env, bytes);
    assertNotEquals(0, run("decrypt", "--keys", keys, "--in", env, "--out", dir.resolve("bad")));
    assertFalse(Files.exists(dir.resolve("bad")));
  }

  private static int run(Object... args) {
    String[] a = new String[args.length + 1];
    a[0] = "seal";
    for (int i = 0; i < args.length; i++) {
      a[i + 1] = args[i].toString();
    }
    return Haulout.run(a);
  }
}
