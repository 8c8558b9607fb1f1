package dev.haulout.chain;

/**
 * Result of a {@code seal_approve}-style policy evaluation. {@code reason} is a stable code, the
 * name of a {@link Reason} (the HTTP API's {@code "reason"}).
 */
public record AccessDecision(boolean allowed, String reason, String detail) {
  /** Why access was allowed (the first four) or denied (the rest). */
  public enum Reason {
    SELLER,
    ACCESS_PASS,
    RENTAL,
    ALLOWLIST,
    MALFORMED_IDENTITY,
    LISTING_NOT_FOUND,
    RENTAL_EXPIRED,
    NO_ACCESS
  }

  public static AccessDecision allow(Reason reason, String detail) {
    return new AccessDecision(true, reason.name(), detail);
  }

  public static AccessDecision deny(Reason reason, String detail) {
    return new AccessDecision(false, reason.name(), detail);
  }
}
