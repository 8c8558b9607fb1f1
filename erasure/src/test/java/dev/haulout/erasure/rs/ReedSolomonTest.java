package dev.haulout.erasure.rs;

import static dev.haulout.erasure.testing.TestData.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haulout.erasure.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReedSolomonTest {

  static Stream<Arguments> vectorsTimesLoops() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode v : TestData.vectors("rs-vectors.json")) {
      for (CodingLoop loop : CodingLoop.all()) {
        String name =
            "n=" + v.get("n_shards").asInt() + " RS(" + v.get("original_count").asInt() + ","
                + v.get("recovery_count").asInt() + ") S=" + v.get("symbol_size").asInt() + " "
                + loop.name();
        out.add(Arguments.of(name, v, loop));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectorsTimesLoops")
  void encodesLikeReedSolomonSimd(String name, JsonNode v, CodingLoop loop) {
    int n = v.get("n_shards").asInt();
    int k = v.get("original_count").asInt();
    int r = v.get("recovery_count").asInt();
    int s = v.get("symbol_size").asInt();
    ReedSolomon rs = ReedSolomon.create(k, r);
    assertEquals(v.get("rate").asText().toUpperCase(), rs.rate().name());
    byte[][] originals = originals(v, n, k, s);
    assertEquals(v.get("originals_sha256").asText(), hex(TestData.sha256(concat(originals))));
    byte[] recovery = concat(rs.encode(loop, originals));
    if (v.has("recovery_hex")) {
      assertEquals(v.get("recovery_hex").asText(), hex(recovery));
    }
    assertEquals(v.get("recovery_sha256").asText(), hex(TestData.sha256(recovery)));
  }

  private static byte[][] originals(JsonNode v, int n, int k, int s) {
    byte[] flat;
    if (v.has("originals_hex")) {
      flat = TestData.hex(v.get("originals_hex").asText());
    } else {
      int f = (n - 1) / 3;
      int k1 = n - 2 * f;
      int k2 = n - f;
      byte[] blob = TestData.stream(k1 * k2 * s);
      flat = new byte[k * s];
      boolean row = v.get("code").asText().startsWith("secondary");
      for (int i = 0; i < k; i++) {
        int from = row ? i * s : i * k2 * s;
        System.arraycopy(blob, from, flat, i * s, s);
      }
    }
    byte[][] out = new byte[k][];
    for (int i = 0; i < k; i++) {
      out[i] = Arrays.copyOfRange(flat, i * s, (i + 1) * s);
    }
    return out;
  }

  static byte[] concat(byte[][] parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static Stream<Arguments> codes() {
    int[][] codes = {
      {2, 2}, {3, 1}, {3, 4}, {5, 2}, {4, 6}, {7, 3}, {5, 8}, {9, 4}, {34, 66}, {67, 33},
      {334, 666}, {667, 333}, {1, 1}, {1, 5}, {300, 212}, {512, 512}, {100, 1}, {2, 200}
    };
    List<Arguments> out = new ArrayList<>();
    for (int[] c : codes) {
      for (int s : new int[] {2, 6, 64, 66, 130}) {
        out.add(Arguments.of(c[0], c[1], s));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "RS({0},{1}) S={2}")
  @MethodSource("codes")
  void decodesFromAnyKSymbolsAndLoopsAgree(int k, int r, int s) {
    SplittableRandom rnd = new SplittableRandom(31L * k + r + s);
    ReedSolomon rs = ReedSolomon.create(k, r);
    byte[][] originals = new byte[k][s];
    for (byte[] o : originals) {
      rnd.nextBytes(o);
    }
    byte[][] recovery = null;
    for (CodingLoop loop : CodingLoop.all()) {
      byte[][] rec = rs.encode(loop, originals);
      if (recovery != null) {
        assertArrayEquals(recovery, rec, "loop " + loop.name());
      }
      recovery = rec;
    }
    for (int trial = 0; trial < 3; trial++) {
      byte[][] codeword = new byte[k + r][];
      int[] order = shuffled(k + r, rnd);
      for (int q = 0; q < k; q++) {
        int i = order[q];
        codeword[i] = i < k ? originals[i] : recovery[i - k];
      }
      for (CodingLoop loop : CodingLoop.all()) {
        byte[][] decoded = rs.decode(loop, codeword);
        assertArrayEquals(originals, decoded, "trial " + trial + " loop " + loop.name());
      }
    }
  }

  @Test
  void worstCaseDecodeUsesOnlyParity() {
    ReedSolomon rs = ReedSolomon.create(334, 666);
    SplittableRandom rnd = new SplittableRandom(3);
    byte[][] originals = new byte[334][4];
    for (byte[] o : originals) {
      rnd.nextBytes(o);
    }
    byte[][] recovery = rs.encode(originals);
    byte[][] codeword = new byte[1000][];
    for (int j = 666 - 334; j < 666; j++) {
      codeword[334 + j] = recovery[j];
    }
    assertArrayEquals(originals, rs.decode(codeword));
  }

  static int[] shuffled(int n, SplittableRandom rnd) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  @Test
  void rejectsBadParametersNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReedSolomon.create(0, 3));
    assertTrue(e.getMessage().contains("0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ReedSolomon.create(3, -1));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ReedSolomon.create(40000, 40000));
    assertTrue(e.getMessage().contains("40000"), e.getMessage());
    ReedSolomon rs = ReedSolomon.create(3, 2);
    e = assertThrows(IllegalArgumentException.class, () -> rs.encode(new byte[][] {new byte[3], new byte[3], new byte[3]}));
    assertTrue(e.getMessage().contains("3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> rs.decode(new byte[][] {new byte[2], null, null, null, null}));
    assertTrue(e.getMessage().contains("got 1"), e.getMessage());
  }
}
