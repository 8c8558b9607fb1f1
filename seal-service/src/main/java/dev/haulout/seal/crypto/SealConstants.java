package dev.haulout.seal.crypto;

import java.nio.charset.StandardCharsets;

/** Domain-separation tags and sizes fixed by the Seal wire format (SPEC §1.4). */
public final class SealConstants {
  private SealConstants() {}

  /** Message prefix of the identity hash {@code H1}. */
  public static final byte[] DST_ID = ascii("SUI-SEAL-IBE-BLS12381-00");
  /** Prefix of the per-server KDF. */
  public static final byte[] DST_KDF = ascii("SUI-SEAL-IBE-BLS12381-H2-00");
  /** Prefix of {@code derive_key}. */
  public static final byte[] DST_DERIVE_KEY = ascii("SUI-SEAL-IBE-BLS12381-H3-00");
  /** Prefix of the proof-of-possession message. */
  public static final byte[] DST_POP = ascii("SUI-SEAL-IBE-BLS12381-POP-00");
  /** The IETF hash-to-curve DST for G1 (RFC 9380 suite BLS12381G1_XMD:SHA-256_SSWU_RO_). */
  public static final String HASH_TO_G1_DST = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_";

  /** Size of the base key, every share, every KDF output and the DEM key. */
  public static final int KEY_SIZE = 32;
  /** Size of a Sui object id / package id. */
  public static final int OBJECT_ID_SIZE = 32;

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
