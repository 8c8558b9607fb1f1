package dev.haulout.dataset;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.crypto.Ed25519PublicKey;
import dev.haulout.dataset.SignedDocumentException.Reason;
import java.time.Clock;
import java.time.Duration;

/**
 * A signed price offer (docs/commerce.md, "Buy and rent"): {@code token = base64url(payload JSON)
 * "." base64url(Ed25519 signature over the payload bytes)} with the marketplace key. {@code buyer}
 * is the wallet address the quote was made for; {@code periods} is 1 for BUY.
 */
@JsonPropertyOrder({"v", "listingId", "kind", "periods", "priceFrost", "buyer", "expiresAtMs"})
public record Quote(String v, String listingId, Kind kind, long periods, long priceFrost, String buyer, long expiresAtMs) {
  public static final String VERSION = "haulout.quote.v1";
  public static final Duration VALIDITY = Duration.ofMinutes(5);

  public enum Kind { BUY, RENT }

  public Quote {
    if (!VERSION.equals(v)) {
      throw new IllegalArgumentException("quote version must be " + VERSION);
    }
    if (listingId == null || kind == null || buyer == null) {
      throw new IllegalArgumentException("listingId, kind and buyer are required");
    }
    if (periods < 1 || (kind == Kind.BUY && periods != 1) || priceFrost < 0) {
      throw new IllegalArgumentException("periods must be ≥ 1 (1 for BUY) and the price ≥ 0");
    }
  }

  /** A quote valid {@link #VALIDITY} from {@code clock}'s now. */
  public static Quote of(String listingId, Kind kind, long periods, long priceFrost, String buyer, Clock clock) {
    return new Quote(VERSION, listingId, kind, periods, priceFrost, buyer, clock.millis() + VALIDITY.toMillis());
  }

  /** The token: payload and signature, base64url, joined by a dot. */
  public String sign(Ed25519KeyPair key) {
    byte[] payload = SignedPayload.json(this);
    return SignedPayload.b64(payload) + "." + SignedPayload.sign(key, payload);
  }

  /**
   * The quote of {@code token} if {@code key} signed it and it has not expired at {@code clock}'s
   * now; {@link SignedDocumentException} with {@code INVALID} or {@code EXPIRED} otherwise.
   */
  public static Quote verify(String token, Ed25519PublicKey key, Clock clock) {
    if (token == null || token.length() > 4096) {
      throw new SignedDocumentException(Reason.INVALID, "quote token missing or too long");
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      throw new SignedDocumentException(Reason.INVALID, "quote token is not payload.signature");
    }
    byte[] payload = SignedPayload.unb64(token.substring(0, dot), "quote payload");
    SignedPayload.verify(key, payload, SignedPayload.unb64(token.substring(dot + 1), "quote signature"), "quote");
    Quote q = SignedPayload.parse(payload, Quote.class, "quote");
    if (clock.millis() >= q.expiresAtMs()) {
      throw new SignedDocumentException(Reason.EXPIRED, "the quote expired; ask for a new one");
    }
    return q;
  }
}
