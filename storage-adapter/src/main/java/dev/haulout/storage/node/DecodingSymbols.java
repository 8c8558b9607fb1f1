package dev.haulout.storage.node;

import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import java.io.ByteArrayOutputStream;
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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    uleb(out, map.size());
    for (Map.Entry<Integer, List<Map.Entry<Integer, byte[]>>> e : map.entrySet()) {
      u16(out, e.getKey());
      uleb(out, e.getValue().size());
      for (Map.Entry<Integer, byte[]> s : e.getValue()) {
        u16(out, s.getKey());
        uleb(out, s.getValue().length);
        out.writeBytes(s.getValue());
      }
    }
    return out.toByteArray();
  }

  public static SortedMap<Integer, List<Map.Entry<Integer, byte[]>>> fromBcs(byte[] b) {
    int[] pos = {0};
    SortedMap<Integer, List<Map.Entry<Integer, byte[]>>> out = new TreeMap<>();
    long targets = uleb(b, pos);
    for (long i = 0; i < targets; i++) {
      int target = u16(b, pos);
      long m = uleb(b, pos);
      List<Map.Entry<Integer, byte[]>> list = new ArrayList<>();
      for (long j = 0; j < m; j++) {
        int source = u16(b, pos);
        long len = uleb(b, pos);
        if (len > b.length - pos[0]) {
          throw bad("symbol of " + len + " bytes past the end");
        }
        byte[] data = java.util.Arrays.copyOfRange(b, pos[0], pos[0] + (int) len);
        pos[0] += (int) len;
        list.add(Map.entry(source, data));
      }
      if (out.put(target, list) != null) {
        throw bad("duplicate target " + target);
      }
    }
    if (pos[0] != b.length) {
      throw bad((b.length - pos[0]) + " trailing bytes");
    }
    return out;
  }

  private static StorageException bad(String msg) {
    return StorageException.invalidArgument(StorageErrorCode.INVALID_DECODING_SYMBOLS, "malformed decoding symbols: " + msg);
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write(v & 0xFF);
    out.write((v >>> 8) & 0xFF);
  }

  private static void uleb(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static int u16(byte[] b, int[] pos) {
    if (pos[0] + 2 > b.length) {
      throw bad("truncated u16");
    }
    int v = (b[pos[0]] & 0xFF) | (b[pos[0] + 1] & 0xFF) << 8;
    pos[0] += 2;
    return v;
  }

  private static long uleb(byte[] b, int[] pos) {
    long v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (pos[0] >= b.length) {
        throw bad("truncated ULEB128");
      }
      int x = b[pos[0]++] & 0xFF;
      v |= (long) (x & 0x7F) << shift;
      if ((x & 0x80) == 0) {
        return v;
      }
    }
    throw bad("ULEB128 too long");
  }
}
