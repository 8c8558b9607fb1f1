package dev.haulout.seal.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.policy.AddressAllowlistPolicy;
import dev.haulout.seal.server.http.FetchKeyJson;
import dev.haulout.seal.session.SessionKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequesterRateLimiterTest {
  /** A clock tests advance by hand. */
  static final class ManualClock extends Clock {
    long ms;

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
      return Instant.ofEpochMilli(ms);
    }
  }

  private static final SuiAddress A = SuiAddress.parse("0xa");
  private static final SuiAddress B = SuiAddress.parse("0xb");

  @Test
  void allowsABurstThenRefillsAtTheConfiguredRate() {
    ManualClock clock = new ManualClock();
    RequesterRateLimiter l = RequesterRateLimiter.create(2, 3, clock);
    assertTrue(l.tryAcquire(A));
    assertTrue(l.tryAcquire(A));
    assertTrue(l.tryAcquire(A));
    assertFalse(l.tryAcquire(A));
    assertTrue(l.tryAcquire(B), "buckets are per requester");
    clock.ms += 499;
    assertFalse(l.tryAcquire(A));
    clock.ms += 1;
    assertTrue(l.tryAcquire(A));
    assertFalse(l.tryAcquire(A));
  }

  @Test
  void rejectsNonsensicalLimits() {
    assertThrows(IllegalArgumentException.class, () -> RequesterRateLimiter.create(0, 1, Clock.systemUTC()));
    assertThrows(IllegalArgumentException.class, () -> RequesterRateLimiter.create(1, 0, Clock.systemUTC()));
  }

  @Test
  void answersTooManyRequestsOverHttpOnceTheRequesterExceedsItsBucket() throws Exception {
    SecureRandom random = new SecureRandom();
    Ed25519KeyPair alice = Ed25519KeyPair.generate();
    SuiAddress pkg = LoopbackKeyServers.randomAddress();
    try (LoopbackKeyServers s =
        LoopbackKeyServers.start(1, pkg, AddressAllowlistPolicy.of(List.of(alice.address())), o -> o.rateLimit(0.01, 2))) {
      SessionKey session = SessionKey.create(alice, pkg, 10, Clock.systemUTC(), random);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      int[] statuses = new int[3];
      HttpResponse<String> last = null;
      for (int i = 0; i < 3; i++) {
        byte[] body = FetchKeyJson.writeRequest(KeyServerHttpTest.toWire(session.newRequest(
            dev.haulout.seal.client.SealApproveTransactions.sealApprove(pkg, "harness", new byte[] {(byte) i}))));
        last = http.send(
            HttpRequest.newBuilder(URI.create(s.get(0).url() + "/v1/fetch_key"))
                .header("Client-Sdk-Version", "1.4.12")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
        statuses[i] = last.statusCode();
      }
      assertTrue(statuses[0] == 200 && statuses[1] == 200, java.util.Arrays.toString(statuses));
      KeyServerHttpTest.assertError(last, 429, "TooManyRequests");
      assertTrue(last.headers().firstValue("Retry-After").isPresent());
    }
  }
}
