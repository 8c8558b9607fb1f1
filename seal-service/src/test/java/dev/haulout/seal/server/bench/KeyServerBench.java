package dev.haulout.seal.server.bench;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.client.SealApproveTransactions;
import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.crypto.ibe.ObjectIds;
import dev.haulout.seal.policy.AddressAllowlistPolicy;
import dev.haulout.seal.server.FetchKeyRequest;
import dev.haulout.seal.server.FetchKeyService;
import dev.haulout.seal.server.KeyServer;
import dev.haulout.seal.server.KeyServerHandle;
import dev.haulout.seal.server.KeyServerOptions;
import dev.haulout.seal.server.http.FetchKeyJson;
import dev.haulout.seal.session.KeyRequest;
import dev.haulout.seal.session.SessionKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Key-server benchmark: IBE derivations per second on one core, in-process {@code fetch_key}
 * handling per second on one core, and {@code POST /v1/fetch_key} over loopback HTTP under a
 * closed-loop load generator (bounded request count and time). Prints a Markdown table.
 *
 * <p>Arguments: {@code [seconds-per-phase=3] [http-concurrency=4] [max-http-requests=20000]}.
 */
public final class KeyServerBench {
  private KeyServerBench() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int maxRequests = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    long budgetNs = (long) (seconds * 1e9);
    SecureRandom random = new SecureRandom();
    MasterKeyPair key = MasterKeyPair.generate(random);
    SuiAddress pkg = SuiAddress.parse("0x" + "42".repeat(32));
    SuiAddress objectId = SuiAddress.parse("0x" + "17".repeat(32));
    byte[] inner = "haulout-bench-identity".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] fullId = ObjectIds.fullId(pkg.bytes(), inner);

    // 1. IBE derivation (hash-to-G1 + G1 scalar multiplication), one thread
    warm(() -> BonehFranklin.extract(key.secretKey(), fullId), 200);
    long n = 0;
    long t0 = System.nanoTime();
    G1Point sink = null;
    while (System.nanoTime() - t0 < budgetNs) {
      sink = BonehFranklin.extract(key.secretKey(), fullId);
      n++;
    }
    double ibePerSec = n / ((System.nanoTime() - t0) / 1e9);
    if (sink == null) {
      throw new IllegalStateException();
    }

    // 2. full fetch_key verification + derivation + ElGamal, in process, one thread
    Ed25519KeyPair user = Ed25519KeyPair.generate(random);
    KeyServerOptions options =
        new KeyServerOptions()
            .masterKey(key)
            .objectId(objectId)
            .policyPackage(pkg)
            .policy(AddressAllowlistPolicy.allowAll())
            .rateLimit(1_000_000, 1_000_000);
    FetchKeyService service = FetchKeyService.create(options);
    SessionKey session = SessionKey.create(user, pkg, 30, Clock.systemUTC(), random);
    KeyRequest kr = session.newRequest(SealApproveTransactions.sealApprove(pkg, "harness", inner));
    FetchKeyRequest wire =
        new FetchKeyRequest(
            kr.ptb(), kr.elGamal().encryptionKey().toBytes(), kr.elGamal().verificationKey().toBytes(),
            kr.requestSignature(), kr.certificate());
    warm(() -> service.fetchKeys(wire), 200);
    n = 0;
    t0 = System.nanoTime();
    while (System.nanoTime() - t0 < budgetNs) {
      service.fetchKeys(wire);
      n++;
    }
    double servicePerSec = n / ((System.nanoTime() - t0) / 1e9);

    // 3. HTTP over loopback, closed loop with `concurrency` workers
    byte[] body = FetchKeyJson.writeRequest(wire);
    double[] http;
    try (KeyServerHandle server = KeyServer.start(options)) {
      http = loadHttp(server.url(), body, concurrency, maxRequests, budgetNs);
    }

    int cores = Runtime.getRuntime().availableProcessors();
    System.out.println();
    System.out.println("| measurement | result |");
    System.out.println("|---|---|");
    System.out.printf(Locale.ROOT, "| IBE derivations (H1 + G1 mul), 1 thread | %.0f /s |%n", ibePerSec);
    System.out.printf(Locale.ROOT, "| fetch_key in-process (verify cert + request sig, policy, derive, ElGamal), 1 thread | %.0f /s |%n", servicePerSec);
    System.out.printf(Locale.ROOT, "| HTTP /v1/fetch_key, %d workers, %d requests | %.0f req/s |%n", concurrency, (long) http[0], http[1]);
    System.out.printf(Locale.ROOT, "| HTTP latency p50 / p99 | %.2f ms / %.2f ms |%n", http[2], http[3]);
    System.out.printf(Locale.ROOT, "| HTTP errors | %d |%n", (long) http[4]);
    System.out.printf(Locale.ROOT, "| JVM | %s %s, %d available processors |%n", System.getProperty("java.vm.name"), System.getProperty("java.version"), cores);
  }

  private static void warm(Runnable r, int times) {
    for (int i = 0; i < times; i++) {
      r.run();
    }
  }

  /** Returns {requests, req/s, p50 ms, p99 ms, errors}. */
  private static double[] loadHttp(String url, byte[] body, int concurrency, int maxRequests, long budgetNs)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(url + "/v1/fetch_key"))
            .header("Content-Type", "application/json")
            .header("Client-Sdk-Type", "typescript")
            .header("Client-Sdk-Version", "1.4.12")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    for (int i = 0; i < 300; i++) {
      http.send(req, HttpResponse.BodyHandlers.discarding());
    }
    AtomicInteger issued = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long[] latencies = new long[maxRequests];
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      fs.add(
          pool.submit(
              () -> {
                while (System.nanoTime() - start < budgetNs) {
                  int i = issued.getAndIncrement();
                  if (i >= maxRequests) {
                    return null;
                  }
                  long s = System.nanoTime();
                  HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
                  latencies[i] = System.nanoTime() - s;
                  if (r.statusCode() != 200) {
                    errors.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    int done = Math.min(issued.get(), maxRequests);
    long[] l = Arrays.copyOf(latencies, done);
    Arrays.sort(l);
    return new double[] {
      done, done / elapsed, l[(int) (done * 0.50)] / 1e6, l[Math.min(done - 1, (int) (done * 0.99))] / 1e6, errors.get()
    };
  }
}
