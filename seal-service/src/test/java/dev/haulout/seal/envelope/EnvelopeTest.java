package dev.haulout.seal.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.seal.crypto.DataKeySealer;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.SealCryptoException;
import dev.haulout.seal.crypto.UserSecretKey;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeTest {
  private static final SecureRandom RNG = new SecureRandom();
  private static final byte[] PACKAGE = new byte[32];
  private static final byte[] INNER = {0x42};
  private static final List<MasterKeyPair> KEYS = new ArrayList<>();
  private static final List<KeyServerPublicKey> SERVERS = new ArrayList<>();
  private static byte[] dataKey;
  private static EncryptedObject sealedKey;

  @BeforeAll
  static void sealADataKey() {
    for (int i = 0; i < 3; i++) {
      MasterKeyPair k = MasterKeyPair.generate(RNG);
      KEYS.add(k);
      byte[] id = new byte[32];
      id[0] = (byte) (i + 1);
      SERVERS.add(new KeyServerPublicKey(id, k.publicKey()));
    }
    dataKey = DataKeySealer.newDataKey(RNG);
    sealedKey = DataKeySealer.seal(dataKey, PACKAGE, INNER, SERVERS, 2, RNG);
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    RNG.nextBytes(b);
    return b;
  }

  static byte[] envelope(byte[] plaintext, int chunkSize) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EnvelopeWriter.write(
        new ByteArrayInputStream(plaintext), plaintext.length, out, dataKey, sealedKey,
        "application/octet-stream", chunkSize, RNG);
    return out.toByteArray();
  }

  static byte[] decrypt(byte[] envelope, DataKeyResolver keys) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EnvelopeReader.decrypt(new ByteArrayInputStream(envelope), out, keys);
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0} bytes in chunks of {1}")
  @CsvSource({"0, 64", "1, 64", "63, 64", "64, 64", "65, 64", "1000, 64", "4096, 1024", "100000, 65536"})
  void roundTripsAnyLengthAroundChunkBoundaries(int length, int chunkSize) throws IOException {
    byte[] plain = random(length);
    byte[] env = envelope(plain, chunkSize);
    EnvelopeHeader h = EnvelopeHeader.read(new ByteArrayInputStream(env));
    assertEquals(h.envelopeLength(), env.length);
    assertArrayEquals(plain, decrypt(env, DataKeyResolver.of(dataKey)));
  }

  @Test
  void keyServersUnsealTheDataKeyFromTheHeader() throws IOException {
    byte[] plain = random(5000);
    byte[] env = envelope(plain, 1024);
    EnvelopeHeader h = EnvelopeHeader.read(new ByteArrayInputStream(env));
    byte[] fullId = h.sealedKeyObject().fullId();
    List<UserSecretKey> usks =
        List.of(
            new UserSecretKey(SERVERS.get(0).objectId(), BonehFranklin.extract(KEYS.get(0).secretKey(), fullId)),
            new UserSecretKey(SERVERS.get(2).objectId(), BonehFranklin.extract(KEYS.get(2).secretKey(), fullId)));
    assertArrayEquals(plain, decrypt(env, DataKeyResolver.fromUserSecretKeys(usks, SERVERS)));
    assertThrows(
        SealCryptoException.class,
        () -> decrypt(env, DataKeyResolver.fromUserSecretKeys(usks.subList(0, 1), SERVERS)));
  }

  @ParameterizedTest(name = "range [{0}, +{1})")
  @CsvSource({
    "0, 0", "0, 1", "0, 64", "64, 64", "63, 2", "10, 20", "128, 72", "100, 100", "0, 200", "199, 1", "64, 136"
  })
  void rangesReadOnlyTheChunksTheyNeed(long offset, long length) throws IOException {
    byte[] plain = random(200);
    byte[] env = envelope(plain, 64);
    CountingChannel ch = new CountingChannel(env);
    byte[] got;
    try (InputStream in = EnvelopeReader.openRange(ch, offset, length, DataKeyResolver.of(dataKey))) {
      got = in.readAllBytes();
    }
    assertArrayEquals(Arrays.copyOfRange(plain, (int) offset, (int) (offset + length)), got);
    int header = EnvelopeHeader.read(new ByteArrayInputStream(env)).encodedLength();
    long chunks = length == 0 ? 0 : (offset + length - 1) / 64 - offset / 64 + 1;
    assertTrue(
        ch.bodyBytesRead(header) <= chunks * (64 + 16),
        () -> "read " + ch.bodyBytesRead(header) + " body bytes for " + chunks + " chunk(s)");
  }

  @Test
  void rejectsRangesOutsideThePlaintext() throws IOException {
    byte[] env = envelope(random(100), 64);
    assertThrows(
        IllegalArgumentException.class,
        () -> EnvelopeReader.openRange(new CountingChannel(env), 90, 11, DataKeyResolver.of(dataKey)));
  }

  @Test
  void everySingleBitFlipFailsAuthentication() throws IOException {
    byte[] env = envelope(random(150), 64);
    for (int pos = 0; pos < env.length; pos++) {
      for (int bit = 0; bit < 8; bit += 3) {
        byte[] t = env.clone();
        t[pos] ^= (byte) (1 << bit);
        int p = pos;
        assertThrows(SealCryptoException.class, () -> decrypt(t, DataKeyResolver.of(dataKey)), () -> "flip at " + p);
      }
    }
    int header = EnvelopeHeader.read(new ByteArrayInputStream(env)).encodedLength();
    for (int pos = header; pos < env.length; pos++) {
      byte[] t = env.clone();
      t[pos] ^= 0x10;
      SealCryptoException e =
          assertThrows(SealCryptoException.class, () -> decrypt(t, DataKeyResolver.of(dataKey)));
      assertEquals(SealCryptoException.Code.AUTHENTICATION_FAILED, e.code());
      assertThrows(
          SealCryptoException.class,
          () -> EnvelopeReader.openRange(new CountingChannel(t), 0, 150, DataKeyResolver.of(dataKey)).readAllBytes());
    }
  }

  @Test
  void detectsTruncationExtensionAndReordering() throws IOException {
    byte[] plain = random(64 * 4);
    byte[] env = envelope(plain, 64);
    int header = EnvelopeHeader.read(new ByteArrayInputStream(env)).encodedLength();
    int sealedChunk = 64 + 16;
    DataKeyResolver k = DataKeyResolver.of(dataKey);
    // Whole final chunk dropped, and a single byte dropped.
    assertThrows(SealCryptoException.class, () -> decrypt(Arrays.copyOf(env, env.length - sealedChunk), k));
    assertThrows(SealCryptoException.class, () -> decrypt(Arrays.copyOf(env, env.length - 1), k));
    assertThrows(SealCryptoException.class, () -> decrypt(Arrays.copyOf(env, env.length + 1), k));
    assertThrows(
        SealCryptoException.class,
        () -> EnvelopeReader.openRange(new CountingChannel(Arrays.copyOf(env, env.length - sealedChunk)), 0, 10, k));
    // Chunks 1 and 2 swapped.
    byte[] swapped = env.clone();
    System.arraycopy(env, header + sealedChunk, swapped, header + 2 * sealedChunk, sealedChunk);
    System.arraycopy(env, header + 2 * sealedChunk, swapped, header + sealedChunk, sealedChunk);
    SealCryptoException e = assertThrows(SealCryptoException.class, () -> decrypt(swapped, k));
    assertEquals(SealCryptoException.Code.AUTHENTICATION_FAILED, e.code());
    // A shortened plaintext whose last full chunk is presented as final: the final flag differs.
    byte[] shortHeader = new EnvelopeHeader(64, 64 * 3, EnvelopeHeader.read(new ByteArrayInputStream(env)).salt(),
        "application/octet-stream", sealedKey.toBytes()).toBytes();
    byte[] cut = new byte[shortHeader.length + 3 * sealedChunk];
    System.arraycopy(shortHeader, 0, cut, 0, shortHeader.length);
    System.arraycopy(env, header, cut, shortHeader.length, 3 * sealedChunk);
    assertThrows(SealCryptoException.class, () -> decrypt(cut, k));
  }

  @Test
  void wrongDataKeyFailsAuthentication() throws IOException {
    byte[] env = envelope(random(10), 64);
    SealCryptoException e =
        assertThrows(SealCryptoException.class, () -> decrypt(env, DataKeyResolver.of(random(32))));
    assertEquals(SealCryptoException.Code.AUTHENTICATION_FAILED, e.code());
  }

  /** Counts the bytes read through an in-memory channel. */
  static final class CountingChannel implements SeekableByteChannel {
    private final ByteArrayChannel inner;
    private long read;

    CountingChannel(byte[] data) {
      this.inner = new ByteArrayChannel(data);
    }

    long bodyBytesRead(int headerLength) {
      return read - headerLength;
    }

    @Override
    public int read(ByteBuffer dst) {
      int n = inner.read(dst);
      read += Math.max(0, n);
      return n;
    }

    @Override
    public int write(ByteBuffer src) {
      return inner.write(src);
    }

    @Override
    public long position() {
      return inner.position();
    }

    @Override
    public SeekableByteChannel position(long p) {
      inner.position(p);
      return this;
    }

    @Override
    public long size() {
      return inner.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      return inner.truncate(size);
    }

    @Override
    public boolean isOpen() {
      return inner.isOpen();
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
