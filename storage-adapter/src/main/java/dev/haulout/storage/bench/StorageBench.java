package dev.haulout.storage.bench;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.server.LedgerServer;
import dev.haulout.chain.server.LedgerServerOptions;
import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.encoding.BlobDecoder;
import dev.haulout.erasure.encoding.BlobEncoder;
import dev.haulout.erasure.encoding.EncoderOptions;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.storage.Committee;
import dev.haulout.storage.ProgressListener;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.StoreResult;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.storage.client.StorageNodeClient;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import dev.haulout.storage.embedded.EmbeddedStorageNetwork;
import dev.haulout.storage.embedded.StorageMain;
import dev.haulout.storage.nodeproto.NodeProtocolBlobStore;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * The storage benchmark behind {@code storage-adapter/bench/storage-bench.sh}: for each node count,
 * on the embedded network over a real ledger server (PostgreSQL), the same blob's raw erasure
 * encode and decode next to the network store and read, the bytes a node receives to rebuild one
 * sliver pair against the O(blob/n) bound, and a read by a separate JVM with a small heap.
 * Prints one markdown table.
 */
public final class StorageBench {
  private StorageBench() {}

  public static void main(String[] args) throws Exception {
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int shards = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int readHeapMiB = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    List<Integer> nodeCounts = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      nodeCounts.add(Integer.parseInt(args[i]));
    }
    if (nodeCounts.isEmpty()) {
      nodeCounts = List.of(7, 10);
    }
    long length = (long) mib << 20;
    List<String> rows = new ArrayList<>();
    for (int n : nodeCounts) {
      rows.add(run(n, shards, length, readHeapMiB));
      System.err.println(rows.get(rows.size() - 1));
    }
    System.out.printf("%nblob %d MiB, %d shards, JDK %s, %d cores%n%n", mib, shards, System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    System.out.println("| nodes | raw encode | network store | store/encode | raw decode (parity slivers) | network read "
        + "| read/decode | bytes to rebuild one sliver pair | (k1+k2)(S+proof) bound | blob/n | read with -Xmx |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  static InputStream stream(long length, long seed) {
    Random r = new Random(seed);
    return new InputStream() {
      long left = length;

      @Override
      public int read() {
        byte[] b = new byte[1];
        return read(b, 0, 1) < 0 ? -1 : b[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int k = (int) Math.min(len, left);
        byte[] tmp = new byte[k];
        r.nextBytes(tmp);
        System.arraycopy(tmp, 0, b, off, k);
        left -= k;
        return k;
      }
    };
  }

  static double mibPerS(long bytes, long nanos) {
    return bytes / 1048576.0 / (nanos / 1e9);
  }

  static String run(int nodes, int shards, long length, int readHeapMiB) throws Exception {
    PgOptions pg = PgOptions.fromEnv(("storage_bench_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT));
    EncodingConfig cfg = EncodingConfig.forShards(shards);
    EncoderOptions eo = EncoderOptions.defaults().withParallelism(Runtime.getRuntime().availableProcessors());
    try (LedgerServer ls = LedgerServer.start(LedgerServerOptions.defaults().withPg(pg).withEpochCheckMs(0)
            .withConfig(LedgerConfig.localnet().withNShards(shards)).withCertificates(BlsCertificates.verifier()));
         Ledger ledger = HttpLedgerClient.create(ls.baseUrl());
         EmbeddedStorageNetwork net = EmbeddedStorageNetwork.start(ledger,
             EmbeddedNetworkOptions.defaults().withNodes(nodes).withHealIntervalMs(0))) {
      Ed25519KeyPair wallet = Ed25519KeyPair.generate();
      ledger.faucet(wallet.address(), 1_000L * 1_000_000_000L);

      long t0 = System.nanoTime();
      BlobEncoder.create(cfg, eo).encode(stream(length, 1), length, s -> { });
      long encodeNs = System.nanoTime() - t0;

      StoreResult r;
      try (NodeProtocolBlobStore store = net.blobStore(wallet)) {
        t0 = System.nanoTime();
        r = store.store(stream(length, 1), length, 1, ProgressListener.NONE);
        long storeNs = System.nanoTime() - t0;
        t0 = System.nanoTime();
        try (InputStream in = store.read(r.blobId(), null)) {
          in.transferTo(OutputStream.nullOutputStream());
        }
        long readNs = System.nanoTime() - t0;

        BlobId id = BlobId.fromBase64(r.blobId());
        Committee c = Committee.fromLedger(ledger);
        HttpClient http = StorageNodeClient.newHttpClient(StorageClientOptions.defaults());
        VerifiedBlobMetadata meta = StorageNodeClient.create(c.members().get(0).url(), http, StorageClientOptions.defaults())
            .getAndVerifyMetadata(id, cfg);
        int k1 = cfg.primarySourceSymbols();
        List<SliverData> parity = new ArrayList<>();
        for (int pair = k1; pair < 2 * k1; pair++) {
          Committee.Member m = c.memberOfShard(id.shardOfPair(pair, shards));
          parity.add(StorageNodeClient.create(m.url(), http, StorageClientOptions.defaults()).getSliver(id, pair, Axis.PRIMARY));
        }
        t0 = System.nanoTime();
        BlobDecoder.create(meta, eo).decode(parity, OutputStream.nullOutputStream());
        long decodeNs = System.nanoTime() - t0;
        parity.clear();

        // one sliver pair lost on node 0 and rebuilt by its healer from the peers' recovery symbols
        int shard = c.memberWithKey(net.node(0).publicKey()).shards().get(0);
        int pair = id.pairOnShard(shard, shards);
        net.node(0).store().delete(id.toBase64(), "p" + pair);
        net.node(0).store().delete(id.toBase64(), "s" + pair);
        long before = net.healer(0).recoveryBytesReceived();
        net.healer(0).runOnce();
        long healBytes = net.healer(0).recoveryBytesReceived() - before;
        int s = cfg.symbolSize(length);
        int proof = 32 * (int) Math.ceil(Math.log(shards) / Math.log(2)) + 16;
        long bound = (long) (cfg.primarySourceSymbols() + cfg.secondarySourceSymbols()) * (s + proof);

        String childRead = childRead(ls.baseUrl(), r.blobId(), readHeapMiB, length);
        return String.format(Locale.ROOT, "| %d | %.1f MiB/s | %.1f MiB/s | %.2f | %.1f MiB/s | %.1f MiB/s | %.2f | %,d B | %,d B | %,d B | %s |",
            nodes, mibPerS(length, encodeNs), mibPerS(length, storeNs), (double) encodeNs / storeNs,
            mibPerS(length, decodeNs), mibPerS(length, readNs), (double) decodeNs / readNs, healBytes, bound,
            length / shards, childRead);
      }
    } finally {
      try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password()); Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA IF EXISTS " + pg.schema() + " CASCADE");
      }
    }
  }

  static String childRead(String ledgerUrl, String blobId, int heapMiB, long length) throws Exception {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heapMiB + "m",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), StorageMain.class.getName(), "read",
        "--ledger=" + ledgerUrl, "--read-ahead=2", blobId);
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    long n;
    try (InputStream in = p.getInputStream()) {
      n = in.transferTo(OutputStream.nullOutputStream());
    }
    int code = p.waitFor();
    long ns = System.nanoTime() - t0;
    return code == 0 && n == length
        ? String.format(Locale.ROOT, "%d MiB heap: OK, %.1f MiB/s incl. JVM start", heapMiB, mibPerS(length, ns))
        : heapMiB + " MiB heap: FAILED (exit " + code + ", " + n + " bytes)";
  }
}
