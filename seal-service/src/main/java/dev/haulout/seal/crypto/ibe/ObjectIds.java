package dev.haulout.seal.crypto.ibe;

import dev.haulout.seal.crypto.SealConstants;
import dev.haulout.wire.SuiAddress;
import java.util.HexFormat;

/** Sui object ids (32 bytes) and Seal full identities. */
public final class ObjectIds {
  private ObjectIds() {}

  /** Parses {@code 0x}-prefixed or bare hex, left-padding short ids with zeros to 32 bytes. */
  public static byte[] parse(String hex) {
    boolean prefixed = hex.startsWith("0x") || hex.startsWith("0X");
    return SuiAddress.parse(prefixed ? hex : "0x" + hex).bytes();
  }

  /** {@code 0x} + 64 lower-case hex digits. */
  public static String format(byte[] id) {
    require(id, "object id");
    return "0x" + HexFormat.of().formatHex(id);
  }

  /** Checks a 32-byte object id and returns it. */
  public static byte[] require(byte[] id, String what) {
    if (id == null || id.length != SealConstants.OBJECT_ID_SIZE) {
      throw new IllegalArgumentException(
          what + " must be 32 bytes, got " + (id == null ? "null" : id.length));
    }
    return id;
  }

  /** {@code full_id = package_id (32 B) ‖ inner_id}. */
  public static byte[] fullId(byte[] packageId, byte[] innerId) {
    require(packageId, "package id");
    byte[] out = new byte[32 + innerId.length];
    System.arraycopy(packageId, 0, out, 0, 32);
    System.arraycopy(innerId, 0, out, 32, innerId.length);
    return out;
  }
}
