package dev.haulout.seal.client;

import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.crypto.bls.G1Point;

/**
 * A user secret key {@code usk = H1(fullId)^msk} from one key server that has passed the pairing
 * check {@code e(usk, g2) == e(H1(fullId), mpk)} against that server's public key. Secret: it
 * decrypts every object encrypted to {@code fullId} for that server.
 */
public record VerifiedUserSecretKey(SuiAddress keyServer, byte[] fullId, G1Point key) {
  public VerifiedUserSecretKey {
    fullId = fullId.clone();
  }

  @Override
  public byte[] fullId() {
    return fullId.clone();
  }

  @Override
  public String toString() {
    return "VerifiedUserSecretKey[server=" + keyServer + ", key=redacted]";
  }
}
