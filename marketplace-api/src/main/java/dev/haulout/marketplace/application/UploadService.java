package dev.haulout.marketplace.application;

import dev.haulout.marketplace.application.port.UploadCompleted;
import dev.haulout.marketplace.application.port.UploadFiles;
import dev.haulout.marketplace.application.port.UploadRepository;
import dev.haulout.marketplace.config.MarketplaceConfig;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.Upload;
import dev.haulout.marketplace.domain.UploadMetadata;
import dev.haulout.marketplace.domain.Viewer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Resumable uploads (the use cases behind tus 1.0): sellers create an upload of a declared size and
 * append to it in PATCHes until it is complete. Every acknowledged offset is durable: the bytes up to
 * it are fsynced before the store records it, so a crash or a restart resumes exactly there. At most
 * one PATCH per upload writes at a time (a second one gets {@code UPLOAD_LOCKED}); a caller sees
 * only their own uploads (anyone else's are {@code NOT_FOUND}).
 */
@ApplicationScoped
public class UploadService {
  private static final Logger LOG = Logger.getLogger(UploadService.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int CLEANUP_BATCH = 100;

  private final UploadRepository repository;
  private final UploadFiles files;
  private final UploadCompleted next;
  private final MarketplaceConfig.Uploads config;
  private final Set<String> writing = ConcurrentHashMap.newKeySet();

  public UploadService(UploadRepository repository, UploadFiles files, UploadCompleted next, MarketplaceConfig config) {
    this.repository = repository;
    this.files = files;
    this.next = next;
    this.config = config.upload();
  }

  public long maxSize() {
    return config.maxSize().asLongValue();
  }

  /** A new, empty upload of {@code length} bytes owned by the caller, who needs the {@code seller} role. */
  public Uni<Upload> create(Viewer viewer, long length, String metadata) {
    String owner = Access.requireRole(viewer, "seller").subject();
    if (length < 0) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "Upload-Length must be 0 or more, not " + length);
    }
    if (length > maxSize()) {
      throw new CatalogException(ErrorCode.PAYLOAD_TOO_LARGE,
          "Upload-Length " + length + " is over the limit of " + maxSize() + " bytes (Tus-Max-Size)");
    }
    try {
      UploadMetadata.parse(metadata);
    } catch (IllegalArgumentException e) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
    }
    long now = System.currentTimeMillis();
    Upload upload = new Upload(newId(), owner, length, 0, metadata == null || metadata.isBlank() ? null : metadata,
        now, now + config.expiry().toMillis(), length == 0 ? now : null);
    return files.create(upload.id())
        .chain(() -> repository.insert(upload))
        .call(() -> upload.isComplete() ? handOver(upload) : Uni.createFrom().voidItem())
        .replaceWith(upload);
  }

  /** The caller's upload; NOT_FOUND when it does not exist or is someone else's, UPLOAD_EXPIRED when it expired. */
  public Uni<Upload> find(Viewer viewer, String id) {
    String owner = Access.requireSignedIn(viewer).subject();
    return repository.find(id).map(u -> {
      if (u == null || !u.owner().equals(owner)) {
        throw new CatalogException(ErrorCode.NOT_FOUND, "no upload " + id);
      }
      if (u.isExpired(System.currentTimeMillis())) {
        throw new CatalogException(ErrorCode.UPLOAD_EXPIRED, "upload " + id + " expired unfinished");
      }
      return u;
    });
  }

  /**
   * Starts appending to the caller's upload at {@code offset} (which must be its acknowledged offset)
   * a body of {@code declaredLength} bytes (-1 when the length is not declared). Holds the upload's
   * write lock until {@link Append#finish} or {@link Append#abandon}.
   */
  public Uni<Append> append(Viewer viewer, String id, long offset, long declaredLength) {
    return find(viewer, id).chain(u -> {
      if (offset != u.offset()) {
        throw new CatalogException(ErrorCode.UPLOAD_OFFSET_MISMATCH,
            "Upload-Offset " + offset + " is not the upload's offset " + u.offset());
      }
      if (declaredLength > u.remaining()) {
        throw new CatalogException(ErrorCode.PAYLOAD_TOO_LARGE, "a body of " + declaredLength
            + " bytes at offset " + offset + " would pass Upload-Length " + u.length());
      }
      if (!writing.add(id)) {
        throw new CatalogException(ErrorCode.UPLOAD_LOCKED, "upload " + id + " is being written by another request");
      }
      return files.openAt(id, offset)
          .onFailure().invoke(() -> writing.remove(id))
          .chain(channel -> {
            long size = sizeOf(channel);
            if (size == offset) {
              return Uni.createFrom().item(new Append(u, channel));
            }
            // Acknowledged bytes are missing (the disk lost them): move the offset back to what is
            // there, so the client's HEAD resumes from data that exists.
            LOG.warnf("upload %s: file has %d bytes, %d were acknowledged; offset moved back", id, size, offset);
            return files.close(channel, false)
                .chain(() -> repository.advance(u.advancedTo(size, u.expiresMs(), System.currentTimeMillis()), offset))
                .eventually(() -> writing.remove(id))
                .map(ok -> {
                  throw new CatalogException(ErrorCode.UPLOAD_OFFSET_MISMATCH,
                      "upload " + id + " is at offset " + size + "; ask HEAD and resume from there");
                });
          });
    });
  }

  /** Removes the caller's upload and its data (termination); UPLOAD_LOCKED while a PATCH writes to it. */
  public Uni<Void> terminate(Viewer viewer, String id) {
    String owner = Access.requireSignedIn(viewer).subject();
    return repository.find(id).chain(u -> {
      if (u == null || !u.owner().equals(owner)) {
        throw new CatalogException(ErrorCode.NOT_FOUND, "no upload " + id);
      }
      if (!writing.add(id)) {
        throw new CatalogException(ErrorCode.UPLOAD_LOCKED, "upload " + id + " is being written by another request");
      }
      return remove(id).eventually(() -> writing.remove(id)).replaceWithVoid();
    });
  }

  /** Removes unfinished uploads that expired at or before {@code nowMs}; returns how many. */
  public Uni<Integer> removeExpired(long nowMs) {
    return repository.expired(nowMs, CLEANUP_BATCH).chain(expired -> {
      Uni<Integer> removed = Uni.createFrom().item(0);
      for (Upload u : expired) {
        if (!writing.add(u.id())) {
          continue; // a PATCH is writing right now and will refresh the expiry
        }
        removed = removed.chain(n -> remove(u.id()).eventually(() -> writing.remove(u.id())).map(x -> n + 1));
      }
      return removed;
    });
  }

  private Uni<Boolean> remove(String id) {
    return repository.delete(id).call(() -> files.delete(id));
  }

  private Uni<Void> handOver(Upload u) {
    return next.completed(new UploadCompleted.FinishedUpload(u.id(), u.owner(), u.length(), u.metadataPairs(),
            files.path(u.id())))
        .onFailure().recoverWithItem(e -> {
          LOG.errorf(e, "upload %s is complete but the next stage failed", u.id());
          return null;
        });
  }

  private static long sizeOf(FileChannel channel) {
    try {
      return channel.size();
    } catch (java.io.IOException e) {
      throw new CatalogException(ErrorCode.UNAVAILABLE, "the upload store is unavailable; retry later", e);
    }
  }

  private static String newId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** One PATCH in progress: its upload (as it was when the PATCH began) and the file being appended to. */
  public final class Append {
    private final Upload upload;
    private final FileChannel channel;
    private long queued;
    private long written;
    private boolean done;

    Append(Upload upload, FileChannel channel) {
      this.upload = upload;
      this.channel = channel;
    }

    public Upload upload() {
      return upload;
    }

    /** Bytes this PATCH may still take before it would pass Upload-Length. */
    public long room() {
      return upload.remaining() - queued;
    }

    /**
     * Appends {@code data} (at most {@link #room()} bytes) to the file; not durable until {@link
     * #finish}. Callers wait for one write before the next: only completed writes count.
     */
    public Uni<Void> write(ByteBuffer data) {
      if (data.remaining() > room()) {
        throw new IllegalArgumentException(data.remaining() + " bytes do not fit in the " + room() + " left");
      }
      int n = data.remaining();
      queued += n;
      return files.write(channel, data).invoke(() -> written += n);
    }

    /**
     * Makes what was written durable (fsync), records the new offset and releases the upload; hands
     * a complete upload to the next stage. Also the path after an interrupted body: what arrived is kept.
     */
    public Uni<Upload> finish() {
      done = true;
      long now = System.currentTimeMillis();
      Upload after = upload.advancedTo(upload.offset() + written, now + config.expiry().toMillis(), now);
      return files.close(channel, true)
          .chain(() -> written == 0 ? Uni.createFrom().item(true) : repository.advance(after, upload.offset()))
          .eventually(() -> writing.remove(upload.id()))
          .chain(ok -> {
            if (!ok) {
              throw new CatalogException(ErrorCode.UPLOAD_OFFSET_MISMATCH,
                  "upload " + upload.id() + " moved on during this PATCH; ask HEAD for its offset");
            }
            Upload result = written == 0 ? upload : after;
            return written > 0 && result.isComplete() ? handOver(result).replaceWith(result)
                : Uni.createFrom().item(result);
          });
    }

    /** Releases the upload without recording anything (the request failed before any byte was taken). */
    public Uni<Void> abandon() {
      if (done) {
        return Uni.createFrom().voidItem();
      }
      done = true;
      return files.close(channel, false).eventually(() -> writing.remove(upload.id()));
    }
  }
}
