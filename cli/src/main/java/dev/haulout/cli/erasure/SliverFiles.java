package dev.haulout.cli.erasure;

import dev.haulout.erasure.Axis;
import java.nio.file.Path;

/** File layout of {@code haulout encode}: {@code metadata.bcs} plus one BCS file per sliver. */
final class SliverFiles {
  static final String METADATA = "metadata.bcs";

  private SliverFiles() {}

  static Path sliver(Path dir, Axis axis, int index) {
    return dir.resolve(String.format("%s-%05d.bcs", axis.pathName(), index));
  }

  /** A sliver file's axis and sliver index. */
  record Name(Axis axis, int index) {}

  /** Parses {@code primary-00012.bcs}; returns {@code null} for other names. */
  static Name parse(String name) {
    for (Axis a : Axis.values()) {
      String prefix = a.pathName() + "-";
      if (name.startsWith(prefix) && name.endsWith(".bcs")) {
        try {
          return new Name(a, Integer.parseInt(name.substring(prefix.length(), name.length() - 4)));
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }
}
