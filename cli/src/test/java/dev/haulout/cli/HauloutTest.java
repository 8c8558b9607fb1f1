package dev.haulout.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HauloutTest {
  static final String DASH_ID = "-iP9MZtlYOgDeIIqUK9SDRzsosvz5xlyFvq_67KSqy4";

  @TempDir Path tmp;

  @Test
  void blobIdsStartingWithADashStayPositional() {
    assertArrayEquals(new String[] {"read", "-o", "out.bin", "--", DASH_ID},
        Haulout.protectBlobIds(new String[] {"read", DASH_ID, "-o", "out.bin"}));
    // after an explicit "--" nothing moves; ordinary arguments are returned as they are
    String[] explicit = {"read", "--", DASH_ID};
    assertArrayEquals(explicit, Haulout.protectBlobIds(explicit));
    String[] plain = {"read", "M4hsZGQ1oCktdzegB6HnI6Mi28S2nqOPHxK-W7_4BUk", "--range", "0-9"};
    assertSame(plain, Haulout.protectBlobIds(plain));
    // an option that merely looks long is not a blob ID unless it is exactly 43 base64url characters
    String[] option = {"read", "--aggregator=http://127.0.0.1:9700", "x"};
    assertSame(option, Haulout.protectBlobIds(option));
  }

  @Test
  void aDashLeadingBlobIdReachesTheCommandAsItsArgument() {
    String err = runErr("read", "--ledger=http://127.0.0.1:1", DASH_ID);
    assertFalse(err.contains("Missing required parameter"), err);
    assertFalse(err.contains("Unknown option"), err);
  }

  @Test
  void fileErrorsSayWhatIsWrongWithWhichFile() {
    Path missing = tmp.resolve("missing.bin");
    String err = runErr("blob-id", missing.toString());
    assertEquals("error: no such file: " + missing, err.strip());
    String err2 = runErr("blob-id", tmp.toString());
    assertEquals("error: not a regular file: " + tmp, err2.strip());
  }

  private static String runErr(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      Haulout.run(args);
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
