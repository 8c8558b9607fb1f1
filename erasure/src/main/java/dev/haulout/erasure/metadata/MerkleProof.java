package dev.haulout.erasure.metadata;

import dev.haulout.wire.Blake2b256;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** A Merkle path: sibling hashes from the leaf level up (a zero padding node may appear). */
public final class MerkleProof {
  private final List<byte[]> siblings;

  private MerkleProof(List<byte[]> siblings) {
    this.siblings = siblings;
  }

  /** A proof from sibling hashes, each 32 bytes (copied). */
  public static MerkleProof of(List<byte[]> siblings) {
    List<byte[]> copy = new ArrayList<>(siblings.size());
    for (int i = 0; i < siblings.size(); i++) {
      byte[] s = siblings.get(i);
      if (s.length != 32) {
        throw new IllegalArgumentException("proof node " + i + " has " + s.length + " bytes, expected 32");
      }
      copy.add(s.clone());
    }
    return new MerkleProof(List.copyOf(copy));
  }

  public int size() {
    return siblings.size();
  }

  /** Sibling {@code i} (a copy). */
  public byte[] sibling(int i) {
    return siblings.get(i).clone();
  }

  /** Whether {@code leafHash} sits at {@code index} under {@code root}. */
  public boolean verifiesLeafHash(byte[] root, byte[] leafHash, int index) {
    if (index < 0 || (siblings.size() < 31 && index >= (1 << siblings.size()))) {
      return false;
    }
    Blake2b256 h = new Blake2b256();
    byte[] cur = leafHash.clone();
    int idx = index;
    for (byte[] sib : siblings) {
      if ((idx & 1) == 0) {
        h.node(cur, 0, sib, 0, cur, 0);
      } else {
        h.node(sib, 0, cur, 0, cur, 0);
      }
      idx >>>= 1;
    }
    return MessageDigest.isEqual(cur, root);
  }

  /** Whether leaf data {@code data} sits at {@code index} under {@code root}. */
  public boolean verifies(byte[] root, byte[] data, int index) {
    return verifiesLeafHash(root, MerkleTree.leafHash(data), index);
  }
}
