package dev.haulout.erasure.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the hardware reports, read independently of the code under test: the CPU flags of
 * {@code /proc/cpuinfo} (Linux). Tests decide which vector paths must be in use from these, never
 * from build flags alone.
 */
final class CpuFlags {
  private static final Set<String> FLAGS = read();

  private CpuFlags() {}

  static boolean has(String flag) {
    return FLAGS.contains(flag);
  }

  /**
   * The widest vectors the CPU runs natively, in bits, from its flags alone: 512 with AVX-512 F,
   * 256 with AVX2, 128 with SSE2 or NEON (asimd), else 0. (AVX without AVX2 has no 256-bit
   * integer operations, so it counts as 128.)
   */
  static int vectorBits() {
    if (has("avx512f")) {
      return 512;
    }
    if (has("avx2")) {
      return 256;
    }
    if (has("sse2") || has("asimd")) {
      return 128;
    }
    return 0;
  }

  /** The SIMD flags of interest, for test output. */
  static String vectorFlags() {
    return FLAGS.stream()
        .filter(f -> f.startsWith("avx") || f.startsWith("sse") || f.equals("asimd") || f.equals("gfni"))
        .collect(Collectors.joining(" ", "[", "]"));
  }

  private static Set<String> read() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("flags") || line.startsWith("Features")) {
          return new TreeSet<>(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: no flags known
    }
    return new TreeSet<>();
  }
}
