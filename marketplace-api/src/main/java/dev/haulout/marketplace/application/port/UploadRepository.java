package dev.haulout.marketplace.application.port;

import dev.haulout.marketplace.domain.Upload;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Durable state of resumable uploads: what survives a restart of marketplace-api. */
public interface UploadRepository {
  Uni<Void> insert(Upload upload);

  /** The upload, or null when there is none with that id. */
  Uni<Upload> find(String id);

  /**
   * Moves the acknowledged offset from {@code expectedOffset} to {@code upload.offset()} (and its
   * expiry and completion time); false when the stored offset was not {@code expectedOffset}.
   */
  Uni<Boolean> advance(Upload upload, long expectedOffset);

  /** True when it existed. */
  Uni<Boolean> delete(String id);

  /** Unfinished uploads whose expiry is at or before {@code nowMs}, oldest first, at most {@code limit}. */
  Uni<List<Upload>> expired(long nowMs, int limit);
}
