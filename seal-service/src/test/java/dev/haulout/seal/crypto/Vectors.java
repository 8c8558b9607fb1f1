package dev.haulout.seal.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** Loads the conformance vectors copied from the Seal harness into src/test/resources/vectors. */
public final class Vectors {
  private Vectors() {}

  public static JsonNode upstream() {
    return load("/vectors/upstream.json");
  }

  public static JsonNode derived() {
    return load("/vectors/derived.json");
  }

  private static JsonNode load(String resource) {
    try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hex with or without 0x. */
  public static byte[] hex(JsonNode n) {
    return hex(n.asText());
  }

  public static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.startsWith("0x") ? s.substring(2) : s);
  }

  public static String toHex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
