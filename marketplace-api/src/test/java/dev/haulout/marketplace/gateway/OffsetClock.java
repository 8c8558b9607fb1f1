package dev.haulout.marketplace.gateway;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** The system clock plus an offset a test can move (the embedded key servers and session keys read it). */
@Alternative
@Singleton
public class OffsetClock extends Clock {
  private final AtomicLong offsetMs = new AtomicLong();

  public void advance(Duration d) {
    offsetMs.addAndGet(d.toMillis());
  }

  public void reset() {
    offsetMs.set(0);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public long millis() {
    return System.currentTimeMillis() + offsetMs.get();
  }
}
