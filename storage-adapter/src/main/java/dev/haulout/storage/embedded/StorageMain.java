package dev.haulout.storage.embedded;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.server.LedgerServer;
import dev.haulout.chain.server.LedgerServerOptions;
import dev.haulout.storage.ByteRange;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.storage.nodeproto.NodeProtocolBlobStore;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry points.
 *
 * <pre>
 * network [--nodes=7] [--base-port=0] [--data-dir=DIR] [--publisher-port=-1]
 *         [--ledger=URL | --ledger-port=9400 --shards=1000 --schema=ledger]
 *     runs the embedded network (and, without --ledger, a ledger server with BLS certificate
 *     checks on the PostgreSQL of HAULOUT_PG_URL) until interrupted
 * read --ledger=URL BLOB_ID [--range=a-b] [--read-ahead=8]
 *     streams a blob (read straight from the nodes, verified) to stdout
 * </pre>
 */
public final class StorageMain {
  private StorageMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: network [options] | read --ledger=URL BLOB_ID [--range=a-b]");
      System.exit(2);
    }
    Map<String, String> o = new HashMap<>();
    String positional = null;
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--") && args[i].contains("=")) {
        o.put(args[i].substring(2, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
      } else {
        positional = args[i];
      }
    }
    switch (args[0]) {
      case "network":
        network(o);
        break;
      case "read":
        read(o, positional);
        break;
      default:
        System.err.println("unknown command " + args[0]);
        System.exit(2);
    }
  }

  private static void read(Map<String, String> o, String blobId) throws Exception {
    try (Ledger ledger = HttpLedgerClient.create(o.getOrDefault("ledger", "http://127.0.0.1:9400"));
         NodeProtocolBlobStore store = NodeProtocolBlobStore.create(ledger, null, StorageClientOptions.defaults()
             .withReadAhead(Integer.parseInt(o.getOrDefault("read-ahead", Integer.toString(StorageClientOptions.DEFAULT_READ_AHEAD)))));
         InputStream in = store.read(blobId, o.containsKey("range") ? ByteRange.parseInclusive(o.get("range")) : null)) {
      OutputStream out = System.out;
      in.transferTo(out);
      out.flush();
    }
  }

  private static void network(Map<String, String> o) throws Exception {
    LedgerServer ledgerServer = null;
    Ledger ledger;
    if (o.containsKey("ledger")) {
      ledger = HttpLedgerClient.create(o.get("ledger"));
    } else {
      ledgerServer = LedgerServer.start(LedgerServerOptions.defaults()
          .withPort(Integer.parseInt(o.getOrDefault("ledger-port", "9400")))
          .withPg(PgOptions.fromEnv(o.getOrDefault("schema", PgOptions.DEFAULT_SCHEMA)))
          .withConfig(LedgerConfig.localnet().withNShards(Integer.parseInt(o.getOrDefault("shards", "1000"))))
          .withCertificates(BlsCertificates.verifier()));
      ledger = ledgerServer.ledger();
    }
    EmbeddedNetworkOptions opts = EmbeddedNetworkOptions.defaults()
        .withNodes(Integer.parseInt(o.getOrDefault("nodes", "7")))
        .withBasePort(Integer.parseInt(o.getOrDefault("base-port", "0")))
        .withPublisher(Integer.parseInt(o.getOrDefault("publisher-port", "-1")));
    if (o.containsKey("data-dir")) {
      opts = opts.withDataDir(Path.of(o.get("data-dir")));
    }
    long t0 = System.nanoTime();
    EmbeddedStorageNetwork net = EmbeddedStorageNetwork.start(ledger, opts);
    System.out.printf("storage network up in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    if (ledgerServer != null) {
      System.out.println("ledger     " + ledgerServer.baseUrl());
    }
    for (int i = 0; i < net.size(); i++) {
      System.out.println("node " + i + "     " + net.nodeUrl(i));
    }
    if (net.publisherUrl() != null) {
      System.out.println("publisher  " + net.publisherUrl() + "   (also the aggregator)");
    }
    System.out.flush();
    CountDownLatch done = new CountDownLatch(1);
    LedgerServer ls = ledgerServer;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      net.close();
      if (ls != null) {
        ls.close();
      }
      done.countDown();
    }));
    done.await();
  }
}
