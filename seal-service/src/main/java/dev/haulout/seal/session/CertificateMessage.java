package dev.haulout.seal.session;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The personal message a user's wallet signs to authorise a session key, byte for byte as the
 * Seal SDK builds it ({@code session-key.ts getPersonalMessage}, {@code seal-sdk signed_message}):
 * {@code Accessing keys of package {P} for {ttl} mins from {YYYY-MM-DD HH:MM:SS} UTC, session key {b64}}.
 */
public final class CertificateMessage {
  private static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private CertificateMessage() {}

  /**
   * @param packageName the MVR name if set, else the package id as {@code 0x} + 64 lower-case hex
   * @param creationTimeMs milliseconds since the epoch (truncated to seconds in the text)
   */
  public static String text(String packageName, int ttlMin, long creationTimeMs, byte[] sessionVk) {
    if (packageName == null || packageName.isEmpty()) {
      throw new IllegalArgumentException("package name must not be empty");
    }
    String time = UTC_SECONDS.format(Instant.ofEpochMilli(Math.floorDiv(creationTimeMs, 1000) * 1000));
    return "Accessing keys of package "
        + packageName
        + " for "
        + ttlMin
        + " mins from "
        + time
        + " UTC, session key "
        + Base64.getEncoder().encodeToString(sessionVk);
  }

  /** UTF-8 bytes of {@link #text}. */
  public static byte[] bytes(String packageName, int ttlMin, long creationTimeMs, byte[] sessionVk) {
    return text(packageName, ttlMin, creationTimeMs, sessionVk).getBytes(StandardCharsets.UTF_8);
  }
}
