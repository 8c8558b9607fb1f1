package dev.haulout.storage.node;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.BlobId;
import dev.haulout.erasure.SliverData;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.bls.BlsKeyPair;
import dev.haulout.storage.bls.BlsSignatures;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Wire format of {@code POST /v1/migrate/sync_shard} (node-to-node shard sync at an epoch change;
 * a simplified form of Walrus's signed {@code SyncShardRequest}). This layout is this module's.
 *
 * <p>Request body: {@code message ‖ 96-byte BLS12-381 min-pk signature over message}, where
 * {@code message = 0x05 (intent SYNC_SHARD) ‖ 0x00 (version) ‖ 0x03 (app STORAGE) ‖ u32le epoch
 * ‖ u16le shard ‖ u8 sliver type (0 primary, 1 secondary) ‖ 48-byte requester BLS public key ‖
 * ULEB128 count ‖ count × 32-byte blob ID}. The intent byte keeps it apart from confirmations
 * (0x01) and invalid-blob attestations (0x02).
 *
 * <p>Response body: {@code ULEB128 count ‖ count × (32-byte blob ID ‖ ULEB128 len ‖ len bytes of
 * BCS SliverData)}, for the requested blobs whose sliver of that shard's pair the answering node
 * has on disk, in request order; the others are left out.
 */
public final class SyncShard {
  public static final int INTENT = 0x05;
  /** Blob IDs per request. */
  public static final int MAX_BLOBS = 1024;

  /** A parsed, not yet authorized request. */
  public record Request(int epoch, int shard, Axis axis, byte[] requesterKey, List<BlobId> blobIds, byte[] message,
      byte[] signature) {}

  private SyncShard() {}

  public static byte[] message(int epoch, int shard, Axis axis, byte[] requesterKey, List<BlobId> blobIds) {
    if (blobIds.size() > MAX_BLOBS || requesterKey.length != BlsSignatures.PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException("at most " + MAX_BLOBS + " blob IDs and a 48-byte key");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 32 * blobIds.size());
    out.write(INTENT);
    out.write(0);
    out.write(3);
    for (int i = 0; i < 4; i++) {
      out.write((epoch >>> (8 * i)) & 0xFF);
    }
    out.write(shard & 0xFF);
    out.write((shard >>> 8) & 0xFF);
    out.write(axis == Axis.PRIMARY ? 0 : 1);
    out.writeBytes(requesterKey);
    uleb(out, blobIds.size());
    for (BlobId id : blobIds) {
      out.writeBytes(id.toBytes());
    }
    return out.toByteArray();
  }

  /** The signed request body a node sends. */
  public static byte[] signedRequest(BlsKeyPair key, int epoch, int shard, Axis axis, List<BlobId> blobIds) {
    byte[] msg = message(epoch, shard, axis, key.publicKey(), blobIds);
    byte[] sig = key.sign(msg);
    byte[] body = Arrays.copyOf(msg, msg.length + sig.length);
    System.arraycopy(sig, 0, body, msg.length, sig.length);
    return body;
  }

  /** Parses a request body (no authorization). 400 {@code INVALID_SYNC_SHARD_REQUEST} if malformed. */
  public static Request parse(byte[] body) {
    int fixed = 3 + 4 + 2 + 1 + BlsSignatures.PUBLIC_KEY_LENGTH;
    if (body.length < fixed + 1 + BlsSignatures.SIGNATURE_LENGTH) {
      throw bad("body of " + body.length + " bytes is too short");
    }
    if ((body[0] & 0xFF) != INTENT || body[1] != 0 || body[2] != 3) {
      throw bad("not a sync-shard message (intent " + (body[0] & 0xFF) + ")");
    }
    int epoch = (body[3] & 0xFF) | (body[4] & 0xFF) << 8 | (body[5] & 0xFF) << 16 | (body[6] & 0xFF) << 24;
    int shard = (body[7] & 0xFF) | (body[8] & 0xFF) << 8;
    int type = body[9] & 0xFF;
    if (type > 1) {
      throw bad("sliver type " + type);
    }
    byte[] key = Arrays.copyOfRange(body, 10, 10 + BlsSignatures.PUBLIC_KEY_LENGTH);
    int pos = fixed;
    long count = 0;
    for (int shift = 0; ; shift += 7) {
      if (shift > 28 || pos >= body.length) {
        throw bad("bad blob count");
      }
      int b = body[pos++] & 0xFF;
      count |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (count > MAX_BLOBS) {
      throw StorageException.invalidArgument(StorageErrorCode.TOO_MANY_BLOBS, "at most " + MAX_BLOBS + " blob IDs per sync-shard request");
    }
    if (body.length != pos + 32 * count + BlsSignatures.SIGNATURE_LENGTH) {
      throw bad("length does not match " + count + " blob IDs plus a signature");
    }
    List<BlobId> ids = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) {
      ids.add(BlobId.fromBytes(Arrays.copyOfRange(body, pos + 32 * i, pos + 32 * i + 32)));
    }
    int msgEnd = body.length - BlsSignatures.SIGNATURE_LENGTH;
    return new Request(epoch, shard, type == 0 ? Axis.PRIMARY : Axis.SECONDARY, key, List.copyOf(ids),
        Arrays.copyOf(body, msgEnd), Arrays.copyOfRange(body, msgEnd, body.length));
  }

  public static byte[] responseToBcs(List<Map.Entry<BlobId, byte[]>> slivers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    uleb(out, slivers.size());
    for (Map.Entry<BlobId, byte[]> e : slivers) {
      out.writeBytes(e.getKey().toBytes());
      uleb(out, e.getValue().length);
      out.writeBytes(e.getValue());
    }
    return out.toByteArray();
  }

  /** Parses a response; the slivers are not verified here. */
  public static List<Map.Entry<BlobId, SliverData>> parseResponse(Axis axis, byte[] b) {
    int[] pos = {0};
    long count = uleb(b, pos);
    List<Map.Entry<BlobId, SliverData>> out = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      if (pos[0] + 32 > b.length) {
        throw bad("truncated response");
      }
      BlobId id = BlobId.fromBytes(Arrays.copyOfRange(b, pos[0], pos[0] + 32));
      pos[0] += 32;
      long len = uleb(b, pos);
      if (len > b.length - pos[0]) {
        throw bad("truncated sliver");
      }
      SliverData s;
      try {
        s = SliverData.fromBcs(axis, Arrays.copyOfRange(b, pos[0], pos[0] + (int) len));
      } catch (RuntimeException e) {
        throw bad("malformed sliver: " + e.getMessage());
      }
      pos[0] += (int) len;
      out.add(Map.entry(id, s));
    }
    if (pos[0] != b.length) {
      throw bad("trailing bytes in response");
    }
    return out;
  }

  private static StorageException bad(String msg) {
    return StorageException.invalidArgument(StorageErrorCode.INVALID_SYNC_SHARD_REQUEST, "sync shard: " + msg);
  }

  private static void uleb(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
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
