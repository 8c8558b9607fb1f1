package dev.haulout.erasure.quilt;

import dev.haulout.wire.BcsReader;
import dev.haulout.wire.BcsWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** BCS of quilt tags, a {@code BTreeMap<String,String>}: keys in Rust {@code String} order. */
final class QuiltTags {
  /** Rust {@code String} order: unsigned byte-wise over UTF-8. */
  static final Comparator<String> UTF8_ORDER =
      (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private QuiltTags() {}

  static byte[] toBcs(Map<String, String> tags) {
    BcsWriter w = new BcsWriter(64);
    writeTags(w, tags);
    return w.toByteArray();
  }

  static void writeTags(BcsWriter w, Map<String, String> tags) {
    w.uleb128(tags.size());
    for (Map.Entry<String, String> e : tags.entrySet()) {
      w.string(e.getKey()).string(e.getValue());
    }
  }

  static SortedMap<String, String> readTags(BcsReader r) {
    int n = r.length();
    TreeMap<String, String> out = new TreeMap<>(UTF8_ORDER);
    String prev = null;
    for (int i = 0; i < n; i++) {
      String k = r.string();
      if (prev != null && UTF8_ORDER.compare(prev, k) >= 0) {
        throw r.fail("tag keys not strictly increasing at \"" + k + "\"");
      }
      out.put(k, r.string());
      prev = k;
    }
    return out;
  }
}
