package dev.haulout.chain.model;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one set of limits on what a transaction may say, enforced by the ledger where the
 * transaction enters (documented in chain/README.md, "Limits on transaction text"). The catalog
 * (marketplace-api) applies the same constants, so whatever the ledger accepts the catalog can
 * store, and whatever the catalog would drop the ledger refuses.
 *
 * <p>Lengths are counted in UTF-16 code units ({@link String#length()}), as the catalog counts
 * them. Every text field must be well-formed Unicode (no unpaired surrogate) and contain no
 * control character (Unicode category Cc: U+0000–U+001F, U+007F–U+009F); only the multi-line
 * fields {@code description} and {@code schemaSummary} may contain {@code \n} and {@code \t}.
 * Refusals throw {@link LedgerException} with {@link ErrorCode#INVALID_TEXT},
 * {@link ErrorCode#FIELD_TOO_LONG} or {@link ErrorCode#INVALID_TAG}.
 */
public final class ListingLimits {
  /** Title: required, not blank. Catalog {@code Listing.MAX_TITLE}. */
  public static final int MAX_TITLE = 200;
  /** Catalog {@code Listing.MAX_DESCRIPTION}. */
  public static final int MAX_DESCRIPTION = 10_000;
  /** At most this many tags (before and after de-duplication). Catalog {@code Listing.MAX_TAGS}. */
  public static final int MAX_TAGS = 16;
  /** A tag, after trimming and lower-casing (the catalog's normal form), must match this. */
  public static final String TAG_REGEX = "[a-z0-9][a-z0-9-]{0,31}";
  /** Raw tag length before trimming (the normal form is at most 32). */
  public static final int MAX_TAG_RAW = 64;
  /** The Walrus blob ID (base64url of 32 bytes is 43 characters); the catalog column is varchar(64). */
  public static final int MAX_BLOB_ID = 64;
  public static final String BLOB_ID_REGEX = "[A-Za-z0-9_-]{1," + MAX_BLOB_ID + "}";
  public static final int MAX_SEALED_KEY_REF = 1_024;
  public static final int MAX_LICENSE = 200;
  public static final int MAX_FORMAT = 64;
  public static final int MAX_SCHEMA_SUMMARY = 10_000;
  public static final int MAX_PREVIEW_REF = 1_024;
  /** Addresses on a private listing's allowlist (CreateListing, UpdateListing and AllowlistAdd). */
  public static final int MAX_ALLOWLIST = 1_000;
  /** RegisterNode: the node's name. */
  public static final int MAX_NODE_NAME = 128;
  /** RegisterNode: base64 of the 48-byte BLS key is 64 characters. */
  public static final int MAX_BLS_PUBLIC_KEY = 128;

  /**
   * The largest event envelope (UTF-8 JSON) a transaction may emit; a transaction whose event
   * would be larger is refused with {@link ErrorCode#EVENT_TOO_LARGE} and changes nothing. Well
   * below Kafka's default 1 MiB {@code max.request.size}, so every event the ledger stores can be
   * published. The listing limits above keep a listing event under about 100 KB.
   */
  public static final int MAX_EVENT_BYTES = 256 * 1024;

  private static final Pattern TAG = Pattern.compile(TAG_REGEX);
  private static final Pattern BLOB_ID = Pattern.compile(BLOB_ID_REGEX);

  private ListingLimits() {}

  /**
   * Checks every field of a listing spec; throws {@link LedgerException} naming the field. An empty
   * (or null) {@code blobId} is a listing without content yet (a draft, see {@link ListingStatus}).
   */
  public static void validate(ListingSpec s) {
    String blobId = text("blobId", s.blobId(), MAX_BLOB_ID, false);
    if (!blobId.isEmpty() && !BLOB_ID.matcher(blobId).matches()) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, "blobId must match " + BLOB_ID_REGEX);
    }
    text("sealedKeyRef", s.sealedKeyRef(), MAX_SEALED_KEY_REF, false);
    String title = text("title", s.title(), MAX_TITLE, false);
    if (title.isBlank()) {
      throw new LedgerException(ErrorCode.INVALID_TEXT, "title is required");
    }
    text("description", s.description(), MAX_DESCRIPTION, true);
    normalizeTags(s.tags());
    text("license", s.license(), MAX_LICENSE, false);
    text("format", s.format(), MAX_FORMAT, false);
    text("schemaSummary", s.schemaSummary(), MAX_SCHEMA_SUMMARY, true);
    text("previewRef", s.previewRef(), MAX_PREVIEW_REF, false);
    allowlist(s.allowlist());
  }

  /** An allowlist of at most {@link #MAX_ALLOWLIST} addresses (null = public listing). */
  public static void allowlist(List<String> allow) {
    if (allow != null && allow.size() > MAX_ALLOWLIST) {
      throw new LedgerException(ErrorCode.FIELD_TOO_LONG,
          "allowlist has " + allow.size() + " addresses, at most " + MAX_ALLOWLIST);
    }
  }

  /**
   * The catalog's normal form of a tag list: each tag trimmed and lower-cased must match
   * {@link #TAG_REGEX}; duplicates are dropped keeping order; at most {@link #MAX_TAGS}.
   */
  public static List<String> normalizeTags(List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    if (tags.size() > MAX_TAGS) {
      throw new LedgerException(ErrorCode.INVALID_TAG, "at most " + MAX_TAGS + " tags, got " + tags.size());
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (int i = 0; i < tags.size(); i++) {
      out.add(normalizeTag("tags[" + i + "]", tags.get(i)));
    }
    return List.copyOf(out);
  }

  /** One tag in normal form, or {@link ErrorCode#INVALID_TAG}. */
  public static String normalizeTag(String field, String tag) {
    String raw = text(field, tag, MAX_TAG_RAW, false);
    String t = raw.trim().toLowerCase(Locale.ROOT);
    if (!TAG.matcher(t).matches()) {
      throw new LedgerException(ErrorCode.INVALID_TAG, field + " must match " + TAG_REGEX + " (after trim and lower-case)");
    }
    return t;
  }

  /**
   * A text field: null counts as empty; at most {@code max} UTF-16 units; well-formed; no control
   * character except {@code \n} and {@code \t} when {@code multiLine}. Returns the value (never null).
   */
  public static String text(String field, String value, int max, boolean multiLine) {
    String v = value == null ? "" : value;
    if (v.length() > max) {
      throw new LedgerException(ErrorCode.FIELD_TOO_LONG, field + " is " + v.length() + " characters, at most " + max);
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
          i++;
          continue;
        }
        throw new LedgerException(ErrorCode.INVALID_TEXT, field + " has an unpaired surrogate at index " + i);
      }
      if (Character.isLowSurrogate(c)) {
        throw new LedgerException(ErrorCode.INVALID_TEXT, field + " has an unpaired surrogate at index " + i);
      }
      if (Character.getType(c) == Character.CONTROL && !(multiLine && (c == '\n' || c == '\t'))) {
        throw new LedgerException(ErrorCode.INVALID_TEXT,
            String.format(Locale.ROOT, "%s has control character U+%04X at index %d", field, (int) c, i));
      }
    }
    return v;
  }
}
