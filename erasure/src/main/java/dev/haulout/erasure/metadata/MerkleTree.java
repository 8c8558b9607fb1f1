package dev.haulout.erasure.metadata;

import dev.haulout.wire.Blake2b256;
import dev.haulout.erasure.internal.Blake2bBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Walrus Merkle trees (SPEC §4): leaf {@code H(0x00 ‖ data)}, inner node {@code H(0x01 ‖ l ‖ r)},
 * an odd level is padded with an all-zero node (not a duplicate), one leaf is its own root and no
 * leaf gives 32 zero bytes. H is BLAKE2b-256. Leaf hashes are passed as one flat array, 32 bytes
 * per leaf.
 */
public final class MerkleTree {
  static final byte[] ZERO = new byte[32];

  private MerkleTree() {}

  /** Leaf hash {@code H(0x00 ‖ data[off, off+len))} written to {@code out[outOff, +32)}. */
  public static void leafHash(Blake2b256 h, byte[] data, int off, int len, byte[] out, int outOff) {
    h.hash(0, data, off, len, out, outOff);
  }

  /** Leaf hash of {@code data}. */
  public static byte[] leafHash(byte[] data) {
    byte[] out = new byte[32];
    new Blake2b256().hash(0, data, 0, data.length, out, 0);
    return out;
  }

  /**
   * Root over {@code count} leaf hashes at {@code leaves[off, off + 32 count)}; {@code scratch}
   * must hold {@code 32 count} bytes and may be the leaf array itself at {@code off == 0}.
   */
  public static void root(
      Blake2b256 h, byte[] leaves, int off, int count, byte[] scratch, byte[] out, int outOff) {
    if (count == 0) {
      System.arraycopy(ZERO, 0, out, outOff, 32);
      return;
    }
    if (scratch != leaves || off != 0) {
      System.arraycopy(leaves, off, scratch, 0, 32 * count);
    }
    int level = count;
    while (level > 1) {
      int next = (level + 1) >>> 1;
      for (int i = 0; i < next; i++) {
        int left = 64 * i;
        if (2 * i + 1 < level) {
          h.node(scratch, left, scratch, left + 32, scratch, 32 * i);
        } else {
          h.node(scratch, left, ZERO, 0, scratch, 32 * i);
        }
      }
      level = next;
    }
    System.arraycopy(scratch, 0, out, outOff, 32);
  }

  /**
   * As {@link #root(Blake2b256, byte[], int, int, byte[], byte[], int)}, hashing each level's
   * nodes together through {@code nodes}, a batch for messages {@code 0x01 ‖ 64 bytes}.
   */
  public static void root(
      Blake2bBatch nodes, byte[] leaves, int off, int count, byte[] scratch, byte[] out, int outOff) {
    if (nodes.prefix() != 1 || nodes.length() != 64) {
      throw new IllegalArgumentException("node batch must hash 0x01 ‖ 64 bytes");
    }
    if (count == 0) {
      System.arraycopy(ZERO, 0, out, outOff, 32);
      return;
    }
    if (scratch != leaves || off != 0) {
      System.arraycopy(leaves, off, scratch, 0, 32 * count);
    }
    byte[] pad = null;
    int level = count;
    while (level > 1) {
      int pairs = level >>> 1;
      // node i reads [64 i, 64 i + 64) and writes [32 i, 32 i + 32): a batch reads all its inputs
      // before writing, and later nodes read above what earlier ones write
      for (int i = 0; i < pairs; i++) {
        nodes.add(scratch, 64 * i, scratch, 32 * i);
      }
      if ((level & 1) != 0) {
        if (pad == null) {
          pad = new byte[64];
        }
        System.arraycopy(scratch, 64 * pairs, pad, 0, 32);
        nodes.add(pad, 0, scratch, 32 * pairs);
      }
      nodes.flush();
      level = (level + 1) >>> 1;
    }
    System.arraycopy(scratch, 0, out, outOff, 32);
  }

  /** Root over {@code count} leaf hashes (a convenience that allocates). */
  public static byte[] root(byte[] leaves, int count) {
    byte[] out = new byte[32];
    root(new Blake2b256(), leaves, 0, count, new byte[32 * Math.max(count, 1)], out, 0);
    return out;
  }

  /** Sibling hashes, bottom-up, proving leaf {@code index} of {@code count} leaves. */
  public static MerkleProof proof(Blake2b256 h, byte[] leaves, int off, int count, int index) {
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException("leaf index " + index + " out of range [0, " + count + ")");
    }
    byte[] level = Arrays.copyOfRange(leaves, off, off + 32 * count);
    int size = count;
    int idx = index;
    List<byte[]> path = new ArrayList<>();
    while (size > 1) {
      int sib = idx ^ 1;
      path.add(sib < size ? Arrays.copyOfRange(level, 32 * sib, 32 * sib + 32) : ZERO.clone());
      int next = (size + 1) >>> 1;
      for (int i = 0; i < next; i++) {
        if (2 * i + 1 < size) {
          h.node(level, 64 * i, level, 64 * i + 32, level, 32 * i);
        } else {
          h.node(level, 64 * i, ZERO, 0, level, 32 * i);
        }
      }
      size = next;
      idx >>>= 1;
    }
    return MerkleProof.of(path);
  }
}
