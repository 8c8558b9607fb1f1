package dev.haulout.erasure.quilt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A named small blob to batch into a quilt: identifier, bytes and optional string tags.
 * Identifiers must be non-empty, at most 65535 UTF-8 bytes, without control characters or
 * trailing whitespace (walrus-core {@code validate_quilt_identifier}). Immutable.
 */
public final class QuiltBlob {
  private final String identifier;
  private final byte[] data;
  private final SortedMap<String, String> tags;

  private QuiltBlob(String identifier, byte[] data, SortedMap<String, String> tags) {
    this.identifier = identifier;
    this.data = data;
    this.tags = tags;
  }

  public static QuiltBlob of(String identifier, byte[] data) {
    return of(identifier, data, Map.of());
  }

  /**
   * @throws IllegalArgumentException naming the identifier if it is invalid
   */
  public static QuiltBlob of(String identifier, byte[] data, Map<String, String> tags) {
    validateIdentifier(identifier);
    TreeMap<String, String> sorted = new TreeMap<>(QuiltTags.UTF8_ORDER);
    sorted.putAll(tags);
    return new QuiltBlob(identifier, data.clone(), Collections.unmodifiableSortedMap(sorted));
  }

  static void validateIdentifier(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("quilt identifier is empty");
    }
    if (id.getBytes(StandardCharsets.UTF_8).length > 0xFFFF) {
      throw new IllegalArgumentException("quilt identifier too long: " + id.getBytes(StandardCharsets.UTF_8).length + " bytes");
    }
    if (Character.isWhitespace(id.charAt(id.length() - 1)) || id.charAt(id.length() - 1) == '\u00A0') {
      throw new IllegalArgumentException("quilt identifier has trailing whitespace: \"" + id + "\"");
    }
    if (id.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("quilt identifier contains control characters: \"" + id + "\"");
    }
  }

  public String identifier() {
    return identifier;
  }

  public byte[] data() {
    return data.clone();
  }

  byte[] dataView() {
    return data;
  }

  /** Tags, sorted by UTF-8 bytes of the key (BCS {@code BTreeMap} order). */
  public SortedMap<String, String> tags() {
    return tags;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof QuiltBlob)) {
      return false;
    }
    QuiltBlob b = (QuiltBlob) o;
    return identifier.equals(b.identifier) && Arrays.equals(data, b.data) && tags.equals(b.tags);
  }

  @Override
  public int hashCode() {
    return identifier.hashCode() * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "QuiltBlob[" + identifier + ", " + data.length + " bytes, tags " + tags + "]";
  }
}
