package dev.haulout.erasure.encoding;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.SliverData;
import dev.haulout.wire.Blake2b256;
import dev.haulout.erasure.metadata.MerkleProof;
import dev.haulout.erasure.metadata.MerkleTree;
import dev.haulout.erasure.rs.CodingLoop;
import dev.haulout.erasure.rs.ReedSolomon;

/**
 * The full n-symbol expansion of one sliver with the orthogonal code (a primary sliver's k2
 * symbols plus f row-code parities; a secondary sliver's k1 symbols plus 2f column-code
 * parities), its leaf hashes and Merkle root, which is the sliver hash (SPEC §4).
 */
final class SliverExpansion {
  private final int n;
  private final int s;
  private final byte[] symbols;
  private final byte[] leaves;

  private SliverExpansion(int n, int s, byte[] symbols, byte[] leaves) {
    this.n = n;
    this.s = s;
    this.symbols = symbols;
    this.leaves = leaves;
  }

  static SliverExpansion of(EncodingConfig config, SliverData sliver, CodingLoop loop, Blake2b256 h) {
    int n = config.nShards();
    int s = sliver.symbolSize();
    ReedSolomon rs = sliver.axis() == Axis.PRIMARY ? config.secondaryCode() : config.primaryCode();
    int k = rs.originalCount();
    byte[] work = new byte[Math.max(rs.workShards(), k) * s];
    byte[] data = sliver.dataView();
    System.arraycopy(data, 0, work, 0, k * s);
    rs.encodeInPlace(loop, work, s, s);
    byte[] symbols = new byte[n * s];
    System.arraycopy(data, 0, symbols, 0, k * s);
    System.arraycopy(work, 0, symbols, k * s, (n - k) * s);
    byte[] leaves = new byte[32 * n];
    for (int i = 0; i < n; i++) {
      h.hash(0, symbols, i * s, s, leaves, 32 * i);
    }
    return new SliverExpansion(n, s, symbols, leaves);
  }

  byte[] root(Blake2b256 h) {
    byte[] out = new byte[32];
    MerkleTree.root(h, leaves, 0, n, new byte[32 * n], out, 0);
    return out;
  }

  byte[] symbol(int i) {
    return java.util.Arrays.copyOfRange(symbols, i * s, (i + 1) * s);
  }

  MerkleProof proof(Blake2b256 h, int i) {
    return MerkleTree.proof(h, leaves, 0, n, i);
  }
}
