package dev.haulout.walrus;

import dev.haulout.wire.Blake2b256;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A Walrus blob ID: {@code BLAKE2b-256(u8 encoding type ‖ u64le(length) ‖ root)} (SPEC §6; Walrus's
 * {@code derive_blob_id}). Displayed as unpadded base64url; on Sui it is the little-endian
 * {@code u256} of the same bytes, while the shard rotation reads it big-endian. Immutable; the
 * one place a blob ID is parsed, derived or formatted.
 */
public final class BlobId {
  /** Bytes in a blob ID. */
  public static final int LENGTH = 32;

  private final byte[] bytes;

  private BlobId(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps 32 raw bytes (copied). */
  public static BlobId fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException("blob ID must be 32 bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    return new BlobId(bytes.clone());
  }

  /** Parses the 43-character unpadded base64url form. */
  public static BlobId fromBase64(String text) {
    if (text == null) {
      throw new IllegalArgumentException("blob ID is missing");
    }
    byte[] b;
    try {
      b = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a base64url blob ID: " + text, e);
    }
    if (b.length != LENGTH || text.length() != 43) {
      throw new IllegalArgumentException("not a 32-byte unpadded base64url blob ID: " + text);
    }
    return new BlobId(b);
  }

  /** True if {@code text} is a 43-character unpadded base64url blob ID. */
  public static boolean isBase64(String text) {
    try {
      fromBase64(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The blob ID of an RS2 blob of {@code unencodedLength} bytes with Merkle root {@code rootHash}. */
  public static BlobId compute(long unencodedLength, byte[] rootHash) {
    return derive(ShardGeometry.ENCODING_TYPE_RS2, unencodedLength, rootHash);
  }

  /**
   * Walrus's {@code derive_blob_id}: BLAKE2b-256 of BCS (u8 encoding type, u64 size, u256 root);
   * any encoding type byte, as a ledger checking a registration needs.
   */
  public static BlobId derive(int encodingType, long unencodedLength, byte[] rootHash) {
    if (rootHash.length != 32) {
      throw new IllegalArgumentException("root hash must be 32 bytes, got " + rootHash.length);
    }
    byte[] in = new byte[41];
    in[0] = (byte) encodingType;
    for (int i = 0; i < 8; i++) {
      in[1 + i] = (byte) (unencodedLength >>> (8 * i));
    }
    System.arraycopy(rootHash, 0, in, 9, 32);
    return new BlobId(new Blake2b256().digest(in));
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Unpadded base64url, as Walrus displays it. */
  public String toBase64() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  /** The little-endian {@code u256} value Sui stores. */
  public BigInteger toU256() {
    byte[] be = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      be[i] = bytes[LENGTH - 1 - i];
    }
    return new BigInteger(1, be);
  }

  /** Shard rotation: the ID read big-endian, modulo {@code nShards}. */
  public int rotationOffset(int nShards) {
    if (nShards <= 0) {
      throw new IllegalArgumentException("shard count must be positive: " + nShards);
    }
    int acc = 0;
    for (byte b : bytes) {
      acc = (int) (((long) acc * 256 + (b & 0xFF)) % nShards);
    }
    return acc;
  }

  /** Shard that stores sliver pair {@code pair}: {@code (pair + offset) mod n}. */
  public int shardOfPair(int pair, int nShards) {
    return (int) (((long) pair + rotationOffset(nShards)) % nShards);
  }

  /** Sliver pair stored on shard {@code shard}: {@code (shard - offset) mod n}. */
  public int pairOnShard(int shard, int nShards) {
    return Math.floorMod(shard - rotationOffset(nShards), nShards);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlobId && Arrays.equals(bytes, ((BlobId) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toBase64();
  }
}
