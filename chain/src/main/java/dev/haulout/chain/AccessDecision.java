package dev.haulout.chain;

/**
 * Result of a {@code seal_approve}-style policy evaluation. {@code reason} is a stable code:
 * allow reasons SELLER, ACCESS_PASS, RENTAL, ALLOWLIST; deny reasons MALFORMED_IDENTITY,
 * LISTING_NOT_FOUND, RENTAL_EXPIRED, NO_ACCESS.
 */
public record AccessDecision(boolean allowed, String reason, String detail) {
  public static AccessDecision allow(String reason, String detail) {
    return new AccessDecision(true, reason, detail);
  }

  public static AccessDecision deny(String reason, String detail) {
    return new AccessDecision(false, reason, detail);
  }
}
