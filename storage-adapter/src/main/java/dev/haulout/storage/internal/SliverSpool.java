package dev.haulout.storage.internal;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.encoding.SliverSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where the encoder's 2n slivers wait for registration and upload: in memory for small blobs,
 * in a temporary directory for large ones, so a store never holds all slivers of a large blob
 * in the heap. Thread-safe; {@link #close()} deletes the spill directory.
 */
public final class SliverSpool implements SliverSink, AutoCloseable {
  private final Path dir;
  private final ConcurrentHashMap<String, SliverData> memory = new ConcurrentHashMap<>();

  private SliverSpool(Path dir) {
    this.dir = dir;
  }

  public static SliverSpool inMemory() {
    return new SliverSpool(null);
  }

  public static SliverSpool onDisk() {
    try {
      return new SliverSpool(Files.createTempDirectory("haulout-slivers"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a spool directory", e);
    }
  }

  @Override
  public void accept(SliverData s) {
    String name = key(s.axis(), s.index());
    if (dir == null) {
      memory.put(name, s);
      return;
    }
    try {
      Files.write(dir.resolve(name), s.toBcs());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spool " + s, e);
    }
  }

  public SliverData get(Axis axis, int index) {
    String name = key(axis, index);
    if (dir == null) {
      SliverData s = memory.get(name);
      if (s == null) {
        throw new IllegalStateException("no spooled " + axis.pathName() + " sliver " + index);
      }
      return s;
    }
    try {
      return SliverData.fromBcs(axis, Files.readAllBytes(dir.resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spooled " + name, e);
    }
  }

  private static String key(Axis axis, int index) {
    return (axis == Axis.PRIMARY ? "p" : "s") + index;
  }

  @Override
  public void close() {
    memory.clear();
    if (dir != null) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // best effort: temp files
      }
    }
  }
}
