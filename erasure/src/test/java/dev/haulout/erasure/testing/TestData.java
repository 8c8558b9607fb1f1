package dev.haulout.erasure.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Vector files and the deterministic inputs of the conformance harness. */
public final class TestData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestData() {}

  public static JsonNode vectors(String name) {
    try (InputStream in = TestData.class.getResourceAsStream("/vectors/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no vector file " + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  public static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code SHA-256(seed ‖ u64le(0)) ‖ SHA-256(seed ‖ u64le(1)) ‖ …} truncated to {@code len}. */
  public static byte[] seededBytes(String seed, int len) {
    byte[] s = seed.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[len];
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (long i = 0; i * 32 < len; i++) {
        md.update(s);
        md.update(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(i).array());
        byte[] h = md.digest();
        int off = (int) (i * 32);
        System.arraycopy(h, 0, out, off, Math.min(32, len - off));
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  public static byte[] stream(int len) {
    return seededBytes("walrus-conformance-v1", len);
  }

  public static byte[] pattern(int len) {
    byte[] out = new byte[len];
    for (int i = 0; i < len; i++) {
      out[i] = (byte) (i % 251);
    }
    return out;
  }

  /** The named inputs of the harness ({@code make-inputs.mjs}). */
  public static byte[] namedInput(String name) {
    switch (name) {
      case "empty.bin":
        return new byte[0];
      case "one-byte.bin":
        return new byte[] {0x2a};
      case "some-other-string.txt":
        return "some other string".getBytes(StandardCharsets.US_ASCII);
      case "regression.txt":
        return "walrus blob id v1 regression test".getBytes(StandardCharsets.US_ASCII);
      case "pattern-1MiB.bin":
        return pattern(1 << 20);
      case "stream-10MiB.bin":
        return stream(10 << 20);
      default:
        throw new IllegalArgumentException("unknown input " + name);
    }
  }
}
