package dev.haulout.marketplace.domain;

/**
 * A purchase paid by a managed wallet, keyed by the caller's idempotency key: the ledger
 * transaction, the access object it created (AccessPass or Rental) and the signed receipt.
 */
public record Purchase(String subject, String idempotencyKey, long nonce, String buyer, String listingId, String kind,
    String txDigest, String accessId, Long expiresAtMs, String receipt, long createdMs) {}
