package dev.haulout.chain.model;

/**
 * A Seal key server registered on the ledger, as Seal's {@code key_server::KeyServer} objects are
 * on Sui: {@code owner} (the operator) may change its {@code url}; {@code publicKey} is the
 * 96-byte compressed BLS12-381 G2 master public key as lower-case hex (no {@code 0x}); {@code
 * weight} (≥ 1) is how many shares a client gives it in a t-of-n sealing. The object id is the id
 * the server itself serves in {@code /v1/service} and that every Seal {@code EncryptedObject}
 * sealed to it names.
 */
public record KeyServer(String id, String owner, String name, String url, String publicKey, int weight)
    implements ChainObject {
  /** Longest {@code url} (characters). */
  public static final int MAX_URL = 512;
  /** A compressed BLS12-381 G2 point. */
  public static final int PUBLIC_KEY_BYTES = 96;
  /** Largest weight: a Seal sealing has at most 255 shares (Shamir over GF(2^8)). */
  public static final int MAX_WEIGHT = 255;

  public KeyServer withUrl(String newUrl) {
    return new KeyServer(id, owner, name, newUrl, publicKey, weight);
  }
}
