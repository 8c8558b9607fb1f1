package dev.haulout.seal.server;

import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.crypto.bls.G2Point;

/** A running key server. {@link #close()} stops it and releases its port (idempotent). */
public interface KeyServerHandle extends AutoCloseable {
  /** The bound TCP port (useful when started with port 0). */
  int port();

  /** {@code http://host:port}, the URL to register on chain / give to clients. */
  String url();

  SuiAddress objectId();

  /** The master public key {@code g2^msk}. */
  G2Point publicKey();

  @Override
  void close();
}
