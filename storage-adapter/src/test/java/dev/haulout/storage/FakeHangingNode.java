package dev.haulout.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Failure injection: a hung storage node. It listens on the registered port and accepts every
 * connection, but never reads a request or answers one, so clients wait for their request
 * timeout (unlike a stopped node, which refuses connections at once).
 */
final class FakeHangingNode implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private FakeHangingNode(int port) throws IOException {
    server = bindWithRetry(port);
    acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          held.add(server.accept());
        } catch (IOException e) {
          return;
        }
      }
    }, "fake-hanging-node-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Binds the node's port, retrying for up to 10 s: right after the real node stops, the port can
   * still be held for a moment (a CI run once got "Address already in use" here), for example as
   * the local end of a client connection that has not been closed yet.
   */
  private static ServerSocket bindWithRetry(int port) throws IOException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      ServerSocket s = new ServerSocket();
      try {
        s.setReuseAddress(true);
        s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        return s;
      } catch (java.net.BindException e) {
        s.close();
        if (System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  static FakeHangingNode start(int port) throws IOException {
    return new FakeHangingNode(port);
  }

  /** Connections accepted (and left hanging) so far. */
  int connections() {
    return held.size();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : held) {
      s.close();
    }
  }
}
