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
    Path dir = root.resolve(blob);
    Path target = dir.resolve(name);
    Path tmp = dir.resolve(name + ".tmp-" + Thread.currentThread().getId());
    try {
      Files.createDirectories(dir);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer head = ByteBuffer.wrap(Blake2b256.hash(content));
        ByteBuffer body = ByteBuffer.wrap(content);
        while (head.hasRemaining() || body.hasRemaining()) {
          ch.write(new ByteBuffer[] {head, body});
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      fsyncDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
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
