package dev.haulout.seal.crypto;

/** Which DEM {@link SealEncryptor} uses for the payload. */
public enum DemType {
  AES_256_GCM,
  HMAC_256_CTR,
  /** No payload: the caller uses the returned DEM key elsewhere. Not decryptable by the TS SDK. */
  PLAIN
}
