package dev.haulout.cli.erasure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.cli.Haulout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErasureCommandsTest {
  @TempDir Path tmp;

  private String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Haulout.run(args), String.join(" ", args));
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void blobIdPrintsTheWalrusIdOfEachFile() throws Exception {
    Path f = tmp.resolve("regression.txt");
    Files.writeString(f, "walrus blob id v1 regression test", StandardCharsets.US_ASCII);
    Path g = tmp.resolve("other.txt");
    Files.writeString(g, "some other string", StandardCharsets.US_ASCII);
    assertEquals("RcU82Mwf-CFkv1LaI_2qcpANwpGUuG3TMwnVzZxD2kY " + f + System.lineSeparator(),
        run("blob-id", "--shards", "10", f.toString()));
    String both = run("blob-id", g.toString());
    assertTrue(both.startsWith("M4hsZGQ1oCktdzegB6HnI6Mi28S2nqOPHxK-W7_4BUk " + g), both);
  }

  @Test
  void encodeThenDecodeFromASubsetOfSlivers() throws Exception {
    byte[] blob = new byte[50_000];
    new Random(1).nextBytes(blob);
    Path f = tmp.resolve("blob.bin");
    Files.write(f, blob);
    Path dir = tmp.resolve("slivers");
    String enc = run("encode", "--shards", "10", "--out", dir.toString(), f.toString());
    assertTrue(enc.contains("k1=4 k2=7"), enc);
    assertEquals(21, Files.list(dir).count());
    // keep only primary slivers 3, 5, 8, 9 (k1 = 4, none systematic except 3)
    for (int i = 0; i < 10; i++) {
      Files.delete(SliverFiles.sliver(dir, dev.haulout.erasure.Axis.SECONDARY, i));
      if (i != 3 && i != 5 && i != 8 && i != 9) {
        Files.delete(SliverFiles.sliver(dir, dev.haulout.erasure.Axis.PRIMARY, i));
      }
    }
    Path out = tmp.resolve("out.bin");
    String dec = run("decode", "--out", out.toString(), dir.toString());
    assertTrue(dec.contains("4 primary / 0 secondary"), dec);
    assertArrayEquals(blob, Files.readAllBytes(out));
    Files.delete(SliverFiles.sliver(dir, dev.haulout.erasure.Axis.PRIMARY, 9));
    assertNotEquals(0, Haulout.run("decode", "--out", out.toString(), dir.toString()));
  }
}
