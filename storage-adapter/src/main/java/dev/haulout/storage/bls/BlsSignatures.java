package dev.haulout.storage.bls;

import dev.haulout.chain.adapter.bls.BlsCertificates;
import java.util.Base64;
import java.util.List;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * BLS12-381 min-pk verification and aggregation as Walrus uses them (fastcrypto
 * {@code bls12381::min_pk}): signatures in G2 hashed with {@link #DST}, aggregate = G2 sum, the
 * aggregate of one message checked against the G1 sum of the signers' keys. Every point is
 * subgroup-checked after decompression. Verification is chain's {@link BlsCertificates} (the
 * ledger's certificate check); this class adds signing-side aggregation.
 */
public final class BlsSignatures {
  /** Hash-to-curve domain of fastcrypto's min-pk BLS (the IETF basic scheme). */
  public static final String DST = BlsCertificates.DST;
  public static final int PUBLIC_KEY_LENGTH = BlsCertificates.PUBLIC_KEY_LENGTH;
  public static final int SIGNATURE_LENGTH = BlsCertificates.SIGNATURE_LENGTH;

  private BlsSignatures() {}

  /** True iff {@code signature} is a valid signature of {@code message} under {@code publicKey}. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    return verifyAggregate(List.of(publicKey), message, signature);
  }

  /** True iff {@code aggregate} is the aggregate signature of {@code message} by all {@code publicKeys}. */
  public static boolean verifyAggregate(List<byte[]> publicKeys, byte[] message, byte[] aggregate) {
    return BlsCertificates.verifyAggregate(publicKeys, message, aggregate);
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
