package dev.haulout.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the unrolled compression rounds of {@link Blake2b256} (RFC 7693 §3.2: twelve rounds of
 * eight G mixes over the message schedule SIGMA), everything from {@link #MARKER} to the end of
 * the file. {@code Blake2b256GeneratedTest} checks the committed file equals this output; after a
 * change here, regenerate with
 * {@code java wire/src/test/java/dev/haulout/wire/Blake2b256Generator.java wire/src/main/java/dev/haulout/wire/Blake2b256.java}.
 */
public final class Blake2b256Generator {
  /** The first generated line; everything above it in Blake2b256.java is written by hand. */
  public static final String MARKER =
      "  // The twelve unrolled rounds are split in two methods: one method would exceed the JIT's\n";

  /** The eight G mixes of a round: four columns, then four diagonals, as (a, b, c, d). */
  private static final int[][] MIXES = {
    {0, 4, 8, 12}, {1, 5, 9, 13}, {2, 6, 10, 14}, {3, 7, 11, 15},
    {0, 5, 10, 15}, {1, 6, 11, 12}, {2, 7, 8, 13}, {3, 4, 9, 14},
  };

  private Blake2b256Generator() {}

  /** The generated tail of Blake2b256.java, from {@link #MARKER} to the closing brace. */
  public static String rounds() {
    StringBuilder s = new StringBuilder(MARKER);
    s.append("  // 8000-bytecode limit (HugeMethodLimit) and run interpreted.\n");
    method(s, "roundsZeroToFive", 0);
    s.append('\n');
    method(s, "roundsSixToEleven", 6);
    return s.append("}\n").toString();
  }

  private static void method(StringBuilder s, String name, int firstRound) {
    s.append("  private static void ").append(name).append("(byte[] b, long[] v) {\n");
    for (int i = 0; i < 16; i++) {
      s.append("    long m").append(i).append(" = (long) LONGS.get(b, ").append(8 * i).append(");\n");
    }
    for (int i = 0; i < 16; i++) {
      s.append("    long v").append(i).append(" = v[").append(i).append("];\n");
    }
    for (int r = firstRound; r < firstRound + 6; r++) {
      int[] sigma = new int[16];
      for (int i = 0; i < 16; i++) {
        sigma[i] = Blake2b256.sigma(r, i);
      }
      for (int g = 0; g < 8; g++) {
        int[] x = MIXES[g];
        mix(s, x[0], x[1], x[2], x[3], sigma[2 * g], sigma[2 * g + 1]);
      }
    }
    for (int i = 0; i < 16; i++) {
      s.append("    v[").append(i).append("] = v").append(i).append(";\n");
    }
    s.append("  }\n");
  }

  private static void mix(StringBuilder s, int a, int b, int c, int d, int x, int y) {
    s.append("    v").append(a).append(" += v").append(b).append(" + m").append(x).append(";\n");
    rotate(s, d, a, 32);
    s.append("    v").append(c).append(" += v").append(d).append(";\n");
    rotate(s, b, c, 24);
    s.append("    v").append(a).append(" += v").append(b).append(" + m").append(y).append(";\n");
    rotate(s, d, a, 16);
    s.append("    v").append(c).append(" += v").append(d).append(";\n");
    rotate(s, b, c, 63);
  }

  private static void rotate(StringBuilder s, int target, int with, int bits) {
    s.append("    v").append(target).append(" = Long.rotateRight(v").append(target).append(" ^ v").append(with)
        .append(", ").append(bits).append(");\n");
  }

  /** Rewrites the generated tail of the Blake2b256.java at {@code args[0]} in place. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int at = text.indexOf(MARKER);
    if (at < 0) {
      throw new IllegalStateException("no generated section in " + file);
    }
    Files.writeString(file, text.substring(0, at) + rounds(), StandardCharsets.UTF_8);
  }
}
