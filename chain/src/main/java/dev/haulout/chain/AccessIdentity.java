package dev.haulout.chain;

import java.util.Arrays;

/**
 * Seal identities for listings: full id = {@code [policy package 32 B][listing id 32 B ‖ nonce]}.
 * The ledger's policies read the inner id (what {@code seal_approve} receives).
 */
public final class AccessIdentity {
  public static final int ID_LENGTH = 32;

  private AccessIdentity() {}

  /** {@code listingId ‖ nonce}: the inner id a seller encrypts the data key to. */
  public static byte[] innerId(String listingId, byte[] nonce) {
    byte[] id = dev.haulout.wire.SuiAddress.parse(listingId).bytes();
    byte[] out = Arrays.copyOf(id, ID_LENGTH + nonce.length);
    System.arraycopy(nonce, 0, out, ID_LENGTH, nonce.length);
    return out;
  }

  /** Strips the 32-byte package id of a full Seal id. */
  public static byte[] innerId(byte[] fullId) {
    if (fullId.length < ID_LENGTH) {
      throw new IllegalArgumentException("full id shorter than a package id: " + fullId.length);
    }
    return Arrays.copyOfRange(fullId, ID_LENGTH, fullId.length);
  }
}
