package dev.haulout.marketplace.adapter.embedded;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.server.MasterKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded key servers' master keys, one file each ({@code ks-<i>.key}, mode 600). Created once
 * and then reused: a lost master key makes every dataset sealed to that server undecryptable by it.
 */
final class MasterKeyStore {
  private MasterKeyStore() {}

  static List<MasterKeyPair> loadOrCreate(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    SecureRandom rng = new SecureRandom();
    List<MasterKeyPair> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Path f = dir.resolve("ks-" + i + ".key");
      if (!Files.exists(f)) {
        MasterKeyPair k = MasterKeyPair.generate(rng);
        Path tmp = dir.resolve("ks-" + i + ".key.tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, MasterKeys.format(k) + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      keys.add(MasterKeys.fromFile(f));
    }
    return keys;
  }

  /**
   * The key servers' operator: the Ed25519 account that registers them on the ledger and owns
   * their {@code KeyServer} objects ({@code operator.key}, a {@code suiprivkey1…}, mode 600).
   * Created once: with the same master keys and operator, a restart finds the same objects.
   */
  static Ed25519KeyPair operatorKey(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path f = dir.resolve("operator.key");
    if (!Files.exists(f)) {
      Path tmp = dir.resolve("operator.key.tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, Ed25519KeyPair.generate().toSuiPrivateKey() + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.WRITE);
      Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      return Ed25519KeyPair.fromSuiPrivateKey(Files.readString(f, StandardCharsets.UTF_8).trim());
    } catch (IllegalArgumentException e) {
      throw new IOException(f + " does not hold a suiprivkey (Ed25519)", e);
    }
  }
}
