package dev.haulout.storage.embedded;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.storage.bls.BlsKeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A node's persistent identity in its data directory: the BLS protocol key seed, the operator
 * wallet ({@code suiprivkey…}) and the chosen port, each in an owner-only file.
 */
record NodeKeys(BlsKeyPair bls, Ed25519KeyPair wallet, int port) {
  static NodeKeys loadOrCreate(Path dir, int requestedPort) {
    try {
      Files.createDirectories(dir);
      Path blsFile = dir.resolve("bls.seed");
      Path walletFile = dir.resolve("wallet.key");
      Path portFile = dir.resolve("port");
      if (!Files.exists(blsFile)) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        writeSecret(blsFile, HexFormat.of().formatHex(seed));
      }
      if (!Files.exists(walletFile)) {
        writeSecret(walletFile, Ed25519KeyPair.generate().toSuiPrivateKey());
      }
      BlsKeyPair bls = BlsKeyPair.fromSeed(HexFormat.of().parseHex(Files.readString(blsFile).trim()));
      Ed25519KeyPair wallet = Ed25519KeyPair.fromSuiPrivateKey(Files.readString(walletFile).trim());
      int port = requestedPort;
      if (port == 0 && Files.exists(portFile)) {
        port = Integer.parseInt(Files.readString(portFile).trim());
      }
      return new NodeKeys(bls, wallet, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load node keys in " + dir, e);
    }
  }

  static void savePort(Path dir, int port) {
    try {
      Files.writeString(dir.resolve("port"), Integer.toString(port));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save port in " + dir, e);
    }
  }

  private static void writeSecret(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // non-POSIX file system
    }
  }
}
