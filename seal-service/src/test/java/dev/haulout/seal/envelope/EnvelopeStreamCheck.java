package dev.haulout.seal.envelope;

import dev.haulout.seal.crypto.DataKeySealer;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams {@code args[0]} bytes of generated data through envelope encryption and decryption
 * (connected by a pipe, nothing on disk) and verifies every output byte. Run by {@link
 * LargeEnvelopeTest} in a separate JVM with a small heap; prints {@code OK <bytes> <millis>}.
 */
public final class EnvelopeStreamCheck {
  private EnvelopeStreamCheck() {}

  public static void main(String[] args) throws Exception {
    long length = Long.parseLong(args[0]);
    int chunkSize = args.length > 1 ? Integer.parseInt(args[1]) : EnvelopeHeader.DEFAULT_CHUNK_SIZE;
    SecureRandom rng = new SecureRandom();
    MasterKeyPair server = MasterKeyPair.generate(rng);
    byte[] dataKey = DataKeySealer.newDataKey(rng);
    EncryptedObject sealed =
        DataKeySealer.seal(dataKey, new byte[32], new byte[] {1}, List.of(new KeyServerPublicKey(new byte[32], server.publicKey())), 1, rng);

    Pipe pipe = new Pipe(1 << 20, 4);
    AtomicReference<Throwable> writerError = new AtomicReference<>();
    long start = System.nanoTime();
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream out = pipe.sink()) {
                EnvelopeWriter.write(new Generated(length), length, out, dataKey, sealed, "application/octet-stream", chunkSize, rng);
              } catch (Throwable t) {
                writerError.set(t);
              }
            });
    writer.start();
    Verifier verifier = new Verifier();
    EnvelopeReader.decrypt(pipe.source(), verifier, DataKeyResolver.of(dataKey));
    writer.join();
    if (writerError.get() != null) {
      throw new IllegalStateException("writer failed", writerError.get());
    }
    if (verifier.count != length) {
      throw new IllegalStateException("decrypted " + verifier.count + " of " + length + " bytes");
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.println("OK " + length + " " + ms + " maxHeap=" + Runtime.getRuntime().maxMemory());
  }

  /** Deterministic pseudo-random bytes: byte i = low byte of an xorshift of i/8. */
  static long word(long i) {
    long x = i * 0x9E3779B97F4A7C15L + 1;
    x ^= x << 13;
    x ^= x >>> 7;
    x ^= x << 17;
    return x;
  }

  static byte at(long pos) {
    return (byte) (word(pos >>> 3) >>> ((pos & 7) * 8));
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Fills b[off, off+n) with the bytes at stream positions pos..; 8 bytes at a time when aligned. */
  static void fill(byte[] b, int off, int n, long pos) {
    int i = 0;
    while (i < n && ((pos + i) & 7) != 0) {
      b[off + i] = at(pos + i);
      i++;
    }
    for (; i + 8 <= n; i += 8) {
      LONGS.set(b, off + i, word((pos + i) >>> 3));
    }
    for (; i < n; i++) {
      b[off + i] = at(pos + i);
    }
  }

  /** The generated plaintext as a stream. */
  static final class Generated extends InputStream {
    private final long length;
    private long pos;

    Generated(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      return pos < length ? at(pos++) & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= length) {
        return -1;
      }
      int n = (int) Math.min(len, length - pos);
      fill(b, off, n, pos);
      pos += n;
      return n;
    }
  }

  /** Compares the decrypted stream against the generator. */
  static final class Verifier extends OutputStream {
    long count;
    private byte[] expected = new byte[0];

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (expected.length < len) {
        expected = new byte[len];
      }
      fill(expected, 0, len, count);
      int m = Arrays.mismatch(b, off, off + len, expected, 0, len);
      if (m >= 0) {
        throw new IOException("mismatch at byte " + (count + m));
      }
      count += len;
    }
  }

  /**
   * A bounded in-memory pipe between two threads: the sink hands over full buffers through a
   * queue of {@code depth} slots (java.io.PipedInputStream's 1-second wait/notify polling is far
   * too slow for GB/s streams). An empty array marks the end.
   */
  static final class Pipe {
    private final BlockingQueue<byte[]> queue;
    private final int bufferSize;

    Pipe(int bufferSize, int depth) {
      this.bufferSize = bufferSize;
      this.queue = new ArrayBlockingQueue<>(depth);
    }

    OutputStream sink() {
      return new OutputStream() {
        private byte[] buf = new byte[bufferSize];
        private int n;

        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          while (len > 0) {
            int k = Math.min(len, buf.length - n);
            System.arraycopy(b, off, buf, n, k);
            n += k;
            off += k;
            len -= k;
            if (n == buf.length) {
              put(buf);
              buf = new byte[bufferSize];
              n = 0;
            }
          }
        }

        @Override
        public void close() throws IOException {
          if (n > 0) {
            put(Arrays.copyOf(buf, n));
          }
          put(new byte[0]);
        }

        private void put(byte[] b) throws IOException {
          try {
            queue.put(b);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
          }
        }
      };
    }

    InputStream source() {
      return new InputStream() {
        private byte[] buf = new byte[0];
        private int pos;
        private boolean eof;

        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (len == 0) {
            return 0;
          }
          while (pos == buf.length) {
            if (eof) {
              return -1;
            }
            try {
              buf = queue.take();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IOException(e);
            }
            pos = 0;
            eof = buf.length == 0;
          }
          int k = Math.min(len, buf.length - pos);
          System.arraycopy(buf, pos, b, off, k);
          pos += k;
          return k;
        }
      };
    }
  }
}
