package dev.haulout.bench.seal;

import dev.haulout.seal.crypto.DataKeySealer;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.envelope.ByteArrayChannel;
import dev.haulout.seal.envelope.DataKeyResolver;
import dev.haulout.seal.envelope.EnvelopeReader;
import dev.haulout.seal.envelope.EnvelopeWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Envelope throughput on one thread: one operation = a whole {@code sizeMiB} MiB envelope
 * (bytes/s = ops/s x size). {@code rawGcm} is the JCE AES-256-GCM ceiling over the same chunks.
 * Run: {@code java -jar bench/target/benchmarks.jar EnvelopeBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EnvelopeBenchmark {
  @Param({"65536", "1048576"})
  int chunkSize;

  @Param({"64"})
  int sizeMiB;

  private byte[] plaintext;
  private byte[] envelope;
  private byte[] dataKey;
  private EncryptedObject sealedKey;
  private SecureRandom rng;
  private Cipher gcm;
  private byte[] gcmOut;

  @Setup
  public void setup() throws Exception {
    rng = new SecureRandom();
    plaintext = new byte[sizeMiB << 20];
    rng.nextBytes(plaintext);
    MasterKeyPair server = MasterKeyPair.generate(rng);
    dataKey = DataKeySealer.newDataKey(rng);
    sealedKey =
        DataKeySealer.seal(dataKey, new byte[32], new byte[] {1},
            List.of(new KeyServerPublicKey(new byte[32], server.publicKey())), 1, rng);
    ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + (1 << 20));
    EnvelopeWriter.write(new ByteArrayInputStream(plaintext), plaintext.length, out, dataKey,
        sealedKey, "application/octet-stream", chunkSize, rng);
    envelope = out.toByteArray();
    gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcmOut = new byte[chunkSize + 16];
  }

  @Benchmark
  public long encrypt() throws IOException {
    Counting sink = new Counting();
    EnvelopeWriter.write(new ByteArrayInputStream(plaintext), plaintext.length, sink, dataKey,
        sealedKey, "application/octet-stream", chunkSize, rng);
    return sink.count;
  }

  @Benchmark
  public long decrypt() throws IOException {
    Counting sink = new Counting();
    EnvelopeReader.decrypt(new ByteArrayInputStream(envelope), sink, DataKeyResolver.of(dataKey));
    return sink.count;
  }

  /** Reads the middle 1 MiB through openRange (touches one or two chunks, plus the header). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long rangeMiddleMiB() throws IOException {
    try (InputStream in = EnvelopeReader.openRange(new ByteArrayChannel(envelope),
        plaintext.length / 2 + 12345, 1 << 20, DataKeyResolver.of(dataKey))) {
      return in.transferTo(OutputStream.nullOutputStream());
    }
  }

  /** JCE AES-256-GCM over the same chunk layout without any envelope code: the ceiling. */
  @Benchmark
  public long rawGcm() throws Exception {
    SecretKeySpec key = new SecretKeySpec(dataKey, "AES");
    byte[] iv = new byte[12];
    long n = 0;
    for (int off = 0, i = 0; off < plaintext.length; off += chunkSize, i++) {
      iv[8] = (byte) (i >>> 24);
      iv[9] = (byte) (i >>> 16);
      iv[10] = (byte) (i >>> 8);
      iv[11] = (byte) i;
      iv[0]++;
      gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      n += gcm.doFinal(plaintext, off, Math.min(chunkSize, plaintext.length - off), gcmOut, 0);
    }
    return n;
  }

  static final class Counting extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
