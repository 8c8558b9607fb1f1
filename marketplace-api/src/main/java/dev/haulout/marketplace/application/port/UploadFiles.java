package dev.haulout.marketplace.application.port;

import io.smallrye.mutiny.Uni;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Where the bytes of uploads live: one file per upload. The file I/O runs off the event loop; each
 * {@code Uni} completes back on the caller's context.
 */
public interface UploadFiles {
  /** The file of an upload (it may not exist). */
  Path path(String uploadId);

  /** Creates the empty file of a new upload (and the directory when missing). */
  Uni<Void> create(String uploadId);

  /**
   * Opens the file for appending at the acknowledged {@code offset}: bytes past it (written but never
   * acknowledged, as a crash mid-PATCH leaves them) are cut off. The channel is positioned at its
   * end, which is before {@code offset} only if acknowledged data was lost.
   */
  Uni<FileChannel> openAt(String uploadId, long offset);

  /** Writes all of {@code data} at the channel's position. */
  Uni<Void> write(FileChannel channel, ByteBuffer data);

  /** Closes the channel, first forcing its content and size to the disk when {@code sync}. */
  Uni<Void> close(FileChannel channel, boolean sync);

  /** Removes the file; true when it existed. */
  Uni<Boolean> delete(String uploadId);
}
