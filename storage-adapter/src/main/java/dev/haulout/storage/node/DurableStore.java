package dev.haulout.storage.node;

import dev.haulout.wire.Blake2b256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node's on-disk store: one directory per blob (named by the base64url blob ID) holding
 * {@code metadata}, {@code p<pair>} and {@code s<pair>} files. Every file is {@code
 * BLAKE2b-256(content) ‖ content}, written to a temporary file, fsynced, atomically renamed and
 * the directory fsynced, so a crash leaves either the old or the new file and a bit flip on disk
 * is detected on read: the damaged file is deleted (and counted) so self-healing rebuilds it.
 */
public final class DurableStore {
  private final Path root;
  private final AtomicLong corruptFilesDetected = new AtomicLong();

  private DurableStore(Path root) {
    this.root = root;
  }

  public static DurableStore open(Path root) {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + root, e);
    }
    return new DurableStore(root);
  }

  public Path root() {
    return root;
  }

  public long corruptFilesDetected() {
    return corruptFilesDetected.get();
  }

  /** Atomically and durably writes {@code content} as {@code blob/name}. */
  public void write(String blob, String name, byte[] content) {
    writeAll(blob, java.util.Map.of(name, content));
  }

  /**
   * Atomically and durably writes several files of {@code blob} at once (group commit): every
   * temporary file is written, then all are fsynced concurrently (the file system's journal
   * commits concurrent fsyncs together), then renamed, then the directory is fsynced once. When
   * this returns, every file is on stable storage; if it throws, none of the new files is visible
   * (the temporary files are removed), though files renamed before a rename failure may remain.
   */
  public void writeAll(String blob, java.util.Map<String, byte[]> files) {
    if (files.isEmpty()) {
      return;
    }
    Path dir = root.resolve(blob);
    String suffix = ".tmp-" + Thread.currentThread().getId();
    List<FileChannel> open = new ArrayList<>(files.size());
    List<Path> tmps = new ArrayList<>(files.size());
    boolean done = false;
    try {
      Files.createDirectories(dir);
      for (java.util.Map.Entry<String, byte[]> f : files.entrySet()) {
        Path tmp = dir.resolve(f.getKey() + suffix);
        tmps.add(tmp);
        FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
        open.add(ch);
        ByteBuffer head = ByteBuffer.wrap(Blake2b256.hash(f.getValue()));
        ByteBuffer body = ByteBuffer.wrap(f.getValue());
        while (head.hasRemaining() || body.hasRemaining()) {
          ch.write(new ByteBuffer[] {head, body});
        }
      }
      forceAll(open);
      int i = 0;
      for (String name : files.keySet()) {
        Path target = dir.resolve(name);
        try {
          Files.move(tmps.get(i), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmps.get(i), target, StandardCopyOption.REPLACE_EXISTING);
        }
        i++;
      }
      fsyncDirectory(dir);
      done = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + (files.size() == 1 ? dir.resolve(files.keySet().iterator().next())
          : files.size() + " files of " + dir), e);
    } finally {
      for (FileChannel ch : open) {
        try {
          ch.close();
        } catch (IOException e) {
          // closing after force: the data is already synced (or the write failed anyway)
        }
      }
      if (!done) {
        for (Path t : tmps) {
          try {
            Files.deleteIfExists(t);
          } catch (IOException e) {
            // a leftover temporary file is ignored by names() and removed with the blob
          }
        }
      }
    }
  }

  /** Threads fsyncing the files of one {@link #writeAll} concurrently. */
  static final int SYNC_THREADS = 8;

  private static final java.util.concurrent.ExecutorService SYNC = java.util.concurrent.Executors.newFixedThreadPool(SYNC_THREADS, r -> {
    Thread t = new Thread(r, "durable-store-fsync");
    t.setDaemon(true);
    return t;
  });

  /** fsyncs every channel, up to {@link #SYNC_THREADS} at a time, and returns when all are done. */
  private static void forceAll(List<FileChannel> channels) throws IOException {
    if (channels.size() == 1) {
      channels.get(0).force(true);
      return;
    }
    List<java.util.concurrent.Future<?>> fs = new ArrayList<>(channels.size());
    for (FileChannel ch : channels) {
      fs.add(SYNC.submit(() -> {
        ch.force(true);
        return null;
      }));
    }
    IOException failure = null;
    for (java.util.concurrent.Future<?> f : fs) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while syncing");
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The content of {@code blob/name} if present and intact; a corrupt file is deleted. */
  public Optional<byte[]> read(String blob, String name) {
    Path p = root.resolve(blob).resolve(name);
    byte[] all;
    try {
      all = Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
    if (all.length >= 32) {
      byte[] content = Arrays.copyOfRange(all, 32, all.length);
      if (MessageDigest.isEqual(Arrays.copyOf(all, 32), Blake2b256.hash(content))) {
        return Optional.of(content);
      }
    }
    corruptFilesDetected.incrementAndGet();
    delete(blob, name);
    return Optional.empty();
  }

  public boolean exists(String blob, String name) {
    return Files.exists(root.resolve(blob).resolve(name));
  }

  public void delete(String blob, String name) {
    try {
      Files.deleteIfExists(root.resolve(blob).resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + blob + "/" + name, e);
    }
  }

  /**
   * Deletes every file of {@code blob} (temporary files included) and its directory; returns the
   * number of stored files removed. A file written concurrently may keep the directory alive.
   */
  public int deleteBlob(String blob) {
    Path dir = root.resolve(blob);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int n = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (Files.deleteIfExists(p) && !p.getFileName().toString().contains(".tmp-")) {
          n++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete blob " + blob, e);
    }
    try {
      Files.deleteIfExists(dir);
      fsyncDirectory(root);
    } catch (IOException e) {
      // not empty: a concurrent write; the next collection removes it
    }
    return n;
  }

  /** File names stored for {@code blob} (no temporary files). */
  public List<String> names(String blob) {
    List<String> out = new ArrayList<>();
    Path dir = root.resolve(blob);
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (!n.contains(".tmp-")) {
          out.add(n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return out;
  }

  /** Blob directory names currently on disk. */
  public List<String> blobs() {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
      for (Path p : ds) {
        if (Files.isDirectory(p)) {
          out.add(p.getFileName().toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    return out;
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems cannot open directories; the rename itself is still atomic
    }
  }
}
