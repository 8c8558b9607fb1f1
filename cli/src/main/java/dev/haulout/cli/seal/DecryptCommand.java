package dev.haulout.cli.seal;

import dev.haulout.seal.crypto.DataKeySealer;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.SealDecryptor;
import dev.haulout.seal.envelope.DataKeyResolver;
import dev.haulout.seal.envelope.EnvelopeHeader;
import dev.haulout.seal.envelope.EnvelopeReader;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code haulout seal decrypt}: decrypts a Seal object or an envelope (detected by its magic).
 * Output is staged in a temporary file and moved into place only after full authentication.
 */
@Command(name = "decrypt", mixinStandardHelpOptions = true, description = "Decrypt an object or envelope with keys.json master keys.")
final class DecryptCommand implements Callable<Integer> {
  @Option(names = "--keys", required = true, description = "keys.json (seal-conformance-keys-v1).")
  Path keys;

  @Option(names = "--in", required = true, description = "Seal object or envelope.")
  Path in;

  @Option(names = "--out", required = true, description = "Plaintext output (Plain objects: the 32-byte DEM key).")
  Path out;

  @Option(names = "--use", description = "Comma-separated server positions whose keys to use (default: all with a masterKey).")
  String use;

  @Option(names = "--no-check", description = "Skip usk verification and the share-consistency check.")
  boolean noCheck;

  @Option(names = "--range", description = "Envelope only: OFFSET:LENGTH of plaintext to decrypt (reads only those chunks).")
  String range;

  @Override
  public Integer call() throws Exception {
    KeysFile file = KeysFile.read(keys);
    UserKeySource source = new MasterKeyUserKeySource(selected(file));
    List<KeyServerPublicKey> pks = noCheck ? null : allPublicKeys(file);
    Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".haulout-decrypt", ".part");
    try {
      if (isEnvelope()) {
        DataKeyResolver keysFor =
            header -> {
              EncryptedObject o = header.sealedKeyObject();
              return DataKeySealer.unseal(o, source.userSecretKeys(o), pks);
            };
        decryptEnvelope(keysFor, tmp);
      } else {
        if (range != null) {
          throw new IllegalArgumentException("--range applies to envelopes only");
        }
        EncryptedObject o = EncryptedObject.fromBytes(Files.readAllBytes(in));
        Files.write(tmp, SealDecryptor.decrypt(o, source.userSecretKeys(o), pks));
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return 0;
  }

  private void decryptEnvelope(DataKeyResolver keysFor, Path tmp) throws Exception {
    if (range == null) {
      try (InputStream src = new BufferedInputStream(Files.newInputStream(in), 1 << 16);
          OutputStream dst = Files.newOutputStream(tmp)) {
        EnvelopeReader.decrypt(src, dst, keysFor);
      }
      return;
    }
    String[] parts = range.split(":");
    if (parts.length != 2) {
      throw new IllegalArgumentException("--range must be OFFSET:LENGTH, got " + range);
    }
    try (FileChannel ch = FileChannel.open(in, StandardOpenOption.READ);
        InputStream r = EnvelopeReader.openRange(ch, Long.parseLong(parts[0]), Long.parseLong(parts[1]), keysFor);
        OutputStream dst = Files.newOutputStream(tmp)) {
      r.transferTo(dst);
    }
  }

  private boolean isEnvelope() throws Exception {
    try (InputStream s = Files.newInputStream(in)) {
      return Arrays.equals(s.readNBytes(4), EnvelopeHeader.MAGIC);
    }
  }

  private List<KeysFile.Server> selected(KeysFile file) {
    List<KeysFile.Server> out = new ArrayList<>();
    if (use == null) {
      for (KeysFile.Server s : file.servers()) {
        if (s.masterKey() != null) {
          out.add(s);
        }
      }
      return out;
    }
    for (String p : use.split(",")) {
      int i = Integer.parseInt(p.trim());
      if (i < 0 || i >= file.servers().size()) {
        throw new IllegalArgumentException("--use: no server at position " + i);
      }
      out.add(file.servers().get(i));
    }
    return out;
  }

  private static List<KeyServerPublicKey> allPublicKeys(KeysFile file) {
    List<KeyServerPublicKey> out = new ArrayList<>();
    for (KeysFile.Server s : file.servers()) {
      out.add(s.publicKeyEntry());
    }
    return out;
  }
}
