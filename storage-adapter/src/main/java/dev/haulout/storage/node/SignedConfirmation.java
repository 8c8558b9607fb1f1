package dev.haulout.storage.node;

/** A node's signed storage confirmation: the BCS message and its 96-byte BLS signature. */
public record SignedConfirmation(byte[] serializedMessage, byte[] signature) {
  public SignedConfirmation {
    serializedMessage = serializedMessage.clone();
    signature = signature.clone();
  }

  @Override
  public byte[] serializedMessage() {
    return serializedMessage.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }
}
