package dev.haulout.storage.node;

import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.SliverData;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.bls.BlsKeyPair;
import dev.haulout.storage.bls.BlsSignatures;
import dev.haulout.wire.BcsReader;
import dev.haulout.wire.BcsWriter;
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
    return new BcsWriter(64 + 32 * blobIds.size()).u8(INTENT).u8(0).u8(3).u32(epoch).u16(shard)
        .u8(axis == Axis.PRIMARY ? 0 : 1).fixed(requesterKey)
        .vector(blobIds, (w, id) -> w.fixed(id.toBytes()))
        .toByteArray();
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
    BcsReader r = new BcsReader(body, (offset, detail) -> bad("bad blob count (" + detail + ")"));
    r.fixed(fixed);
    long count = r.uleb128();
    int pos = r.position();
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
    return new BcsWriter(1024).vector(slivers, (w, e) -> w.fixed(e.getKey().toBytes()).bytes(e.getValue()))
        .toByteArray();
  }

  /** Parses a response; the slivers are not verified here. */
  public static List<Map.Entry<BlobId, SliverData>> parseResponse(Axis axis, byte[] b) {
    BcsReader r = new BcsReader(b, (offset, detail) -> bad("malformed response at byte " + offset + ": " + detail));
    long count = r.uleb128();
    List<Map.Entry<BlobId, SliverData>> out = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      BlobId id = BlobId.fromBytes(r.fixed(BlobId.LENGTH));
      byte[] bcs = r.bytes();
      SliverData s;
      try {
        s = SliverData.fromBcs(axis, bcs);
      } catch (RuntimeException e) {
        throw bad("malformed sliver: " + e.getMessage());
      }
      out.add(Map.entry(id, s));
    }
    r.expectEnd();
    return out;
  }

  private static StorageException bad(String msg) {
    return StorageException.invalidArgument(StorageErrorCode.INVALID_SYNC_SHARD_REQUEST, "sync shard: " + msg);
  }
}
