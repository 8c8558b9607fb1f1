package dev.haulout.seal.client;

import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.crypto.bls.G2Point;
import java.net.URI;
import java.util.Objects;

/**
 * What a client must know about one key server, i.e. what Seal reads from the on-chain
 * {@code KeyServer} object: its object id, URL and master public key. Only send requests to URLs
 * registered for the chosen object ids.
 */
public record KeyServerInfo(SuiAddress objectId, URI url, G2Point publicKey) {
  public KeyServerInfo {
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(publicKey, "publicKey");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("key server URL must be http(s): " + url);
    }
  }
}
