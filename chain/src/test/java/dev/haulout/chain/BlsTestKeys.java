package dev.haulout.chain;

import dev.haulout.chain.adapter.bls.BlsCertificates;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import supranational.blst.P1;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.SecretKey;

/** Test BLS12-381 min-pk keys (deterministic from a label) and aggregate signing, with blst. */
public final class BlsTestKeys {
  private final SecretKey secret = new SecretKey();
  private final String publicKeyBase64;

  public BlsTestKeys(String label) {
    byte[] seed = new byte[32];
    byte[] l = label.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < seed.length; i++) {
      seed[i] = (byte) (i < l.length ? l[i] : 0x5a ^ i);
    }
    secret.keygen(seed);
    publicKeyBase64 = Base64.getEncoder().encodeToString(new P1(secret).compress());
  }

  public String publicKeyBase64() {
    return publicKeyBase64;
  }

  public byte[] sign(byte[] message) {
    return new P2().hash_to(message, BlsCertificates.DST).sign_with(secret).compress();
  }

  /** The G2 sum of each key's signature over {@code message}. */
  public static byte[] aggregate(List<BlsTestKeys> keys, byte[] message) {
    P2 sum = null;
    for (BlsTestKeys k : keys) {
      P2_Affine a = new P2_Affine(k.sign(message));
      if (sum == null) {
        sum = new P2(a);
      } else {
        sum.add(a);
      }
    }
    return sum.compress();
  }
}
