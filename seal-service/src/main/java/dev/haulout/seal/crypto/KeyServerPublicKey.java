package dev.haulout.seal.crypto;

import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.ibe.ObjectIds;

/**
 * A key server as an encryptor sees it: its on-chain object id and master public key. Listing
 * the same server several times gives it that many shares (its weight).
 */
public record KeyServerPublicKey(byte[] objectId, G2Point publicKey) {
  public KeyServerPublicKey {
    ObjectIds.require(objectId, "key server object id");
    if (publicKey.isIdentity()) {
      throw new IllegalArgumentException("key server public key is the identity");
    }
  }

  @Override
  public String toString() {
    return "KeyServerPublicKey[" + ObjectIds.format(objectId) + "]";
  }
}
