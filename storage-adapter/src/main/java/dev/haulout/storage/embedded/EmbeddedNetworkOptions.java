package dev.haulout.storage.embedded;

import java.nio.file.Path;

/**
 * Options of {@link EmbeddedStorageNetwork}.
 *
 * @param nodes number of storage nodes (each its own HTTP server), at least 4
 * @param host bind address of every server
 * @param basePort node i listens on {@code basePort + i}; 0 = a port chosen once and kept in the
 *     node's data directory so restarts keep the URL registered on the ledger
 * @param dataDir root of the nodes' directories ({@code node-<i>}: keys, port, blobs); null = a
 *     fresh temporary directory deleted on close
 * @param stakeFrost self-stake of each node when it registers (equal stakes = equal shares of shards)
 * @param healIntervalMs period of each node's self-healing round; 0 = no background healing
 * @param publisherPort port of the Walrus-compatible publisher/aggregator; -1 = do not start one,
 *     0 = ephemeral
 * @param aggregatorCacheBytes bound of the aggregator's LRU cache of verified blobs
 */
public record EmbeddedNetworkOptions(
    int nodes,
    String host,
    int basePort,
    Path dataDir,
    long stakeFrost,
    long healIntervalMs,
    int publisherPort,
    long aggregatorCacheBytes) {
  public static final int DEFAULT_NODES = 7;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final long DEFAULT_STAKE_FROST = 100L * 1_000_000_000L;
  public static final long DEFAULT_HEAL_INTERVAL_MS = 5_000;
  public static final long DEFAULT_AGGREGATOR_CACHE_BYTES = 64L << 20;

  public EmbeddedNetworkOptions {
    if (nodes < 4) {
      throw new IllegalArgumentException("an embedded network needs at least 4 nodes: " + nodes);
    }
    if (basePort < 0 || basePort > 65535 - nodes) {
      throw new IllegalArgumentException("invalid base port: " + basePort);
    }
  }

  /** 7 nodes on ephemeral loopback ports in a temporary directory, healing every 5 s, no publisher. */
  public static EmbeddedNetworkOptions defaults() {
    return new EmbeddedNetworkOptions(DEFAULT_NODES, DEFAULT_HOST, 0, null, DEFAULT_STAKE_FROST, DEFAULT_HEAL_INTERVAL_MS,
        -1, DEFAULT_AGGREGATOR_CACHE_BYTES);
  }

  public EmbeddedNetworkOptions withNodes(int n) {
    return new EmbeddedNetworkOptions(n, host, basePort, dataDir, stakeFrost, healIntervalMs, publisherPort, aggregatorCacheBytes);
  }

  public EmbeddedNetworkOptions withBasePort(int p) {
    return new EmbeddedNetworkOptions(nodes, host, p, dataDir, stakeFrost, healIntervalMs, publisherPort, aggregatorCacheBytes);
  }

  public EmbeddedNetworkOptions withDataDir(Path d) {
    return new EmbeddedNetworkOptions(nodes, host, basePort, d, stakeFrost, healIntervalMs, publisherPort, aggregatorCacheBytes);
  }

  public EmbeddedNetworkOptions withHealIntervalMs(long ms) {
    return new EmbeddedNetworkOptions(nodes, host, basePort, dataDir, stakeFrost, ms, publisherPort, aggregatorCacheBytes);
  }

  /** Starts the publisher/aggregator on {@code port} (0 = ephemeral). */
  public EmbeddedNetworkOptions withPublisher(int port) {
    return new EmbeddedNetworkOptions(nodes, host, basePort, dataDir, stakeFrost, healIntervalMs, port, aggregatorCacheBytes);
  }

  public EmbeddedNetworkOptions withAggregatorCacheBytes(long b) {
    return new EmbeddedNetworkOptions(nodes, host, basePort, dataDir, stakeFrost, healIntervalMs, publisherPort, b);
  }
}
