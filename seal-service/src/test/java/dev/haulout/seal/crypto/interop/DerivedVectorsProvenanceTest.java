package dev.haulout.seal.crypto.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code src/test/resources/vectors/derived.json} is exactly what the official {@code @mysten/seal}
 * SDK produces: {@code interop/gen-derived.mjs --check} regenerates it with the pinned SDK and
 * compares byte for byte (it exits non-zero, failing this test, on any difference). So the vectors
 * that {@code DerivedVectorsTest} holds the Java code to cannot drift from the SDK or be edited by
 * hand.
 */
class DerivedVectorsProvenanceTest {
  @Test
  void derivedVectorsAreWhatTheOfficialSdkProduces() throws Exception {
    Path file = SealSdk.interopDir().getParent().resolve("src/test/resources/vectors/derived.json");
    assertTrue(Files.isRegularFile(file), file.toString());
    String out = SealSdk.node("gen-derived.mjs", "--check", file.toString());
    assertTrue(out.contains("identical to what @mysten/seal"), out);
  }
}
