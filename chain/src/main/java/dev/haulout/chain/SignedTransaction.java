package dev.haulout.chain;

import java.util.Base64;

/** Canonical transaction bytes plus the sender's Sui serialized signature (base64). */
public record SignedTransaction(byte[] txBytes, String signature) {
  public SignedTransaction {
    txBytes = txBytes.clone();
  }

  @Override
  public byte[] txBytes() {
    return txBytes.clone();
  }

  public String txBytesBase64() {
    return Base64.getEncoder().encodeToString(txBytes);
  }
}
