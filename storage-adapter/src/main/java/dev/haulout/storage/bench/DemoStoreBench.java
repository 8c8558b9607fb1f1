package dev.haulout.storage.bench;

import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.storage.ProgressListener;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.nodeproto.NodeProtocolBlobStore;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Stores {@code count} fresh small samples one after the other the way marketplace-api's {@code
 * DemoCatalogSeeder} does (one JVM, a new {@link NodeProtocolBlobStore} per sample, 5 epochs) and
 * prints the total wall time. Args: ledger URL, count (24), sample bytes (≈ 2 KB like the demo
 * CSVs), {@code batch}, {@code per-sliver} or {@code concurrent} (one store, all samples through
 * {@link dev.haulout.storage.BlobStore#storeAll} with the parallelism of the fifth argument,
 * default 8: what the seeder should do).
 */
public final class DemoStoreBench {
  private DemoStoreBench() {}

  public static void main(String[] args) throws Exception {
    String ledgerUrl = args[0];
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 24;
    int bytes = args.length > 2 ? Integer.parseInt(args[2]) : 2048;
    String variant = args.length > 3 ? args[3] : "batch";
    boolean batch = !"per-sliver".equals(variant);
    int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : 8;
    try (HttpLedgerClient ledger = HttpLedgerClient.create(ledgerUrl)) {
      Ed25519KeyPair seller = Ed25519KeyPair.generate();
      ledger.faucet(seller.address(), 100L * 1_000_000_000L);
      Random random = new Random();
      long t0 = System.nanoTime();
      if ("concurrent".equals(variant)) {
        List<byte[]> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          byte[] sample = new byte[bytes];
          random.nextBytes(sample);
          samples.add(sample);
        }
        try (NodeProtocolBlobStore store = NodeProtocolBlobStore.create(ledger, seller, StorageClientOptions.defaults())) {
          store.storeAll(samples, 5, parallelism);
        }
        variant = "concurrent, " + parallelism + " at a time";
      }
      for (int i = 0; i < count && !variant.startsWith("concurrent"); i++) {
        byte[] sample = new byte[bytes];
        random.nextBytes(sample);
        try (NodeProtocolBlobStore store = NodeProtocolBlobStore.create(ledger, seller,
            StorageClientOptions.defaults().withBatchUploads(batch))) {
          store.store(new ByteArrayInputStream(sample), sample.length, 5, ProgressListener.NONE);
        }
      }
      System.out.printf("%d samples of %d B stored in %.1f s (%s)%n", count, bytes, (System.nanoTime() - t0) / 1e9, variant);
    }
  }
}
