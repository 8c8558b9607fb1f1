package dev.haulout.marketplace.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tus {@code Upload-Metadata} header: comma-separated pairs of a key and an optional
 * Base64-encoded value, separated by one space (tus 1.0.0, creation extension). Keys are unique,
 * non-empty and contain no space or comma; values here must decode to UTF-8 text without U+0000,
 * since they end up in listings (a file name, a content type).
 */
public final class UploadMetadata {
  /** Longest header accepted; tus-js-client sends a file name and type, far below this. */
  public static final int MAX_LENGTH = 4096;

  private UploadMetadata() {}

  /** The decoded pairs of a header (null or blank: none); {@link IllegalArgumentException} naming the bad pair. */
  public static Map<String, String> parse(String header) {
    if (header == null || header.isBlank()) {
      return Map.of();
    }
    if (header.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "Upload-Metadata is " + header.length() + " characters, over the limit of " + MAX_LENGTH);
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : header.split(",", -1)) {
      String p = pair.strip();
      int space = p.indexOf(' ');
      String key = space < 0 ? p : p.substring(0, space);
      String encoded = space < 0 ? "" : p.substring(space + 1);
      if (key.isEmpty() || encoded.indexOf(' ') >= 0) {
        throw new IllegalArgumentException("Upload-Metadata pair '" + Texts.printable(p, 80)
            + "' is not 'key' or 'key base64value'");
      }
      if (pairs.containsKey(key)) {
        throw new IllegalArgumentException("Upload-Metadata key '" + Texts.printable(key, 80) + "' appears twice");
      }
      pairs.put(key, Texts.requireStorable("Upload-Metadata value of '" + key + "'", decode(key, encoded)));
    }
    return Collections.unmodifiableMap(pairs);
  }

  private static String decode(String key, String encoded) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Upload-Metadata value of '" + Texts.printable(key, 80) + "' is not Base64");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("Upload-Metadata value of '" + Texts.printable(key, 80) + "' is not UTF-8");
    }
  }
}
