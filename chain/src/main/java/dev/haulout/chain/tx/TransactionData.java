package dev.haulout.chain.tx;

/**
 * The signed content of a transaction. {@code nonce} is a per-sender idempotency key (any u64 the
 * sender has not used before); {@code expirationMs} (0 = none) bounds how long a signed but
 * unsubmitted transaction stays valid.
 */
public record TransactionData(String sender, long nonce, long expirationMs, TxKind kind) {
  public static final int VERSION = 1;
}
