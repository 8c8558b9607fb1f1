package dev.haulout.cli.market;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tus.java.client.TusURLStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * tus-java-client's fingerprint → upload URL store, kept in a JSON file so a publish interrupted
 * (Ctrl-C, a dropped connection, the server restarting) resumes from the last acknowledged offset
 * when the same command runs again.
 */
public final class FileUrlStore implements TusURLStore {
  private final Path file;

  public FileUrlStore(Path file) {
    this.file = file;
  }

  static FileUrlStore fromEnvironment() {
    String xdg = Env.get("XDG_STATE_HOME", null);
    Path base = xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
    return new FileUrlStore(base.resolve("haulout").resolve("uploads.json"));
  }

  @Override
  public synchronized void set(String fingerprint, URL url) {
    Map<String, String> m = read();
    m.put(fingerprint, url.toString());
    write(m);
  }

  @Override
  public synchronized URL get(String fingerprint) {
    String u = read().get(fingerprint);
    try {
      return u == null ? null : new URL(u);
    } catch (MalformedURLException e) {
      return null;
    }
  }

  @Override
  public synchronized void remove(String fingerprint) {
    Map<String, String> m = read();
    if (m.remove(fingerprint) != null) {
      write(m);
    }
  }

  private Map<String, String> read() {
    if (!Files.exists(file)) {
      return new TreeMap<>();
    }
    try {
      return Market.json().readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() {});
    } catch (IOException e) {
      return new TreeMap<>(); // unreadable: start over (an upload then begins anew, nothing is lost)
    }
  }

  private void write(Map<String, String> m) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".uploads", ".tmp");
      Files.write(tmp, Market.json().writeValueAsBytes(m));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
