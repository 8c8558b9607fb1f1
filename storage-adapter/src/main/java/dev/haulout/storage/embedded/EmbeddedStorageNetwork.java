package dev.haulout.storage.embedded;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.storage.Committee;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.aggregator.PublisherServer;
import dev.haulout.storage.client.StorageNodeClient;
import dev.haulout.storage.node.DurableStore;
import dev.haulout.storage.node.SelfHealer;
import dev.haulout.storage.node.StorageNode;
import dev.haulout.storage.node.server.StorageNodeServer;
import dev.haulout.storage.nodeproto.NodeProtocolBlobStore;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * n storage nodes, each its own HTTP server on a loopback port speaking the Walrus node API,
 * registered on the ledger as a committee (equal stake, so the ledger's shards are split evenly),
 * with background self-healing and optionally a Walrus-compatible publisher/aggregator. One call
 * starts everything; node keys, ports and data persist in the data directory, so a restart
 * keeps every blob and the ledger registration.
 *
 * <pre>{@code
 * try (LedgerServer ledger = LedgerServer.start(LedgerServerOptions.defaults()
 *         .withConfig(LedgerConfig.localnet().withNShards(100)).withCertificates(BlsCertificates.verifier()));
 *      EmbeddedStorageNetwork net = EmbeddedStorageNetwork.start(ledger.ledger(), EmbeddedNetworkOptions.defaults())) {
 *   BlobStore store = net.blobStore(wallet);
 * }
 * }</pre>
 */
public final class EmbeddedStorageNetwork implements AutoCloseable {
  /** WAL minted (localnet faucet) to the publisher's wallet at each start. */
  public static final long PUBLISHER_FUNDING_FROST = 1_000L * 1_000_000_000L;
  private static final Logger LOG = Logger.getLogger(EmbeddedStorageNetwork.class.getName());

  private final Ledger ledger;
  private final EmbeddedNetworkOptions options;
  private final Vertx vertx;
  private final Path root;
  private final boolean tempRoot;
  private final HttpClient http;
  private final StorageClientOptions clientOptions = StorageClientOptions.defaults();
  private final List<Slot> slots = new ArrayList<>();
  private final ScheduledExecutorService healing;
  private PublisherServer publisher;

  private static final class Slot {
    final Path dir;
    final NodeKeys keys;
    final StorageNode node;
    final SelfHealer healer;
    volatile StorageNodeServer server;

    Slot(Path dir, NodeKeys keys, StorageNode node, SelfHealer healer) {
      this.dir = dir;
      this.keys = keys;
      this.node = node;
      this.healer = healer;
    }
  }

  private EmbeddedStorageNetwork(Ledger ledger, EmbeddedNetworkOptions options, Path root, boolean tempRoot) {
    this.ledger = ledger;
    this.options = options;
    this.root = root;
    this.tempRoot = tempRoot;
    this.vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(Math.max(16, 4 * options.nodes())));
    this.http = StorageNodeClient.newHttpClient(clientOptions);
    this.healing = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "storage-self-healing");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts the nodes, registers them on {@code ledger} if needed (advancing the epoch once) and listens. */
  public static EmbeddedStorageNetwork start(Ledger ledger, EmbeddedNetworkOptions options) {
    Path root;
    boolean temp = options.dataDir() == null;
    try {
      root = temp ? Files.createTempDirectory("haulout-storage") : Files.createDirectories(options.dataDir());
    } catch (IOException e) {
      throw StorageException.internal("cannot create the data directory: " + e, e);
    }
    EmbeddedStorageNetwork net = new EmbeddedStorageNetwork(ledger, options, root, temp);
    try {
      net.startAll();
      return net;
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
  }

  private void startAll() {
    for (int i = 0; i < options.nodes(); i++) {
      Path dir = root.resolve("node-" + i);
      NodeKeys keys = NodeKeys.loadOrCreate(dir, options.basePort() == 0 ? 0 : options.basePort() + i);
      StorageNode node = StorageNode.create(ledger, DurableStore.open(dir.resolve("blobs")), keys.bls());
      Slot s = new Slot(dir, keys, node, SelfHealer.create(node, http, clientOptions));
      slots.add(s);
      listen(s, keys.port());
    }
    register();
    if (options.healIntervalMs() > 0) {
      healing.scheduleWithFixedDelay(this::healRound, options.healIntervalMs(), options.healIntervalMs(), TimeUnit.MILLISECONDS);
    }
    if (options.publisherPort() >= 0) {
      NodeKeys pub = NodeKeys.loadOrCreate(root.resolve("publisher"), 0);
      ledger.faucet(pub.wallet().address(), PUBLISHER_FUNDING_FROST);
      publisher = PublisherServer.start(vertx, blobStore(pub.wallet()), options.host(), options.publisherPort(),
          options.aggregatorCacheBytes());
    }
  }

  private void listen(Slot s, int port) {
    s.server = StorageNodeServer.start(vertx, s.node, options.host(), port);
    NodeKeys.savePort(s.dir, s.server.port());
  }

  /** Registers nodes whose BLS key is not in the committee yet, then forms the committee. */
  private void register() {
    Committee c = Committee.fromLedger(ledger);
    boolean changed = false;
    SecureRandom rnd = new SecureRandom();
    for (Slot s : slots) {
      if (c.memberWithKey(s.keys.bls().publicKey()) != null) {
        continue;
      }
      Ed25519KeyPair w = s.keys.wallet();
      if (!ledger.ownedObjects(w.address(), "StakingPool").isEmpty()) {
        changed = true;
        continue;
      }
      ledger.faucet(w.address(), options.stakeFrost() + 1_000_000_000L);
      long storagePrice = ledger.systemState().storagePricePerUnit();
      long writePrice = ledger.systemState().writePricePerUnit();
      try {
        ledger.submit(Transactions.sign(w, new TransactionData(w.address().toString(), rnd.nextLong() & Long.MAX_VALUE, 0,
            new TxKind.RegisterNode(s.server.url(), s.keys.bls().publicKeyBase64(), options.stakeFrost(), storagePrice,
                writePrice))));
      } catch (LedgerException e) {
        throw StorageException.ledger("FAILED_PRECONDITION", e.httpStatus(), e,
            "cannot register node " + s.server.url() + ": " + e.getMessage(), s.server.url());
      }
      changed = true;
    }
    if (changed) {
      ledger.advanceEpoch();
    }
  }

  /** One self-healing round on every running node; returns the slivers rebuilt. */
  public int healRound() {
    int total = 0;
    for (Slot s : slots) {
      if (s.server != null) {
        try {
          total += s.healer.runOnce();
        } catch (RuntimeException e) {
          LOG.log(Level.FINE, "healing round failed", e);
        }
      }
    }
    return total;
  }

  public Ledger ledger() {
    return ledger;
  }

  public int size() {
    return slots.size();
  }

  public List<String> nodeUrls() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      out.add(nodeUrl(i));
    }
    return out;
  }

  public String nodeUrl(int i) {
    return slots.get(i).server != null ? slots.get(i).server.url() : "http://" + options.host() + ":" + readPort(i);
  }

  private int readPort(int i) {
    return NodeKeys.loadOrCreate(slots.get(i).dir, 0).port();
  }

  /** The publisher/aggregator base URL, or null if not started. */
  public String publisherUrl() {
    return publisher == null ? null : publisher.url();
  }

  public StorageNode node(int i) {
    return slots.get(i).node;
  }

  /** Node {@code i}'s HTTP server, or null while the node is stopped. */
  public StorageNodeServer server(int i) {
    return slots.get(i).server;
  }

  public SelfHealer healer(int i) {
    return slots.get(i).healer;
  }

  public Path dataDir(int i) {
    return slots.get(i).dir;
  }

  /** A {@code BlobStore} over these nodes paying with {@code wallet} (null = read-only). */
  public NodeProtocolBlobStore blobStore(Ed25519KeyPair wallet) {
    return NodeProtocolBlobStore.create(ledger, wallet, clientOptions);
  }

  /** Stops node {@code i}'s HTTP server (a crash as seen by clients); its data stays on disk. */
  public void stopNode(int i) {
    Slot s = slots.get(i);
    if (s.server != null) {
      s.server.close();
      s.server = null;
    }
  }

  /** Restarts node {@code i} on its port with whatever its disk holds. */
  public void startNode(int i) {
    Slot s = slots.get(i);
    if (s.server == null) {
      listen(s, readPort(i));
    }
  }

  public boolean isRunning(int i) {
    return slots.get(i).server != null;
  }

  /** Deletes node {@code i}'s blob data (keys stay): a lost disk. The node must be stopped. */
  public void wipeNode(int i) {
    if (isRunning(i)) {
      throw new IllegalStateException("stop node " + i + " before wiping it");
    }
    deleteTree(slots.get(i).dir.resolve("blobs"));
    try {
      Files.createDirectories(slots.get(i).dir.resolve("blobs"));
    } catch (IOException e) {
      throw StorageException.internal("cannot recreate blobs dir: " + e, e);
    }
  }

  @Override
  public void close() {
    healing.shutdownNow();
    if (publisher != null) {
      publisher.close();
    }
    for (int i = 0; i < slots.size(); i++) {
      stopNode(i);
    }
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "vert.x did not close cleanly", e);
    }
    if (tempRoot) {
      deleteTree(root);
    }
  }

  private static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    } catch (IOException e) {
      throw StorageException.internal("cannot delete " + p + ": " + e, e);
    }
  }
}
