package dev.haulout.chain.adapter.bls;

import dev.haulout.chain.engine.CertificateVerifier;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import supranational.blst.BLST_ERROR;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

/**
 * The ledger's real certificate check, and its default ({@code LedgerServerOptions},
 * {@code PgLedger.open(options, config)}): the aggregate BLS12-381 min-pk signature (fastcrypto
 * {@code bls12381::min_pk}, as Walrus) over the exact message by the signers' registered keys
 * (standard base64 of 48-byte compressed G1 keys). Signatures are in G2, hashed with {@link #DST};
 * the aggregate is checked against the G1 sum of the keys. Every point is subgroup-checked after
 * decompression; keys at infinity, bad encodings and wrong lengths are refused.
 *
 * <p>It lives in chain (an adapter package, on blst) so a ledger started on its own checks
 * certificates; storage-adapter depends on chain, not the other way round.
 */
public final class BlsCertificates implements CertificateVerifier {
  /** Hash-to-curve domain of fastcrypto's min-pk BLS (the IETF basic scheme). */
  public static final String DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_";
  public static final int PUBLIC_KEY_LENGTH = 48;
  public static final int SIGNATURE_LENGTH = 96;

  private static final BlsCertificates INSTANCE = new BlsCertificates();

  private BlsCertificates() {}

  public static BlsCertificates verifier() {
    return INSTANCE;
  }

  @Override
  public boolean verify(byte[] message, List<String> signerPublicKeys, byte[] aggregateSignature) {
    List<byte[]> keys = new ArrayList<>(signerPublicKeys.size());
    for (String k : signerPublicKeys) {
      try {
        keys.add(Base64.getDecoder().decode(k));
      } catch (IllegalArgumentException | NullPointerException e) {
        return false;
      }
    }
    return verifyAggregate(keys, message, aggregateSignature);
  }

  /** True iff {@code aggregate} is the aggregate signature of {@code message} by all {@code publicKeys}. */
  public static boolean verifyAggregate(List<byte[]> publicKeys, byte[] message, byte[] aggregate) {
    if (publicKeys.isEmpty() || message == null || aggregate == null || aggregate.length != SIGNATURE_LENGTH) {
      return false;
    }
    try {
      P1 sum = null;
      for (byte[] pk : publicKeys) {
        if (pk == null || pk.length != PUBLIC_KEY_LENGTH) {
          return false;
        }
        P1_Affine a = new P1_Affine(pk);
        if (!a.in_group() || new P1(a).is_inf()) {
          return false;
        }
        if (sum == null) {
          sum = new P1(a);
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
      return false; // blst throws on bytes that are not a point encoding
    }
  }
}
