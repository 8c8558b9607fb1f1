package dev.haulout.erasure.encoding;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.ErasureException.MalformedDataException;
import dev.haulout.erasure.metadata.MerkleProof;
import dev.haulout.wire.BcsReader;
import dev.haulout.wire.BcsWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One symbol for rebuilding a lost sliver (SPEC §7): symbol {@code E[i][j]} sent by the holder of
 * the orthogonal sliver {@code sourceIndex}, with the Merkle proof of leaf {@code targetIndex} in
 * that source sliver's tree. BCS ({@code GeneralRecoverySymbol}): {@code u8 axis variant (0 =
 * primary target, 1 = secondary target) ‖ u16 sourceIndex ‖ ULEB128 len ‖ data ‖ u16 targetIndex
 * ‖ ULEB128 count ‖ count × (0x01 ‖ 32 B)}. This wire layout is derived from the type definitions
 * and is not covered by the wasm oracle.
 */
public final class RecoverySymbol {
  private final Axis targetAxis;
  private final int sourceIndex;
  private final byte[] data;
  private final int targetIndex;
  private final MerkleProof proof;

  private RecoverySymbol(Axis targetAxis, int sourceIndex, byte[] data, int targetIndex, MerkleProof proof) {
    this.targetAxis = targetAxis;
    this.sourceIndex = sourceIndex;
    this.data = data;
    this.targetIndex = targetIndex;
    this.proof = proof;
  }

  public static RecoverySymbol of(Axis targetAxis, int sourceIndex, byte[] data, int targetIndex, MerkleProof proof) {
    if (sourceIndex < 0 || sourceIndex > 0xFFFF || targetIndex < 0 || targetIndex > 0xFFFF) {
      throw new IllegalArgumentException("indices must be u16: source " + sourceIndex + ", target " + targetIndex);
    }
    if (data.length == 0 || (data.length & 1) != 0) {
      throw new IllegalArgumentException("symbol length must be positive and even: " + data.length);
    }
    return new RecoverySymbol(targetAxis, sourceIndex, data.clone(), targetIndex, proof);
  }

  /** Axis of the sliver being rebuilt; the source sliver has the orthogonal axis. */
  public Axis targetAxis() {
    return targetAxis;
  }

  /** Index of the source sliver (of the orthogonal axis) that produced this symbol. */
  public int sourceIndex() {
    return sourceIndex;
  }

  public int targetIndex() {
    return targetIndex;
  }

  public byte[] data() {
    return data.clone();
  }

  byte[] dataView() {
    return data;
  }

  public MerkleProof proof() {
    return proof;
  }

  public byte[] toBcs() {
    BcsWriter w = new BcsWriter(data.length + 48 + 33 * proof.size());
    write(w);
    return w.toByteArray();
  }

  private void write(BcsWriter w) {
    w.u8(targetAxis == Axis.PRIMARY ? 0 : 1).u16(sourceIndex).bytes(data).u16(targetIndex).uleb128(proof.size());
    for (int i = 0; i < proof.size(); i++) {
      w.u8(1).fixed(proof.sibling(i));
    }
  }

  public static RecoverySymbol fromBcs(byte[] bcs) {
    BcsReader r = MalformedDataException.reader("GeneralRecoverySymbol", bcs);
    RecoverySymbol s = read(r);
    r.expectEnd();
    return s;
  }

  /** BCS {@code Vec<GeneralRecoverySymbol>}, the body of a node's recoverySymbols response. */
  public static byte[] listToBcs(List<RecoverySymbol> symbols) {
    BcsWriter w = new BcsWriter(1024).uleb128(symbols.size());
    for (RecoverySymbol s : symbols) {
      s.write(w);
    }
    return w.toByteArray();
  }

  public static List<RecoverySymbol> listFromBcs(byte[] bcs) {
    BcsReader r = MalformedDataException.reader("Vec<GeneralRecoverySymbol>", bcs);
    int count = r.length();
    List<RecoverySymbol> out = new ArrayList<>(Math.min(count, 65536));
    for (int i = 0; i < count; i++) {
      out.add(read(r));
    }
    r.expectEnd();
    return out;
  }

  private static RecoverySymbol read(BcsReader r) {
    int variant = r.u8();
    if (variant > 1) {
      throw r.fail("unknown recovery symbol variant " + variant);
    }
    int source = r.u16();
    byte[] data = r.bytes();
    if (data.length == 0 || (data.length & 1) != 0) {
      throw r.fail("symbol length " + data.length + " is not positive and even");
    }
    int target = r.u16();
    int count = r.length();
    if (count > 32) {
      throw r.fail("proof of " + count + " nodes is too long");
    }
    List<byte[]> nodes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int tag = r.u8();
      if (tag != 1) {
        throw r.fail("proof node tag " + tag);
      }
      nodes.add(r.fixed(32));
    }
    return new RecoverySymbol(variant == 0 ? Axis.PRIMARY : Axis.SECONDARY, source, data, target, MerkleProof.of(nodes));
  }

  @Override
  public String toString() {
    return "RecoverySymbol[" + targetAxis.pathName() + " target " + targetIndex + " from " + sourceIndex + "]";
  }
}
