package dev.haulout.cli.market;

import java.util.HashMap;
import java.util.Map;

/** The process environment, which tests replace (the JDK cannot set a variable of its own process). */
public final class Env {
  private static volatile Map<String, String> override;

  private Env() {}

  public static Map<String, String> all() {
    Map<String, String> o = override;
    return o != null ? o : System.getenv();
  }

  public static String get(String name, String dflt) {
    String v = all().get(name);
    return v == null || v.isBlank() ? dflt : v;
  }

  /** Tests: run with {@code vars} in place of the environment; {@code null} restores it. */
  public static void override(Map<String, String> vars) {
    override = vars == null ? null : new HashMap<>(vars);
  }
}
