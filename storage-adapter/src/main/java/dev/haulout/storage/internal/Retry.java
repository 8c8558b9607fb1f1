package dev.haulout.storage.internal;

import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import java.util.function.Supplier;

/** Retries a call while its {@link StorageException#isRetriable()}, with doubling backoff. */
public final class Retry {
  private Retry() {}

  public static <T> T call(StorageClientOptions o, Supplier<T> call) {
    long backoff = o.retryBackoff().toMillis();
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (StorageException e) {
        if (!e.isRetriable() || attempt >= o.maxAttempts()) {
          throw e;
        }
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new StorageException("CANCELLED", 0, StorageErrorCode.INTERRUPTED, "interrupted while retrying", null, null, ie);
      }
      backoff *= 2;
    }
  }
}
