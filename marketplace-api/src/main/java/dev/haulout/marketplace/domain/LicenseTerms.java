package dev.haulout.marketplace.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A listing's licence as a machine can check it: an SPDX licence id (or {@code LicenseRef-…}) and
 * three flags — commercial use, AI training, redistribution — each allowed, forbidden or unstated
 * (null). On chain it is the listing's {@code license} text {@code SPDX[;flag=yes|no]…}, e.g.
 * {@code CC-BY-4.0;commercial-use=yes;ai-training=no}; {@link #parse} reads any text, so older
 * listings with a bare id (or free text) keep working.
 */
public record LicenseTerms(String spdx, Boolean commercialUse, Boolean aiTraining, Boolean redistribution) {
  private static final Pattern SPDX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+-]{0,63}");
  public static final String DEFAULT_SPDX = "LicenseRef-Proprietary";

  /** From publish metadata: {@code spdx} null means proprietary; an id that is not SPDX-shaped is refused. */
  public static LicenseTerms of(String spdx, Boolean commercialUse, Boolean aiTraining, Boolean redistribution) {
    String id = spdx == null || spdx.isBlank() ? DEFAULT_SPDX : spdx.strip();
    if (!SPDX.matcher(id).matches()) {
      throw new IllegalArgumentException("license '" + Texts.printable(id, 40)
          + "' is not an SPDX licence id (e.g. CC-BY-4.0, MIT, LicenseRef-Custom)");
    }
    return new LicenseTerms(id, commercialUse, aiTraining, redistribution);
  }

  /** The on-chain text. */
  public String format() {
    StringBuilder b = new StringBuilder(spdx);
    flag(b, "commercial-use", commercialUse);
    flag(b, "ai-training", aiTraining);
    flag(b, "redistribution", redistribution);
    return b.toString();
  }

  /** Reads the on-chain text (null → null). Unknown flags are ignored; a bare text is the id. */
  public static LicenseTerms parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String[] parts = text.split(";");
    Boolean c = null;
    Boolean a = null;
    Boolean r = null;
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].strip().split("=", 2);
      if (kv.length != 2) {
        continue;
      }
      Boolean v = switch (kv[1].strip().toLowerCase(Locale.ROOT)) {
        case "yes", "true" -> Boolean.TRUE;
        case "no", "false" -> Boolean.FALSE;
        default -> null;
      };
      switch (kv[0].strip().toLowerCase(Locale.ROOT)) {
        case "commercial-use" -> c = v;
        case "ai-training" -> a = v;
        case "redistribution" -> r = v;
        default -> { }
      }
    }
    return new LicenseTerms(parts[0].strip(), c, a, r);
  }

  private static void flag(StringBuilder b, String name, Boolean v) {
    if (v != null) {
      b.append(';').append(name).append('=').append(v ? "yes" : "no");
    }
  }
}
