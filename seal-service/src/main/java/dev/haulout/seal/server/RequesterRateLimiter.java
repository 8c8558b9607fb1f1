package dev.haulout.seal.server;

import dev.haulout.wire.SuiAddress;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per requester address: {@code burst} requests at once, refilled at {@code
 * perSecond}. Buckets idle long enough to be full again are dropped so memory stays bounded by the
 * set of recently active requesters. Thread-safe.
 */
public final class RequesterRateLimiter {
  private static final int SWEEP_THRESHOLD = 10_000;

  private final double perSecond;
  private final double burst;
  private final Clock clock;
  private final Map<SuiAddress, Bucket> buckets = new ConcurrentHashMap<>();

  private RequesterRateLimiter(double perSecond, int burst, Clock clock) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
  }

  /** @param perSecond refill rate (&gt; 0); @param burst bucket size (&ge; 1) */
  public static RequesterRateLimiter create(double perSecond, int burst, Clock clock) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("perSecond must be positive and finite, got " + perSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be >= 1, got " + burst);
    }
    return new RequesterRateLimiter(perSecond, burst, clock);
  }

  /** Takes one token for {@code requester}; false means the request must be refused (429). */
  public boolean tryAcquire(SuiAddress requester) {
    long now = clock.millis();
    if (buckets.size() > SWEEP_THRESHOLD) {
      sweep(now);
    }
    Bucket b = buckets.computeIfAbsent(requester, k -> new Bucket(burst, now));
    synchronized (b) {
      b.refill(now, perSecond, burst);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return true;
      }
      return false;
    }
  }

  private void sweep(long now) {
    Iterator<Map.Entry<SuiAddress, Bucket>> it = buckets.entrySet().iterator();
    while (it.hasNext()) {
      Bucket b = it.next().getValue();
      synchronized (b) {
        b.refill(now, perSecond, burst);
        if (b.tokens >= burst) {
          it.remove();
        }
      }
    }
  }

  private static final class Bucket {
    double tokens;
    long lastMs;

    Bucket(double tokens, long lastMs) {
      this.tokens = tokens;
      this.lastMs = lastMs;
    }

    void refill(long now, double perSecond, double burst) {
      if (now > lastMs) {
        tokens = Math.min(burst, tokens + (now - lastMs) * perSecond / 1000.0);
        lastMs = now;
      }
    }
  }
}
