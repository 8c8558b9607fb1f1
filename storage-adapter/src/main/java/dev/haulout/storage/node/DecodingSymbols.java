package dev.haulout.storage.node;

import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.wire.BcsReader;
import dev.haulout.wire.BcsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * BCS of a node's {@code decodingSymbols} answer (SPEC §9): a map target sliver index → symbols
 * without proofs, as BCS encodes {@code BTreeMap<u16, Vec<DecodingSymbol>>}:
 * {@code ULEB128 targets ‖ targets × (u16 target ‖ ULEB128 m ‖ m × (u16 source index ‖ ULEB128
 * len ‖ len bytes))}, targets ascending and, within a target, sources ascending. This layout is
 * this module's choice (Walrus's exact type is not in the spec).
 */
public final class DecodingSymbols {
  private DecodingSymbols() {}

  public static byte[] toBcs(SortedMap<Integer, List<Map.Entry<Integer, byte[]>>> map) {
    BcsWriter w = new BcsWriter(1024);
    w.uleb128(map.size());
    for (Map.Entry<Integer, List<Map.Entry<Integer, byte[]>>> e : map.entrySet()) {
      w.u16(e.getKey()).vector(e.getValue(), (out, s) -> out.u16(s.getKey()).bytes(s.getValue()));
    }
    return w.toByteArray();
  }

  public static SortedMap<Integer, List<Map.Entry<Integer, byte[]>>> fromBcs(byte[] b) {
    BcsReader r = new BcsReader(b, (offset, detail) -> bad(detail + " at byte " + offset));
    SortedMap<Integer, List<Map.Entry<Integer, byte[]>>> out = new TreeMap<>();
    long targets = r.uleb128();
    for (long i = 0; i < targets; i++) {
      int target = r.u16();
      long m = r.uleb128();
      List<Map.Entry<Integer, byte[]>> list = new ArrayList<>();
      for (long j = 0; j < m; j++) {
        int source = r.u16();
        list.add(Map.entry(source, r.bytes()));
      }
      if (out.put(target, list) != null) {
        throw bad("duplicate target " + target);
      }
    }
    r.expectEnd();
    return out;
  }

  private static StorageException bad(String msg) {
    return StorageException.invalidArgument(StorageErrorCode.INVALID_DECODING_SYMBOLS, "malformed decoding symbols: " + msg);
  }
}
