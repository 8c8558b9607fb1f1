package dev.haulout.erasure.quilt;

import dev.haulout.walrus.BlobId;
import java.util.Base64;
import java.util.SortedMap;

/**
 * Where one blob sits in a quilt: secondary slivers (columns) {@code [startIndex, endIndex)}.
 * BCS of {@code QuiltPatchV1} has {@code end_index: u16, identifier: String, tags: BTreeMap};
 * the start index is not serialized (it is the previous patch's end, or the index's width).
 */
public final class QuiltPatch {
  /** Version byte of {@code QuiltPatchInternalIdV1}. */
  static final int VERSION = 1;

  private final String identifier;
  private final int startIndex;
  private final int endIndex;
  private final SortedMap<String, String> tags;

  QuiltPatch(String identifier, int startIndex, int endIndex, SortedMap<String, String> tags) {
    this.identifier = identifier;
    this.startIndex = startIndex;
    this.endIndex = endIndex;
    this.tags = tags;
  }

  public String identifier() {
    return identifier;
  }

  public int startIndex() {
    return startIndex;
  }

  public int endIndex() {
    return endIndex;
  }

  public SortedMap<String, String> tags() {
    return tags;
  }

  /** {@code QuiltPatchInternalIdV1}: {@code 0x01 ‖ u16le start ‖ u16le end}. */
  public byte[] internalId() {
    return new byte[] {
      VERSION, (byte) startIndex, (byte) (startIndex >>> 8), (byte) endIndex, (byte) (endIndex >>> 8)
    };
  }

  /** The quilt patch ID as Walrus displays it: base64url of {@code quilt blob ID ‖ internal ID}. */
  public String patchId(BlobId quiltId) {
    byte[] id = new byte[37];
    System.arraycopy(quiltId.toBytes(), 0, id, 0, 32);
    System.arraycopy(internalId(), 0, id, 32, 5);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
  }

  @Override
  public String toString() {
    return "QuiltPatch[" + identifier + " @ " + startIndex + ".." + endIndex + "]";
  }
}
