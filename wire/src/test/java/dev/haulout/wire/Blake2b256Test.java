package dev.haulout.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

class Blake2b256Test {

  private static byte[] reference(byte[] in) {
    Blake2bDigest d = new Blake2bDigest(256);
    d.update(in, 0, in.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  @Test
  void matchesKnownVectorForAbc() {
    // BLAKE2b-256("abc"), from the BLAKE2 reference implementation
    assertEquals(
        "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319",
        Hex.encode(new Blake2b256().digest("abc".getBytes(StandardCharsets.US_ASCII))));
    assertEquals(
        "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8",
        Hex.encode(new Blake2b256().digest(new byte[0])));
  }

  @Test
  void matchesBouncyCastleOnEveryLengthAroundBlockBoundaries() {
    SplittableRandom rnd = new SplittableRandom(1);
    Blake2b256 h = new Blake2b256();
    for (int len = 0; len < 700; len++) {
      byte[] data = new byte[len + 3];
      rnd.nextBytes(data);
      byte[] plain = java.util.Arrays.copyOfRange(data, 1, 1 + len);
      assertArrayEquals(reference(plain), h.digest(plain), "len " + len);
      byte[] prefixed = new byte[len + 1];
      prefixed[0] = 0x00;
      System.arraycopy(plain, 0, prefixed, 1, len);
      byte[] out = new byte[40];
      h.hash(0, data, 1, len, out, 8);
      assertArrayEquals(reference(prefixed), java.util.Arrays.copyOfRange(out, 8, 40), "prefixed len " + len);
    }
  }

  @Test
  void nodeHashIsPrefixOneAndBothChildren() {
    byte[] l = new byte[32];
    byte[] r = new byte[32];
    new SplittableRandom(2).nextBytes(l);
    new SplittableRandom(3).nextBytes(r);
    byte[] in = new byte[65];
    in[0] = 1;
    System.arraycopy(l, 0, in, 1, 32);
    System.arraycopy(r, 0, in, 33, 32);
    byte[] out = new byte[32];
    new Blake2b256().node(l, 0, r, 0, out, 0);
    assertArrayEquals(reference(in), out);
  }

  @Test
  void staticHashIsTheDigestOfTheConcatenation() {
    byte[] a = "ab".getBytes(StandardCharsets.US_ASCII);
    byte[] c = "c".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(reference("abc".getBytes(StandardCharsets.US_ASCII)), Blake2b256.hash(a, c));
    assertArrayEquals(reference(new byte[0]), Blake2b256.hash());
  }
}
