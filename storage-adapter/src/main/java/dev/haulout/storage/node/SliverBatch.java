package dev.haulout.storage.node;

import dev.haulout.wire.BcsReader;
import dev.haulout.wire.BcsWriter;
import dev.haulout.erasure.Axis;
import dev.haulout.erasure.SliverData;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Wire format of {@code PUT /v1/blobs/{id}/slivers}, this module's batch upload of several
 * slivers of one blob to one node in one request (an addition to the Walrus routes, which stay
 * as they are). Body: BCS {@code Vec<(u16 pair, u8 type, Vec<u8> SliverData)>}, i.e.
 * {@code ULEB128 count ‖ count × (u16le pair ‖ u8 type (0 primary, 1 secondary) ‖ ULEB128 len ‖
 * len bytes of BCS SliverData)}.
 */
public final class SliverBatch {
  /** Slivers per request. */
  public static final int MAX_SLIVERS = 1024;
  /** Largest sliver in a batch (the BCS reader's vector bound); larger ones go one per request. */
  public static final int MAX_SLIVER_BYTES = 1 << 20;
  /** Room for a {@code SliverData}'s BCS fields around its symbols. */
  private static final int SLIVER_HEADER_BYTES = 16;

  /** Whether a sliver whose symbols take {@code sliverLength} bytes fits in a batch entry. */
  public static boolean fits(long sliverLength) {
    return sliverLength <= MAX_SLIVER_BYTES - SLIVER_HEADER_BYTES;
  }
  /** Largest request body a node reads (413 {@code PAYLOAD_TOO_LARGE} above). */
  public static final long MAX_BODY_BYTES = 32L << 20;

  /** One sliver of the batch: the pair it belongs to and its BCS bytes as sent. */
  public record Entry(int pair, Axis axis, byte[] bcs) {}

  private SliverBatch() {}

  public static byte[] toBcs(List<Entry> entries) {
    if (entries.isEmpty() || entries.size() > MAX_SLIVERS) {
      throw new IllegalArgumentException("a batch holds 1 to " + MAX_SLIVERS + " slivers: " + entries.size());
    }
    BcsWriter w = new BcsWriter();
    w.uleb128(entries.size());
    for (Entry e : entries) {
      w.u16(e.pair()).u8(e.axis() == Axis.PRIMARY ? 0 : 1).bytes(e.bcs());
    }
    return w.toByteArray();
  }

  /** The same from encoder slivers (index and axis taken from each sliver). */
  public static Entry entry(int pair, SliverData sliver) {
    return new Entry(pair, sliver.axis(), sliver.toBcs());
  }

  /**
   * Parses a request body (the slivers themselves are checked by the node); malformed → 400
   * {@code INVALID_SLIVER_BATCH}, more than {@link #MAX_SLIVERS} → 400 {@code TOO_MANY_SLIVERS}.
   */
  public static List<Entry> parse(byte[] body) {
    BcsReader r = new BcsReader(body).maxLength(MAX_SLIVER_BYTES);
    List<Entry> out = new ArrayList<>();
    try {
      long count = r.uleb128();
      if (count == 0) {
        throw StorageException.invalidArgument(StorageErrorCode.INVALID_SLIVER_BATCH, "sliver batch is empty");
      }
      if (count > MAX_SLIVERS) {
        throw StorageException.invalidArgument(StorageErrorCode.TOO_MANY_SLIVERS, "at most " + MAX_SLIVERS + " slivers per batch, got " + count);
      }
      for (long i = 0; i < count; i++) {
        int pair = r.u16();
        int type = r.u8();
        if (type > 1) {
          throw StorageException.invalidArgument(StorageErrorCode.INVALID_SLIVER_BATCH, "entry " + i + ": sliver type must be 0 or 1, got " + type);
        }
        out.add(new Entry(pair, type == 0 ? Axis.PRIMARY : Axis.SECONDARY, r.bytes()));
      }
      r.expectEnd();
    } catch (IllegalArgumentException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_SLIVER_BATCH, "malformed sliver batch: " + e.getMessage());
    }
    return out;
  }
}
