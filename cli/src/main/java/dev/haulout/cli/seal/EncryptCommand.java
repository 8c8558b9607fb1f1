package dev.haulout.cli.seal;

import dev.haulout.seal.crypto.DataKeySealer;
import dev.haulout.seal.crypto.DemType;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.SealEncryptor;
import dev.haulout.seal.crypto.ibe.ObjectIds;
import dev.haulout.seal.envelope.EnvelopeHeader;
import dev.haulout.seal.envelope.EnvelopeWriter;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code haulout seal encrypt}: a Seal object (small inputs) or a streaming envelope. */
@Command(name = "encrypt", mixinStandardHelpOptions = true, description = "Encrypt to the key servers of keys.json.")
final class EncryptCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--keys", required = true, description = "keys.json (seal-conformance-keys-v1).")
  Path keys;

  @Option(names = "--id", required = true, description = "Inner identity, hex (the package id is prefixed).")
  String id;

  @Option(names = "--in", required = true, description = "Plaintext file.")
  Path in;

  @Option(names = "--out", required = true, description = "Output file.")
  Path out;

  @Option(names = "--threshold", description = "Shares needed (default: min(2, number of shares)).")
  Integer threshold;

  @Option(names = "--dem", defaultValue = "aes", description = "aes | hmac | plain (object mode only).")
  String dem;

  @Option(names = "--aad", description = "Additional authenticated data, hex (object mode only).")
  String aad;

  @Option(names = "--servers", description = "Comma-separated server positions in keys.json, repeats = weight (default: each server `weight` times).")
  String serverList;

  @Option(names = "--package", description = "Override the package id of keys.json.")
  String packageId;

  @Option(names = "--key-out", description = "Write the DEM key (object mode) or data key (envelope) as hex: a secret that decrypts alone.")
  Path keyOut;

  @Option(names = "--envelope", description = "Stream the input into a chunked envelope (any size, bounded memory).")
  boolean envelope;

  @Option(names = "--content-type", defaultValue = "application/octet-stream", description = "Envelope content type.")
  String contentType;

  @Option(names = "--chunk-size", defaultValue = "1048576", description = "Envelope chunk size in bytes.")
  int chunkSize;

  @Override
  public Integer call() throws Exception {
    KeysFile file = KeysFile.read(keys);
    List<KeyServerPublicKey> servers = selectServers(file);
    int t = threshold != null ? threshold : Math.min(2, servers.size());
    byte[] pkg = packageId != null ? ObjectIds.parse(packageId) : file.packageId();
    byte[] inner = KeysFile.hex(id);
    SecureRandom rng = new SecureRandom();
    byte[] secret;
    if (envelope) {
      byte[] dataKey = DataKeySealer.newDataKey(rng);
      EncryptedObject sealed = DataKeySealer.seal(dataKey, pkg, inner, servers, t, rng);
      EnvelopeHeader h;
      try (InputStream src = new BufferedInputStream(Files.newInputStream(in), 1 << 16);
          OutputStream dst = Files.newOutputStream(out)) {
        h = EnvelopeWriter.write(src, Files.size(in), dst, dataKey, sealed, contentType, chunkSize, rng);
      }
      secret = dataKey;
      spec.commandLine().getErr().printf(
          "envelope: %d bytes in %d chunk(s), %d-of-%d, identity %s%n",
          h.totalLength(), h.chunkCount(), t, servers.size(), HexFormat.of().formatHex(sealed.fullId()));
    } else {
      SealEncryptor.Result r =
          SealEncryptor.encrypt(
              pkg, inner, servers, t, demType(), Files.readAllBytes(in),
              aad == null ? null : KeysFile.hex(aad), rng);
      Files.write(out, r.object().toBytes());
      secret = r.demKey();
      spec.commandLine().getErr().printf(
          "object: %d bytes, %s, %d-of-%d%n", r.object().toBytes().length, demType(), t, servers.size());
    }
    if (keyOut != null) {
      Files.writeString(keyOut, HexFormat.of().formatHex(secret) + "\n");
    }
    return 0;
  }

  private DemType demType() {
    return switch (dem) {
      case "aes" -> DemType.AES_256_GCM;
      case "hmac" -> DemType.HMAC_256_CTR;
      case "plain" -> DemType.PLAIN;
      default -> throw new IllegalArgumentException("--dem must be aes, hmac or plain, got " + dem);
    };
  }

  private List<KeyServerPublicKey> selectServers(KeysFile file) {
    List<KeyServerPublicKey> out = new ArrayList<>();
    if (serverList != null) {
      for (String s : serverList.split(",")) {
        int i = Integer.parseInt(s.trim());
        if (i < 0 || i >= file.servers().size()) {
          throw new IllegalArgumentException("--servers: no server at position " + i);
        }
        out.add(file.servers().get(i).publicKeyEntry());
      }
    } else {
      for (KeysFile.Server s : file.servers()) {
        for (int w = 0; w < s.weight(); w++) {
          out.add(s.publicKeyEntry());
        }
      }
    }
    return out;
  }
}
