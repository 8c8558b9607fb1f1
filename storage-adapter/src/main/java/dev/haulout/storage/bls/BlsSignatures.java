package dev.haulout.storage.bls;

import java.util.Base64;
import java.util.List;
import supranational.blst.BLST_ERROR;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * BLS12-381 min-pk verification and aggregation as Walrus uses them (fastcrypto
 * {@code bls12381::min_pk}): signatures in G2 hashed with {@link #DST}, aggregate = G2 sum, the
 * aggregate of one message checked against the G1 sum of the signers' keys. Every point is
 * subgroup-checked after decompression.
 */
public final class BlsSignatures {
  /** Hash-to-curve domain of fastcrypto's min-pk BLS (the IETF basic scheme). */
  public static final String DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_";
  public static final int PUBLIC_KEY_LENGTH = 48;
  public static final int SIGNATURE_LENGTH = 96;

  private BlsSignatures() {}

  /** True iff {@code signature} is a valid signature of {@code message} under {@code publicKey}. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    return verifyAggregate(List.of(publicKey), message, signature);
  }

  /** True iff {@code aggregate} is the aggregate signature of {@code message} by all {@code publicKeys}. */
  public static boolean verifyAggregate(List<byte[]> publicKeys, byte[] message, byte[] aggregate) {
    if (publicKeys.isEmpty() || aggregate == null || aggregate.length != SIGNATURE_LENGTH) {
      return false;
    }
    try {
      P1 sum = new P1();
      boolean first = true;
      for (byte[] pk : publicKeys) {
        if (pk == null || pk.length != PUBLIC_KEY_LENGTH) {
          return false;
        }
        P1_Affine a = new P1_Affine(pk);
        if (!a.in_group() || new P1(a).is_inf()) {
          return false;
        }
        if (first) {
          sum = new P1(a);
          first = false;
        } else {
          sum.add(a);
        }
      }
      P2_Affine sig = new P2_Affine(aggregate);
      if (!sig.in_group()) {
        return false;
      }
      return sig.core_verify(sum.to_affine(), true, message, DST) == BLST_ERROR.BLST_SUCCESS;
    } catch (RuntimeException e) {
      // blst throws on bytes that are not a point encoding
      return false;
    }
  }

  /** G2 sum of the signatures (each subgroup-checked). */
  public static byte[] aggregate(List<byte[]> signatures) {
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("no signatures to aggregate");
    }
    P2 sum = null;
    for (byte[] s : signatures) {
      P2_Affine a = new P2_Affine(s);
      if (!a.in_group()) {
        throw new IllegalArgumentException("signature not in G2: " + Base64.getEncoder().encodeToString(s));
      }
      if (sum == null) {
        sum = new P2(a);
      } else {
        sum.add(a);
      }
    }
    return sum.compress();
  }
}
