package dev.haulout.marketplace.adapter.upload;

import dev.haulout.marketplace.application.port.UploadFiles;
import dev.haulout.marketplace.config.MarketplaceConfig;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@link UploadFiles} in a local directory ({@code haulout.upload.dir}): {@code <id>.bin} per upload.
 * The blocking calls run on Vert.x worker threads; a failure of the disk is logged here and reported
 * as {@code UNAVAILABLE}.
 */
@ApplicationScoped
public class LocalUploadFiles implements UploadFiles {
  private static final Logger LOG = Logger.getLogger(LocalUploadFiles.class);
  /** Upload ids are 22 URL-safe Base64 characters; anything else never reaches the file system. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Vertx vertx;
  private final Path dir;

  public LocalUploadFiles(Vertx vertx, MarketplaceConfig config) {
    this.vertx = vertx;
    this.dir = Path.of(config.upload().dir()).toAbsolutePath();
  }

  @Override
  public Path path(String uploadId) {
    if (!ID.matcher(uploadId).matches()) {
      throw new IllegalArgumentException("not an upload id: " + uploadId);
    }
    return dir.resolve(uploadId + ".bin");
  }

  @Override
  public Uni<Void> create(String uploadId) {
    return blocking(() -> {
      Files.createDirectories(dir);
      Files.newByteChannel(path(uploadId), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
      // the new directory entry must survive a crash as well as the file's later content
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      }
      return null;
    });
  }

  @Override
  public Uni<FileChannel> openAt(String uploadId, long offset) {
    return blocking(() -> {
      FileChannel ch = FileChannel.open(path(uploadId), StandardOpenOption.WRITE);
      try {
        if (ch.size() > offset) {
          ch.truncate(offset);
        }
        ch.position(ch.size());
        return ch;
      } catch (IOException e) {
        ch.close();
        throw e;
      }
    });
  }

  @Override
  public Uni<Void> write(FileChannel channel, ByteBuffer data) {
    return blocking(() -> {
      while (data.hasRemaining()) {
        channel.write(data);
      }
      return null;
    });
  }

  @Override
  public Uni<Void> close(FileChannel channel, boolean sync) {
    return blocking(() -> {
      try (channel) {
        if (sync) {
          channel.force(true);
        }
      }
      return null;
    });
  }

  @Override
  public Uni<Boolean> delete(String uploadId) {
    return blocking(() -> Files.deleteIfExists(path(uploadId)));
  }

  private <T> Uni<T> blocking(Callable<T> work) {
    return Uni.createFrom()
        .completionStage(() -> vertx.getOrCreateContext().executeBlocking(work, false).toCompletionStage())
        .onFailure(IOException.class).transform(e -> {
          LOG.error("upload store failure", e);
          return new CatalogException(ErrorCode.UNAVAILABLE, "the upload store is unavailable; retry later", e);
        });
  }
}
