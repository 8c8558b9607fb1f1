package dev.haulout.marketplace.domain;

import java.util.Map;

/**
 * A resumable upload (tus 1.0): {@code offset} of {@code length} bytes have been received, written
 * and made durable. The offset only grows, one acknowledged PATCH at a time.
 *
 * @param id          random, URL-safe; the last segment of the upload's URL
 * @param owner       OIDC subject of the seller who created it (only they may see or extend it)
 * @param length      total size declared at creation (Upload-Length)
 * @param offset      bytes acknowledged so far, {@code 0 <= offset <= length}
 * @param metadata    the Upload-Metadata header as sent (null when none), echoed by HEAD
 * @param createdMs   creation time, epoch milliseconds
 * @param expiresMs   when an unfinished upload expires (refreshed by every PATCH)
 * @param completedMs when the last byte arrived; null while unfinished
 */
public record Upload(String id, String owner, long length, long offset, String metadata,
    long createdMs, long expiresMs, Long completedMs) {

  public Upload {
    if (length < 0 || offset < 0 || offset > length) {
      throw new IllegalArgumentException("upload offset " + offset + " outside 0.." + length);
    }
  }

  public boolean isComplete() {
    return offset == length;
  }

  /** An unfinished upload past its expiry; a complete one never expires here (publishing takes it over). */
  public boolean isExpired(long nowMs) {
    return !isComplete() && nowMs >= expiresMs;
  }

  public long remaining() {
    return length - offset;
  }

  /** The decoded Upload-Metadata pairs (empty when none). */
  public Map<String, String> metadataPairs() {
    return UploadMetadata.parse(metadata);
  }

  public Upload advancedTo(long newOffset, long newExpiresMs, long nowMs) {
    return new Upload(id, owner, length, newOffset, metadata, createdMs, newExpiresMs,
        newOffset == length ? Long.valueOf(nowMs) : null);
  }
}
