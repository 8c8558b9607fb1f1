package dev.haulout.storage;

import java.time.Duration;

/**
 * Client-side knobs of the write and read paths, with {@code DEFAULT_*} constants (Vert.x
 * {@code PgConnectOptions} habit). Immutable; {@code withX} returns a copy.
 *
 * @param connectTimeout TCP connect timeout per node
 * @param requestTimeout timeout of one HTTP request
 * @param maxConcurrentRequests requests in flight across all nodes (bounded upload/download)
 * @param maxAttempts attempts per request for retriable failures
 * @param retryBackoff first backoff, doubled per attempt
 * @param readAhead primary slivers fetched ahead of the one being streamed out
 * @param quorumGrace how long a write keeps collecting confirmations once the signers' shards
 *     reach a quorum ({@code 3w >= 2n + 1}) before it certifies without the slower nodes
 * @param batchUploads whether a write sends each node its slivers in batches ({@code PUT
 *     /v1/blobs/{id}/slivers}, falling back per node to one request per sliver when a node does not
 *     serve the route); false sends one request per sliver (the Walrus routes only)
 */
public record StorageClientOptions(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxConcurrentRequests,
    int maxAttempts,
    Duration retryBackoff,
    int readAhead,
    Duration quorumGrace,
    boolean batchUploads) {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 32;
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(50);
  public static final int DEFAULT_READ_AHEAD = 8;
  public static final Duration DEFAULT_QUORUM_GRACE = Duration.ofMillis(200);
  public static final boolean DEFAULT_BATCH_UPLOADS = true;

  public StorageClientOptions {
    if (maxConcurrentRequests < 1 || maxAttempts < 1 || readAhead < 1) {
      throw new IllegalArgumentException("maxConcurrentRequests, maxAttempts and readAhead must be >= 1: "
          + maxConcurrentRequests + ", " + maxAttempts + ", " + readAhead);
    }
    if (quorumGrace == null || quorumGrace.isNegative()) {
      throw new IllegalArgumentException("quorumGrace must be >= 0: " + quorumGrace);
    }
  }

  public static StorageClientOptions defaults() {
    return new StorageClientOptions(DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_CONCURRENT_REQUESTS,
        DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_BACKOFF, DEFAULT_READ_AHEAD, DEFAULT_QUORUM_GRACE, DEFAULT_BATCH_UPLOADS);
  }

  public StorageClientOptions withRequestTimeout(Duration d) {
    return new StorageClientOptions(connectTimeout, d, maxConcurrentRequests, maxAttempts, retryBackoff, readAhead, quorumGrace, batchUploads);
  }

  public StorageClientOptions withMaxConcurrentRequests(int c) {
    return new StorageClientOptions(connectTimeout, requestTimeout, c, maxAttempts, retryBackoff, readAhead, quorumGrace, batchUploads);
  }

  public StorageClientOptions withMaxAttempts(int a) {
    return new StorageClientOptions(connectTimeout, requestTimeout, maxConcurrentRequests, a, retryBackoff, readAhead, quorumGrace, batchUploads);
  }

  public StorageClientOptions withReadAhead(int r) {
    return new StorageClientOptions(connectTimeout, requestTimeout, maxConcurrentRequests, maxAttempts, retryBackoff, r, quorumGrace, batchUploads);
  }

  public StorageClientOptions withQuorumGrace(Duration g) {
    return new StorageClientOptions(connectTimeout, requestTimeout, maxConcurrentRequests, maxAttempts, retryBackoff, readAhead, g, batchUploads);
  }

  public StorageClientOptions withBatchUploads(boolean b) {
    return new StorageClientOptions(connectTimeout, requestTimeout, maxConcurrentRequests, maxAttempts, retryBackoff, readAhead, quorumGrace, b);
  }
}
