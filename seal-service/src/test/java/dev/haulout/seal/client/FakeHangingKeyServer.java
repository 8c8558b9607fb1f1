package dev.haulout.seal.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failure injection: accepts TCP connections on loopback, reads whatever the client sends and never
 * answers (a hung key server). It counts the connections the client gave up on (closed from the
 * client's side), so a test can tell, without timing anything, whether the client was still
 * waiting for this server when it returned.
 */
final class FakeHangingKeyServer implements AutoCloseable {
  private final ServerSocket socket;
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final AtomicInteger closedByClient = new AtomicInteger();
  private volatile boolean closing;

  FakeHangingKeyServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try {
                  Socket s = socket.accept();
                  held.add(s);
                  drain(s);
                } catch (IOException e) {
                  return;
                }
              }
            },
            "fake-hanging-key-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void drain(Socket s) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[4096];
              try (InputStream in = s.getInputStream()) {
                while (in.read(buf) >= 0) {
                  // discard the request; never answer
                }
              } catch (IOException e) {
                // reset by the client, or closed by close()
              }
              if (!closing) {
                closedByClient.incrementAndGet();
              }
            },
            "fake-hanging-key-server-conn");
    t.setDaemon(true);
    t.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  /** Connections the client closed (it stopped waiting: timeout, cancellation, shutdown). */
  int connectionsClosedByClient() {
    return closedByClient.get();
  }

  @Override
  public void close() throws IOException {
    closing = true;
    socket.close();
    for (Socket s : held) {
      s.close();
    }
  }
}
