package dev.haulout.seal.server;

import dev.haulout.seal.crypto.elgamal.ElGamalCiphertext;

/** One released key: the full identity and its user secret key ElGamal-encrypted to the requester. */
public record IssuedKey(byte[] fullId, ElGamalCiphertext encryptedKey) {
  public IssuedKey {
    fullId = fullId.clone();
  }

  @Override
  public byte[] fullId() {
    return fullId.clone();
  }
}
