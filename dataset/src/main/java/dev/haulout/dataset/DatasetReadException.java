package dev.haulout.dataset;

import dev.haulout.chain.AccessDecision;
import dev.haulout.seal.client.KeyFetchException;
import dev.haulout.seal.crypto.SealCryptoException;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import java.io.IOException;
import java.util.Objects;

/**
 * Why a dataset read failed, as a stable {@link Code} (the gateway's error codes). An {@link
 * IOException} so a reader's stream can fail with it midway; it never carries key material.
 */
public final class DatasetReadException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Stable reasons; {@link #name()} is the wire string. */
  public enum Code {
    /** The key servers refused: the reader holds no pass, rental or allowlist entry. */
    NO_ACCESS,
    /** The key servers refused: the reader's rental has run out. */
    RENTAL_EXPIRED,
    /** The blob is not on the network (or was invalidated). */
    BLOB_NOT_FOUND,
    /** A chunk or the header failed authentication, or the blob is shorter than its header says. */
    CONTENT_CORRUPT,
    /** Too few key servers or storage nodes answered; retrying later may help. */
    UNAVAILABLE,
    /** The requested plaintext range lies outside the dataset. */
    RANGE_NOT_SATISFIABLE
  }

  private final Code code;

  public DatasetReadException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public Code code() {
    return code;
  }

  /** The stable code of a failure from the key servers, the envelope or the storage network. */
  public static DatasetReadException of(Throwable t) {
    if (t instanceof DatasetReadException d) {
      return d;
    }
    if (t instanceof KeyFetchException k) {
      return fromKeyServers(k);
    }
    if (t instanceof SealCryptoException s) {
      return new DatasetReadException(Code.CONTENT_CORRUPT, "content failed authentication: " + s.getMessage(), s);
    }
    if (t instanceof StorageException s) {
      StorageErrorCode c = s.errorCode();
      if (s.isNotFound() || c == StorageErrorCode.BLOB_NOT_FOUND || c == StorageErrorCode.BLOB_INVALID
          || c == StorageErrorCode.METADATA_NOT_FOUND) {
        return new DatasetReadException(Code.BLOB_NOT_FOUND, s.getMessage(), s);
      }
      return new DatasetReadException(Code.UNAVAILABLE, "storage: [" + s.code() + "] " + s.getMessage(), s);
    }
    if (t instanceof IOException && t.getCause() != null && t.getCause() != t) {
      DatasetReadException inner = of(t.getCause());
      if (inner.code != Code.UNAVAILABLE || t.getCause() instanceof StorageException) {
        return inner;
      }
    }
    if (t instanceof java.io.EOFException) {
      return new DatasetReadException(Code.CONTENT_CORRUPT, "blob shorter than its envelope: " + t.getMessage(), t);
    }
    return new DatasetReadException(Code.UNAVAILABLE, "read failed: " + t, t);
  }

  private static DatasetReadException fromKeyServers(KeyFetchException k) {
    boolean expired = k.failures().stream()
        .anyMatch(f -> f.message() != null && f.message().contains(AccessDecision.Reason.RENTAL_EXPIRED.name()));
    if (expired) {
      return new DatasetReadException(Code.RENTAL_EXPIRED, "the key servers refused: the rental has expired", k);
    }
    if ("NoAccess".equals(k.majorityError())) {
      return new DatasetReadException(Code.NO_ACCESS, "the key servers refused: no access to this listing", k);
    }
    return new DatasetReadException(Code.UNAVAILABLE, "key servers: [" + k.code() + "] " + k.getMessage(), k);
  }
}
