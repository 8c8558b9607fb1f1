package dev.haulout.seal.server;

import dev.haulout.seal.crypto.SealCryptoException;
import dev.haulout.seal.crypto.bls.Scalar;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Loads a key server's master secret key from text as Seal's tools print it: {@code 0x} + 64 hex
 * digits (32-byte big-endian scalar) or base64 of the 32 bytes. Error messages never echo the
 * secret.
 */
public final class MasterKeys {
  /** Environment variable read by {@link KeyServer#main} when no key file is given. */
  public static final String ENV_MASTER_KEY = "HAULOUT_SEAL_MASTER_KEY";

  private MasterKeys() {}

  /** Parses {@code 0x<hex>} or base64 of a canonical 32-byte scalar. */
  public static MasterKeyPair parse(String text) {
    String t = text == null ? "" : text.strip();
    byte[] raw;
    try {
      if (t.startsWith("0x") || t.startsWith("0X")) {
        raw = HexFormat.of().parseHex(t.substring(2));
      } else {
        raw = Base64.getDecoder().decode(t);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("master key is neither 0x-hex nor base64 (value redacted)");
    }
    try {
      return MasterKeyPair.fromSecret(Scalar.fromBytes(raw));
    } catch (SealCryptoException e) {
      throw new IllegalArgumentException(
          "master key must be a canonical 32-byte scalar, got " + raw.length + " bytes (value redacted)");
    }
  }

  /** Reads the key from a file (first non-blank line). */
  public static MasterKeyPair fromFile(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Reads the key from {@code env[name]}; throws IllegalArgumentException when it is unset. */
  public static MasterKeyPair fromEnv(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("environment variable " + name + " is not set");
    }
    return parse(v);
  }

  /** Formats a secret key as {@code 0x} + hex, the format {@link #parse} reads. */
  public static String format(MasterKeyPair key) {
    return "0x" + HexFormat.of().formatHex(key.secretKey().toBytes());
  }
}
