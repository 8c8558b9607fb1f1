package dev.haulout.cli.seal;

import dev.haulout.seal.crypto.bls.Scalar;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.crypto.ibe.ObjectIds;
import dev.haulout.seal.crypto.kdf.Sha3;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haulout seal keygen}: writes a keys.json with n test key servers. */
@Command(name = "keygen", mixinStandardHelpOptions = true, description = "Generate test key servers (keys.json).")
final class KeygenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--n", defaultValue = "3", description = "Number of key servers (1..255).")
  int n;

  @Option(names = "--out", required = true, description = "Output keys.json.")
  Path out;

  @Option(names = "--seed", description = "32-byte hex seed: seed-derived master keys (Permissioned derivation) and object ids.")
  String seed;

  @Option(names = "--package", description = "Package id (default: random, or derived from --seed).")
  String packageId;

  @Option(names = "--port-base", defaultValue = "18200", description = "Server i gets url http://127.0.0.1:<port-base+i>.")
  int portBase;

  @Override
  public Integer call() throws Exception {
    if (n < 1 || n > 255) {
      throw new IllegalArgumentException("--n must be in 1..255, got " + n);
    }
    SecureRandom rng = new SecureRandom();
    byte[] seedBytes = seed == null ? null : KeysFile.hex(seed);
    if (seedBytes != null && seedBytes.length != 32) {
      throw new IllegalArgumentException("--seed must be 32 bytes");
    }
    List<KeysFile.Server> servers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Scalar msk = seedBytes != null ? BonehFranklin.deriveMasterKey(seedBytes, i) : Scalar.random(rng);
      byte[] objectId = new byte[32];
      if (seedBytes != null) {
        objectId = Sha3.hash(ascii("seal-conformance/object-id"), seedBytes, ByteBuffer.allocate(8).putLong(i).array());
      } else {
        rng.nextBytes(objectId);
      }
      MasterKeyPair kp = MasterKeyPair.fromSecret(msk);
      servers.add(new KeysFile.Server("ks" + i, objectId, msk, kp.publicKey(), 1, "http://127.0.0.1:" + (portBase + i)));
    }
    byte[] pkg;
    if (packageId != null) {
      pkg = ObjectIds.parse(packageId);
    } else if (seedBytes != null) {
      pkg = Sha3.hash(ascii("seal-conformance/package-id"), seedBytes);
    } else {
      pkg = new byte[32];
      rng.nextBytes(pkg);
    }
    new KeysFile(pkg, servers).write(out);
    spec.commandLine().getErr().println("wrote " + out + ": " + n + " key servers, package " + ObjectIds.format(pkg));
    return 0;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
