package dev.haulout.cli.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code $XDG_CONFIG_HOME/haulout/session.json} (or {@code ~/.config/haulout/session.json}), written
 * atomically and readable by its owner only (mode 600; the folder 700). A file others can read is
 * refused rather than used.
 */
public final class SessionStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
  private final Path file;

  public SessionStore(Path file) {
    this.file = file;
  }

  /** The store at the XDG location of this environment. */
  public static SessionStore fromEnvironment(Map<String, String> env) {
    return new SessionStore(configHome(env).resolve("haulout").resolve("session.json"));
  }

  static Path configHome(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg);
    }
    return Path.of(System.getProperty("user.home"), ".config");
  }

  public Path file() {
    return file;
  }

  public Optional<Session> load() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_RW)) {
        throw new CliError("SESSION_FILE_UNSAFE", file + " is readable by others (mode "
            + PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
            + "); run 'haulout logout' and log in again");
      }
      return Optional.of(JSON.readValue(file.toFile(), Session.class));
    } catch (IOException e) {
      throw new CliError("SESSION_FILE_INVALID", "cannot read " + file + ": run 'haulout login' again");
    }
  }

  public void save(Session s) {
    try {
      Path dir = file.getParent();
      if (posix()) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
      Path tmp = posix()
          ? Files.createTempFile(dir, ".session", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_RW))
          : Files.createTempFile(dir, ".session", ".tmp");
      try {
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(s));
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Deletes the session; false when there was none. */
  public boolean delete() {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
