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
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
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
