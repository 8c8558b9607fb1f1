package dev.haulout.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.dataset.Quote.Kind;
import dev.haulout.dataset.SignedDocumentException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class QuoteTest {
  static final Ed25519KeyPair MARKET = Ed25519KeyPair.generate();
  static final Clock T0 = Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC);
  static final String LISTING = "0x" + "ab".repeat(32);
  static final String BUYER = "0x" + "cd".repeat(32);

  static Clock at(long plusMs) {
    return Clock.offset(T0, java.time.Duration.ofMillis(plusMs));
  }

  @Test
  void aSignedQuoteVerifiesUntilItExpires() {
    Quote q = Quote.of(LISTING, Kind.RENT, 3, 123_000_000_000L, BUYER, T0);
    assertEquals(T0.millis() + 300_000, q.expiresAtMs());
    String token = q.sign(MARKET);
    assertEquals(q, Quote.verify(token, MARKET.publicKey(), T0));
    assertEquals(q, Quote.verify(token, MARKET.publicKey(), at(299_999)));
    var e = assertThrows(SignedDocumentException.class, () -> Quote.verify(token, MARKET.publicKey(), at(300_000)));
    assertEquals(Reason.EXPIRED, e.reason());
  }

  @Test
  void anAlteredPayloadOrSignatureIsInvalid() {
    String token = Quote.of(LISTING, Kind.BUY, 1, 5_000_000_000L, BUYER, T0).sign(MARKET);
    String[] parts = token.split("\\.");
    String json = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    String cheaper = json.replace("5000000000", "1");
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(cheaper.getBytes(StandardCharsets.UTF_8))
        + "." + parts[1];
    assertInvalid(forged);
    char c = parts[1].charAt(5);
    assertInvalid(parts[0] + "." + parts[1].substring(0, 5) + (c == 'A' ? 'B' : 'A') + parts[1].substring(6));
    assertInvalid(parts[0]);
    assertInvalid(parts[0] + ".");
    assertInvalid(token + ".x");
    assertInvalid("!!!." + parts[1]);
    assertInvalid("");
    assertInvalid(null);
    // a well-signed payload that is not a quote
    byte[] other = "{\"v\":\"haulout.quote.v1\"}".getBytes(StandardCharsets.UTF_8);
    assertInvalid(SignedPayload.b64(other) + "." + SignedPayload.sign(MARKET, other));
  }

  @Test
  void aQuoteSignedByAnotherKeyIsInvalid() {
    String token = Quote.of(LISTING, Kind.BUY, 1, 1, BUYER, T0).sign(Ed25519KeyPair.generate());
    assertInvalid(token);
  }

  @Test
  void impossibleQuotesCannotBeMade() {
    assertThrows(IllegalArgumentException.class, () -> Quote.of(LISTING, Kind.BUY, 2, 1, BUYER, T0));
    assertThrows(IllegalArgumentException.class, () -> Quote.of(LISTING, Kind.RENT, 0, 1, BUYER, T0));
    assertThrows(IllegalArgumentException.class, () -> Quote.of(LISTING, Kind.RENT, 1, -1, BUYER, T0));
  }

  static void assertInvalid(String token) {
    var e = assertThrows(SignedDocumentException.class, () -> Quote.verify(token, MARKET.publicKey(), T0));
    assertEquals(Reason.INVALID, e.reason(), e.getMessage());
  }
}
