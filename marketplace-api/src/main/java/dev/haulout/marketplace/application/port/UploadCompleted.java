package dev.haulout.marketplace.application.port;

import io.smallrye.mutiny.Uni;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a finished upload goes next: the publish pipeline (encrypt, seal, store, list) implements
 * this. Called once, after the last byte is durable and acknowledged in the store; the file stays
 * where it is until the implementation takes it. A failure is logged and does not undo the upload.
 */
public interface UploadCompleted {
  Uni<Void> completed(FinishedUpload upload);

  /** A complete upload: its owner (OIDC subject), size, decoded Upload-Metadata and file. */
  record FinishedUpload(String id, String owner, long length, Map<String, String> metadata, Path file) {}
}
