package dev.haulout.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Checks on files given to commands, so a bad path gets a one-line reason naming the file. */
public final class InputFiles {
  private InputFiles() {}

  /** The size of {@code file}, which must exist and be a regular file (a directory is refused). */
  public static long regularFileSize(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    if (!Files.isRegularFile(file)) {
      throw new FileSystemException(file.toString(), null, "not a regular file");
    }
    return Files.size(file);
  }
}
