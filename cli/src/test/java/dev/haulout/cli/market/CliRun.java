package dev.haulout.cli.market;

import dev.haulout.cli.Haulout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code haulout ARGS} in this JVM with captured stdout/stderr and a given stdin. */
record CliRun(int exit, String out, String err) {
  static CliRun of(String stdin, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    InputStream oldIn = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
    try {
      int code = Haulout.run(args);
      return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      System.setIn(oldIn);
    }
  }

  /** The one stderr line of a failed run, which must be "error: CODE: …" and hold no stack trace. */
  String errorCode() {
    String e = err.strip();
    if (e.contains("\n") || e.contains("Exception") || e.contains("\tat ")) {
      throw new AssertionError("not a one-line error: " + err);
    }
    if (!e.startsWith("error: ")) {
      throw new AssertionError("not an error line: " + err);
    }
    String rest = e.substring(7);
    return rest.substring(0, rest.indexOf(':'));
  }
}
