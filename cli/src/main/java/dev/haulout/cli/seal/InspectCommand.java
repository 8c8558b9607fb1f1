package dev.haulout.cli.seal;

import dev.haulout.seal.crypto.Ciphertext;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.ServiceEntry;
import dev.haulout.seal.crypto.ibe.ObjectIds;
import dev.haulout.seal.envelope.EnvelopeHeader;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code haulout seal inspect}: prints a Seal object or an envelope header (no keys needed). */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Print the fields of a Seal object or envelope.")
final class InspectCommand implements Callable<Integer> {
  private static final HexFormat HEX = HexFormat.of();

  @Spec CommandSpec spec;

  @Option(names = "--in", required = true, description = "Seal object or envelope.")
  Path in;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    byte[] head;
    try (InputStream s = Files.newInputStream(in)) {
      head = s.readNBytes(4);
    }
    if (Arrays.equals(head, EnvelopeHeader.MAGIC)) {
      EnvelopeHeader h;
      try (InputStream s = Files.newInputStream(in)) {
        h = EnvelopeHeader.read(s);
      }
      w.println("envelope:      version " + EnvelopeHeader.VERSION);
      w.println("content type:  " + h.contentType());
      w.println("total length:  " + h.totalLength());
      w.println("chunk size:    " + h.chunkSize() + " (" + h.chunkCount() + " chunks)");
      w.println("header length: " + h.encodedLength());
      w.println("file length:   " + Files.size(in) + " (expected " + h.envelopeLength() + ")");
      w.println("sealed data key:");
      print(w, h.sealedKeyObject(), "  ");
    } else {
      print(w, EncryptedObject.fromBytes(Files.readAllBytes(in)), "");
    }
    w.flush();
    return 0;
  }

  static void print(PrintWriter w, EncryptedObject o, String p) {
    w.println(p + "version:       " + EncryptedObject.VERSION);
    w.println(p + "package id:    " + ObjectIds.format(o.packageId()));
    w.println(p + "inner id:      " + HEX.formatHex(o.id()));
    w.println(p + "threshold:     " + o.threshold() + " of " + o.services().size());
    for (int i = 0; i < o.services().size(); i++) {
      ServiceEntry s = o.services().get(i);
      w.println(p + "  service " + i + ": " + ObjectIds.format(s.objectId()) + " index " + s.index()
          + " share " + HEX.formatHex(o.encryptedShares().get(i)));
    }
    w.println(p + "nonce (G2):    " + HEX.formatHex(o.nonce().toBytes()));
    w.println(p + "enc. rand.:    " + HEX.formatHex(o.encryptedRandomness()));
    Ciphertext c = o.ciphertext();
    if (c instanceof Ciphertext.Aes256Gcm a) {
      w.println(p + "ciphertext:    Aes256Gcm, " + a.blob().length + " bytes, aad " + aad(a.aad()));
    } else if (c instanceof Ciphertext.Hmac256Ctr h) {
      w.println(p + "ciphertext:    Hmac256Ctr, " + h.blob().length + " bytes, aad " + aad(h.aad())
          + ", mac " + HEX.formatHex(h.mac()));
    } else {
      w.println(p + "ciphertext:    Plain");
    }
  }

  private static String aad(byte[] aad) {
    return aad == null ? "none" : "0x" + HEX.formatHex(aad);
  }
}
