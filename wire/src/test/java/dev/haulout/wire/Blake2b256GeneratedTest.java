package dev.haulout.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The unrolled rounds of Blake2b256 are generated: the committed file must be the generator's output. */
class Blake2b256GeneratedTest {
  @Test
  void committedRoundsAreTheGeneratorsOutput() throws IOException {
    String text = Files.readString(Path.of("src/main/java/dev/haulout/wire/Blake2b256.java"), StandardCharsets.UTF_8);
    int at = text.indexOf(Blake2b256Generator.MARKER);
    assertTrue(at > 0, "Blake2b256.java has no generated section");
    assertEquals(Blake2b256Generator.rounds(), text.substring(at),
        "Blake2b256.java differs from Blake2b256Generator; regenerate (see its Javadoc)");
  }
}
