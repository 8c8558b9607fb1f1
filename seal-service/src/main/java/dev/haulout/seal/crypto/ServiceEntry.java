package dev.haulout.seal.crypto;

import dev.haulout.seal.crypto.ibe.ObjectIds;

/** One service position of an {@link EncryptedObject}: key-server object id and share index (1-based). */
public record ServiceEntry(byte[] objectId, int index) {
  public ServiceEntry {
    ObjectIds.require(objectId, "service object id");
    if (index < 1 || index > 255) {
      throw new IllegalArgumentException("share index must be in 1..255, got " + index);
    }
  }

  @Override
  public String toString() {
    return "ServiceEntry[" + ObjectIds.format(objectId) + ", index=" + index + "]";
  }
}
