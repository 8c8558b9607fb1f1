package dev.haulout.seal.crypto;

import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.ibe.ObjectIds;

/** A user secret key {@code H1(full_id)^msk} released by the key server with this object id. */
public record UserSecretKey(byte[] objectId, G1Point key) {
  public UserSecretKey {
    ObjectIds.require(objectId, "key server object id");
  }

  @Override
  public String toString() {
    return "UserSecretKey[" + ObjectIds.format(objectId) + ", redacted]";
  }
}
