package dev.haulout.storage.client;

import dev.haulout.erasure.Axis;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.ErasureException;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.encoding.BlobDecoder;
import dev.haulout.erasure.encoding.RecoverySymbol;
import dev.haulout.erasure.metadata.UnverifiedBlobMetadata;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.storage.BlobStatus;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.bls.BlsSignatures;
import dev.haulout.storage.node.SignedConfirmation;
import dev.haulout.walrus.BlobId;
import dev.haulout.walrus.CertificationMessage;
import dev.haulout.wire.SuiAddress;
import dev.haulout.storage.node.SliverBatch;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Client of one storage node's HTTP API (Walrus {@code walrus-storage-node-client}): raw getters
 * return unverified data, {@code getAndVerifyX} check it against metadata or a key. Failures are
 * {@link StorageException}s attributed to the node, with {@code isRetriable()} for I/O and 5xx.
 * No retries here: callers retry (see {@code Retry}).
 */
public final class StorageNodeClient {
  private final String baseUrl;
  private final HttpClient http;
  private final StorageClientOptions options;

  private StorageNodeClient(String baseUrl, HttpClient http, StorageClientOptions options) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http = http;
    this.options = options;
  }

  /** A client sharing {@code http} (one HttpClient per process is enough). */
  public static StorageNodeClient create(String baseUrl, HttpClient http, StorageClientOptions options) {
    return new StorageNodeClient(baseUrl, http, options);
  }

  public static HttpClient newHttpClient(StorageClientOptions options) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(options.connectTimeout()).build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  // ------------------------------------------------------------------ metadata

  public int putMetadata(BlobId id, VerifiedBlobMetadata metadata, boolean pending) {
    return send("PUT", "/v1/blobs/" + id + "/metadata" + (pending ? "?pending=true" : ""), metadata.toBcs()).statusCode();
  }

  public UnverifiedBlobMetadata getMetadata(BlobId id) {
    byte[] b = send("GET", "/v1/blobs/" + id + "/metadata", null).body();
    try {
      return UnverifiedBlobMetadata.fromBcs(b);
    } catch (ErasureException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_METADATA, e.getMessage()).atNode(baseUrl);
    }
  }

  /** Metadata whose ID matches {@code id} and whose hashes derive that ID. */
  public VerifiedBlobMetadata getAndVerifyMetadata(BlobId id, EncodingConfig config) {
    UnverifiedBlobMetadata u = getMetadata(id);
    if (!u.claimedBlobId().equals(id)) {
      throw StorageException.invalidArgument(StorageErrorCode.METADATA_ID_MISMATCH, "asked for " + id + ", got " + u.claimedBlobId()).atNode(baseUrl);
    }
    try {
      return u.verify(config);
    } catch (ErasureException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_METADATA, e.getMessage()).atNode(baseUrl);
    }
  }

  public String metadataStatus(BlobId id) {
    return json(send("GET", "/v1/blobs/" + id + "/metadata/status", null)).getJsonObject("success").getString("data");
  }

  // ------------------------------------------------------------------ slivers

  public int putSliver(BlobId id, int pair, SliverData sliver) {
    return send("PUT", sliverPath(id, pair, sliver.axis()), sliver.toBcs()).statusCode();
  }

  /**
   * {@code PUT /v1/blobs/{id}/slivers}: several slivers of the blob in one request (this module's
   * batch route, {@link SliverBatch}); 201 when some were stored, 200 when all were already.
   * A node without the route (a Walrus node) answers what {@link #isBatchUnsupported} accepts.
   */
  public int putSlivers(BlobId id, List<SliverBatch.Entry> entries) {
    return send("PUT", "/v1/blobs/" + id + "/slivers", SliverBatch.toBcs(entries)).statusCode();
  }

  /** Whether {@code e} means the node does not serve the batch route (404, 405 or 501), so slivers go one per request. */
  public static boolean isBatchUnsupported(StorageException e) {
    return e.httpStatus() == 404 || e.httpStatus() == 405 || e.httpStatus() == 501;
  }

  public SliverData getSliver(BlobId id, int pair, Axis axis) {
    byte[] b = send("GET", sliverPath(id, pair, axis), null).body();
    try {
      return SliverData.fromBcs(axis, b);
    } catch (ErasureException | IllegalArgumentException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_SLIVER, e.getMessage()).atNode(baseUrl);
    }
  }

  /** The sliver of {@code pair}, checked for the right index and against its hash in {@code metadata}. */
  public SliverData getAndVerifySliver(BlobId id, int pair, Axis axis, VerifiedBlobMetadata metadata) {
    SliverData s = getSliver(id, pair, axis);
    int expected = axis == Axis.PRIMARY ? pair : metadata.config().nShards() - 1 - pair;
    if (s.index() != expected) {
      throw StorageException.invalidArgument(StorageErrorCode.SLIVER_INDEX_MISMATCH, "expected sliver " + expected + ", got " + s.index()).atNode(baseUrl);
    }
    try {
      BlobDecoder.create(metadata).verifySliver(s);
    } catch (ErasureException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_SLIVER, e.getMessage()).atNode(baseUrl);
    }
    return s;
  }

  public String sliverStatus(BlobId id, int pair, Axis axis) {
    return json(send("GET", sliverPath(id, pair, axis) + "/status", null)).getJsonObject("success").getString("data");
  }

  private static String sliverPath(BlobId id, int pair, Axis axis) {
    return "/v1/blobs/" + id + "/slivers/" + pair + "/" + axis.pathName();
  }

  // ------------------------------------------------------------------ confirmations

  /** {@code deletableObjectId} null for a permanent confirmation. */
  public SignedConfirmation getConfirmation(BlobId id, String deletableObjectId) {
    String path = "/v1/blobs/" + id + "/confirmation/" + (deletableObjectId == null ? "permanent" : "deletable/" + deletableObjectId);
    JsonObject signed;
    try {
      signed = json(send("GET", path, null)).getJsonObject("success").getJsonObject("data").getJsonObject("signed");
      return new SignedConfirmation(Base64.getDecoder().decode(signed.getString("serializedMessage")),
          Base64.getDecoder().decode(signed.getString("signature")));
    } catch (RuntimeException e) {
      if (e instanceof StorageException) {
        throw e;
      }
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_CONFIRMATION, "malformed confirmation: " + e).atNode(baseUrl);
    }
  }

  /** A confirmation whose message is exactly the expected one for {@code epoch} and whose signature verifies. */
  public SignedConfirmation getAndVerifyConfirmation(BlobId id, int epoch, String deletableObjectId, byte[] blsPublicKey) {
    SignedConfirmation c = getConfirmation(id, deletableObjectId);
    byte[] expected = CertificationMessage.blobCertified(epoch, id,
        deletableObjectId == null ? null : SuiAddress.parse(deletableObjectId).bytes());
    if (!MessageDigest.isEqual(expected, c.serializedMessage())) {
      throw StorageException.invalidArgument(StorageErrorCode.CONFIRMATION_MISMATCH, "confirmation message is not the expected one for epoch " + epoch).atNode(baseUrl);
    }
    if (!BlsSignatures.verify(blsPublicKey, expected, c.signature())) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_SIGNATURE, "confirmation signature does not verify").atNode(baseUrl);
    }
    return c;
  }

  // ------------------------------------------------------------------ invalid blobs

  /**
   * Sends an inconsistency proof ({@code POST …/inconsistencyProof/{type}}, body
   * {@code u16le target ‖ BCS Vec<GeneralRecoverySymbol>}) and returns the node's invalid-blob
   * attestation once its message is exactly {@code InvalidBlobIdMsg} of {@code epoch} and its
   * BLS signature verifies under {@code blsPublicKey}.
   */
  public SignedConfirmation getAndVerifyInvalidBlobAttestation(BlobId id, int epoch,
      dev.haulout.erasure.encoding.InconsistencyProof proof, byte[] blsPublicKey) {
    byte[] symbols = RecoverySymbol.listToBcs(proof.symbols());
    byte[] body = new byte[2 + symbols.length];
    body[0] = (byte) proof.targetIndex();
    body[1] = (byte) (proof.targetIndex() >>> 8);
    System.arraycopy(symbols, 0, body, 2, symbols.length);
    SignedConfirmation c;
    try {
      JsonObject signed = json(send("POST", "/v1/blobs/" + id + "/inconsistencyProof/" + proof.targetAxis().pathName(), body))
          .getJsonObject("success").getJsonObject("data").getJsonObject("signed");
      c = new SignedConfirmation(Base64.getDecoder().decode(signed.getString("serializedMessage")),
          Base64.getDecoder().decode(signed.getString("signature")));
    } catch (StorageException e) {
      throw e;
    } catch (RuntimeException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_ATTESTATION, "malformed invalid-blob attestation: " + e).atNode(baseUrl);
    }
    byte[] expected = CertificationMessage.invalidBlobId(epoch, id);
    if (!MessageDigest.isEqual(expected, c.serializedMessage())) {
      throw StorageException.invalidArgument(StorageErrorCode.ATTESTATION_MISMATCH, "attestation message is not InvalidBlobIdMsg of epoch " + epoch)
          .atNode(baseUrl);
    }
    if (!BlsSignatures.verify(blsPublicKey, expected, c.signature())) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_SIGNATURE, "attestation signature does not verify").atNode(baseUrl);
    }
    return c;
  }

  // ------------------------------------------------------------------ recovery and status

  /** Unverified recovery symbols for sliver {@code target} of {@code targetAxis}. */
  public List<RecoverySymbol> getRecoverySymbols(BlobId id, Axis targetAxis, int target) {
    byte[] b = send("GET", "/v1/blobs/" + id + "/recoverySymbols?targetSliver=" + target + "&targetType=" + targetAxis.pathName(), null).body();
    try {
      return RecoverySymbol.listFromBcs(b);
    } catch (ErasureException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_RECOVERY_SYMBOLS, e.getMessage()).atNode(baseUrl);
    }
  }

  /**
   * {@code POST /v1/migrate/sync_shard} with a signed request body (see
   * {@link dev.haulout.storage.node.SyncShard}); the slivers come back unverified.
   */
  public List<java.util.Map.Entry<BlobId, SliverData>> syncShard(byte[] signedRequest, Axis axis) {
    byte[] b = send("POST", "/v1/migrate/sync_shard", signedRequest).body();
    try {
      return dev.haulout.storage.node.SyncShard.parseResponse(axis, b);
    } catch (StorageException e) {
      throw e.atNode(baseUrl);
    }
  }

  /**
   * The node's {@code /v1/blobs/{id}/status} (Walrus {@code BlobStatus}): {@code "nonexistent"},
   * {@code {"invalid":{…}}}, or {@code {"permanent"|"deletable":{"endEpoch","isCertified",
   * "initialCertifiedEpoch"?}}}; any other shape is {@code INVALID_RESPONSE}.
   */
  public BlobStatus blobStatus(BlobId id) {
    Object data = successData(send("GET", "/v1/blobs/" + id + "/status", null));
    String blobId = id.toBase64();
    try {
      if ("nonexistent".equals(data)) {
        return BlobStatus.nonexistent(blobId);
      }
      JsonObject o = (JsonObject) data;
      String kind = o.size() == 1 ? o.fieldNames().iterator().next() : "";
      if ("invalid".equals(kind)) {
        return BlobStatus.invalid(blobId);
      }
      if (!"permanent".equals(kind) && !"deletable".equals(kind)) {
        throw StorageException.invalidArgument(StorageErrorCode.INVALID_RESPONSE, "unknown blob status: " + data)
            .atNode(baseUrl);
      }
      JsonObject inner = o.getJsonObject(kind);
      return new BlobStatus(blobId, kind, inner.getBoolean("isCertified"), inner.getInteger("endEpoch"),
          inner.getInteger("initialCertifiedEpoch"));
    } catch (ClassCastException | NullPointerException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_RESPONSE, "malformed blob status: " + data)
          .atNode(baseUrl);
    }
  }

  /** The node's {@code /v1/health}; a missing or mistyped field is {@code INVALID_RESPONSE}. */
  public NodeHealth health() {
    Object data = successData(send("GET", "/v1/health", null));
    try {
      JsonObject o = (JsonObject) data;
      return new NodeHealth(o.getInteger("epoch"), o.getInteger("nShards"), o.getInteger("ownedShards"),
          o.getString("publicKey"));
    } catch (ClassCastException | NullPointerException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_RESPONSE, "malformed health: " + data)
          .atNode(baseUrl);
    }
  }

  private Object successData(HttpResponse<byte[]> r) {
    JsonObject success = json(r).getJsonObject("success");
    if (success == null) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_RESPONSE, "no success envelope").atNode(baseUrl);
    }
    return success.getValue("data");
  }

  // ------------------------------------------------------------------ transport

  /** One request; 2xx returned, anything else thrown as a StorageException from the error JSON. */
  public HttpResponse<byte[]> send(String method, String path, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(options.requestTimeout());
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body != null) {
      b.header("content-type", "application/octet-stream");
    }
    HttpResponse<byte[]> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new StorageException("UNAVAILABLE", 0, StorageErrorCode.NODE_UNREACHABLE, "node " + baseUrl + " unreachable: " + e,
          baseUrl, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("CANCELLED", 0, StorageErrorCode.INTERRUPTED, "interrupted", baseUrl, null, e);
    }
    if (r.statusCode() / 100 != 2) {
      throw errorOf(r, baseUrl);
    }
    return r;
  }

  static StorageException errorOf(HttpResponse<byte[]> r, String node) {
    String text = new String(r.body(), StandardCharsets.UTF_8);
    try {
      JsonObject e = new JsonObject(text).getJsonObject("error");
      String reason = StorageErrorCode.HTTP_PREFIX + r.statusCode();
      JsonArray details = e.getJsonArray("details");
      if (details != null && !details.isEmpty() && details.getValue(0) instanceof JsonObject) {
        reason = details.getJsonObject(0).getString("reason", reason);
      }
      return StorageException.relayed(e.getString("status", "UNKNOWN"), r.statusCode(), reason,
          "node " + node + ": " + e.getString("message", text), node);
    } catch (DecodeException | ClassCastException | NullPointerException ex) {
      return StorageException.relayed("UNKNOWN", r.statusCode(), StorageErrorCode.HTTP_PREFIX + r.statusCode(),
          "node " + node + ": HTTP " + r.statusCode() + " " + text, node);
    }
  }

  private JsonObject json(HttpResponse<byte[]> r) {
    try {
      return new JsonObject(new String(r.body(), StandardCharsets.UTF_8));
    } catch (DecodeException e) {
      throw StorageException.invalidArgument(StorageErrorCode.INVALID_RESPONSE, "not JSON: " + e.getMessage()).atNode(baseUrl);
    }
  }
}
