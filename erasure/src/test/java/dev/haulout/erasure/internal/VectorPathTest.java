package dev.haulout.erasure.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.haulout.erasure.metadata.MerkleTree;
import dev.haulout.wire.Blake2b256;
import dev.haulout.erasure.rs.CodingLoop;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The runtime choice between the Vector-API and the scalar paths and their width, and the
 * multi-lane BLAKE2b against the scalar {@link Blake2b256} (itself tested against Bouncy Castle).
 * Surefire runs this class with the vectors on at the native width, once per forced width
 * ({@code -Dhaulout.erasure.vector.bits=512|256|128}) and with {@code -Dhaulout.erasure.vector=false};
 * {@code haulout.erasure.vector.expected} says whether that run asks for the vector paths. Which
 * width must then be in use is derived from the CPU flags ({@link CpuFlags}), not from the code
 * under test.
 */
public class VectorPathTest {

  /**
   * The width this run must use, 0 for the scalar paths: a forced width when the CPU has it;
   * without one, the CPU's widest vectors (128 bits and up: every width measured faster than the
   * scalar code).
   */
  static int expectedBits(boolean ask, String forced, int cpuBits) {
    if (!ask) {
      return 0;
    }
    if (forced != null) {
      int f = Integer.parseInt(forced.trim());
      return f <= cpuBits ? f : 0;
    }
    return cpuBits >= 128 ? cpuBits : 0;
  }

  /**
   * The width this surefire run must have vectors at (from its properties and the CPU flags, not
   * from the code under test); -1 outside the build's executions.
   */
  public static int expectedBits() {
    String expected = System.getProperty("haulout.erasure.vector.expected");
    if (expected == null) {
      return -1;
    }
    return expectedBits(asksVectors(expected), System.getProperty(VectorSupport.BITS_PROPERTY), CpuFlags.vectorBits());
  }

  /**
   * Whether this run asks for vectors: the execution's {@code haulout.erasure.vector.expected},
   * unless the user switched them off with {@code -Dhaulout.erasure.vector=false} (e.g. on the
   * Maven command line, which reaches every execution).
   */
  static boolean asksVectors(String expected) {
    return Boolean.parseBoolean(expected)
        && !"false".equalsIgnoreCase(System.getProperty(VectorSupport.PROPERTY, "true").trim());
  }

  /**
   * For a whole-encoding test in a forced-width run: skips it (with the reason) when that run
   * would repeat another one, i.e. the forced width is the CPU's native one (the default run
   * covers it) or the CPU lacks it (the run is on the scalar paths, which {@code scalar-path}
   * covers). Keeps the per-width executions to what only they test.
   */
  public static void assumeForcedRunAddsCoverage(String what) {
    if (System.getProperty(VectorSupport.BITS_PROPERTY) == null || expectedBits() < 0) {
      return;
    }
    int want = expectedBits();
    String why = want == 0
        ? "the CPU lacks the forced width, this run is on the scalar paths (covered by scalar-path)"
        : want == CpuFlags.vectorBits() ? "the forced width is the native one (covered by the default run)" : null;
    if (why != null) {
      System.out.printf("%s: skipped: %s%n", what, why);
    }
    assumeTrue(why == null, () -> what + ": skipped: " + why);
  }

  /**
   * For a vector-kernel test: returns when the kernels must be tested in this run, else skips the
   * test with the reason. In the build's runs that follows from the CPU flags, not from the probe
   * under test, so a kernel that disagrees with the scalar code (and makes the probe refuse it)
   * fails these tests instead of skipping them.
   */
  public static void assumeVectorsAvailable(String what) {
    int want = expectedBits();
    String why;
    if (want > 0) {
      return;
    } else if (want == 0) {
      String forced = System.getProperty(VectorSupport.BITS_PROPERTY);
      why = !asksVectors(System.getProperty("haulout.erasure.vector.expected"))
          ? "this run is on the scalar paths"
          : "the CPU has no " + (forced == null ? "128-bit or wider" : forced + "-bit") + " vectors (flags "
              + CpuFlags.vectorFlags() + ")";
    } else {
      why = VectorSupport.refusal();
      if (why == null) {
        return;
      }
    }
    String reason = why;
    System.out.printf("%s: skipped: %s%n", what, reason);
    assumeTrue(false, () -> what + ": skipped: " + reason);
  }

  @Test
  void selectionFollowsHardwareModuleAndProperties() {
    String expected = System.getProperty("haulout.erasure.vector.expected");
    assumeTrue(expected != null, "run outside the build's surefire executions");
    String forced = System.getProperty(VectorSupport.BITS_PROPERTY);
    int want = expectedBits(asksVectors(expected), forced, CpuFlags.vectorBits());
    System.out.printf(
        "VectorPathTest: build asks vectors=%s bits=%s, cpu flags %s -> expecting %s; running %s%n",
        expected, forced == null ? "native" : forced, CpuFlags.vectorFlags(),
        want == 0 ? "scalar paths" : want + "-bit vector paths", VectorSupport.describe());
    boolean on = want > 0;
    assertEquals(on, VectorSupport.enabled(), "vector paths in use: " + VectorSupport.describe());
    if (on) {
      assertEquals(want, VectorSupport.bits(), "vector width");
    }
    assertEquals(on ? "vector" : "bitsliced", CodingLoop.defaultLoop().name());
    assertEquals(on ? want / 64 : 1, Blake2bBatch.create(0, 302).lanes());
    assertEquals(on ? 4 : 3, CodingLoop.all().size());
  }

  @Test
  void expectedWidthRule() {
    assertEquals(0, expectedBits(false, null, 512));
    assertEquals(512, expectedBits(true, null, 512));
    assertEquals(256, expectedBits(true, null, 256));
    assertEquals(128, expectedBits(true, null, 128));
    assertEquals(0, expectedBits(true, null, 0));
    assertEquals(0, expectedBits(true, "128", 0));
    assertEquals(128, expectedBits(true, "128", 128));
    assertEquals(256, expectedBits(true, "256", 512));
    assertEquals(0, expectedBits(true, "512", 256));
  }

  @Test
  void vectorBlake2bEqualsScalarForManyLengthsPrefixesAndBatchSizes() {
    assumeVectorsAvailable("vector BLAKE2b");
    int lanes = Blake2bBatch.vector(0, 1).lanes();
    System.out.printf("VectorPathTest: %d-lane BLAKE2b (%d-bit) against the scalar hash%n", lanes, 64 * lanes);
    SplittableRandom rnd = new SplittableRandom(2026_11_23L);
    int[] fixed = {0, 1, 2, 31, 32, 63, 64, 65, 111, 126, 127, 128, 129, 130, 255, 256, 257, 302, 383, 384, 385, 1000};
    for (int t = 0; t < fixed.length + 60; t++) {
      int len = t < fixed.length ? fixed[t] : rnd.nextInt(1200);
      int prefix = new int[] {-1, 0, 1, 0x5a}[rnd.nextInt(4)];
      int count = 1 + rnd.nextInt(27); // full and partial batches
      byte[] data = new byte[len * count + 64];
      rnd.nextBytes(data);
      Blake2bBatch vec = Blake2bBatch.vector(prefix, len);
      Blake2bBatch ref = Blake2bBatch.scalar(prefix, len);
      assertEquals(lanes, vec.lanes());
      byte[] want = new byte[32 * count + 7];
      byte[] got = new byte[32 * count + 7];
      for (int rep = 0; rep < 2; rep++) { // reuse after flush
        for (int i = 0; i < count; i++) {
          int off = rnd.nextInt(data.length - len + 1);
          ref.add(data, off, want, 7 + 32 * i);
          vec.add(data, off, got, 7 + 32 * i);
        }
        ref.flush();
        vec.flush();
        assertArrayEquals(want, got, "len " + len + " prefix " + prefix + " count " + count);
      }
      // and against the one-shot scalar API
      byte[] one = new byte[32];
      byte[] msg = new byte[len];
      System.arraycopy(data, 0, msg, 0, len);
      new Blake2b256().hash(prefix, msg, 0, len, one, 0);
      vec.add(msg, 0, got, 0);
      vec.flush();
      assertArrayEquals(one, java.util.Arrays.copyOf(got, 32), "single message, len " + len);
    }
  }

  @Test
  void batchedMerkleRootsEqualScalarRoots() {
    assertRootsEqualScalar(() -> Blake2bBatch.create(1, 64), false, "default batch");
    assertRootsEqualScalar(() -> Blake2bBatch.scalar(1, 64), true, "scalar batch in place");
  }

  @Test
  void vectorBatchedMerkleRootsEqualScalarRoots() {
    assumeVectorsAvailable("vector Merkle roots");
    System.out.printf("VectorPathTest: Merkle roots on %d-lane BLAKE2b%n", Blake2bBatch.vector(1, 64).lanes());
    assertRootsEqualScalar(() -> Blake2bBatch.vector(1, 64), true, "vector batch in place");
  }

  /** Merkle roots of 0..1000 leaves through {@code batch} against the one-at-a-time scalar hash. */
  private static void assertRootsEqualScalar(Supplier<Blake2bBatch> batch, boolean inPlace, String label) {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int count = 0; count <= 1000; count = count < 70 ? count + 1 : count * 3 / 2) {
      byte[] leaves = new byte[32 * Math.max(count, 1)];
      rnd.nextBytes(leaves);
      byte[] want = new byte[32];
      MerkleTree.root(new Blake2b256(), leaves, 0, count, new byte[leaves.length], want, 0);
      byte[] got = new byte[32];
      byte[] in = leaves.clone();
      MerkleTree.root(batch.get(), in, 0, count, inPlace ? in : leaves.clone(), got, 0);
      assertArrayEquals(want, got, label + ", " + count + " leaves");
    }
  }
}
