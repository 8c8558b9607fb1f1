package dev.haulout.marketplace;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link EmbeddedNetworkProfile} with parts of at most {@value #PART_BYTES} bytes
 * ({@code haulout.publish.max-part-bytes}), so a few hundred kilobytes publish as parts under a manifest.
 */
public class PartsProfile extends EmbeddedNetworkProfile {
  static final long PART_BYTES = 128 << 10;

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> m = new HashMap<>(super.getConfigOverrides());
    m.put("haulout.publish.max-part-bytes", String.valueOf(PART_BYTES));
    return m;
  }
}
