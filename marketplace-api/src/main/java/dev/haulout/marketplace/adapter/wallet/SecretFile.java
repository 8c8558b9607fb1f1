package dev.haulout.marketplace.adapter.wallet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A random secret of the embedded default kept in a file (base64, one line, mode 600): created
 * once through a temporary file moved into place atomically, so concurrent starts agree on one
 * value; read on every later start.
 */
final class SecretFile {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretFile() {}

  static byte[] loadOrCreate(Path file, int length) throws IOException {
    if (!Files.exists(file)) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] raw = new byte[length];
      RANDOM.nextBytes(raw);
      Path tmp = file.resolveSibling(file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.WRITE);
      Arrays.fill(raw, (byte) 0);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.deleteIfExists(tmp);
        if (!Files.exists(file)) {
          throw e;
        }
      }
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not base64");
    }
    if (raw.length != length) {
      throw new IOException(file + " must hold " + length + " bytes, holds " + raw.length);
    }
    return raw;
  }
}
