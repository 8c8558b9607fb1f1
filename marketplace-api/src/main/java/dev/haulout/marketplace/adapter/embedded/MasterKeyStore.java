package dev.haulout.marketplace.adapter.embedded;

import dev.haulout.wire.Blake2b256;
import dev.haulout.wire.SuiAddress;
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

  /** A stable stand-in for the on-chain KeyServer object id: BLAKE2b-256 of the master public key. */
  static SuiAddress objectIdOf(MasterKeyPair k) {
    return SuiAddress.parse("0x" + java.util.HexFormat.of().formatHex(Blake2b256.hash(k.publicKey().toBytes())));
  }
}
