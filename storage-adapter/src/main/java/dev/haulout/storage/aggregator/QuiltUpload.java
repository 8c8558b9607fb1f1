package dev.haulout.storage.aggregator;

import dev.haulout.erasure.quilt.QuiltBlob;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One {@code PUT /v1/quilts} multipart body as it arrives: one file part per blob (the part name
 * is the identifier) and an optional {@code _metadata} field ({@code [{"identifier","tags"}]}).
 * Every check is made before anything is built, stored or paid for. The first failure wins;
 * after it the rest of the body is read and dropped (counted, so the message can say how many
 * parts came), and the caller answers it when the body ends.
 */
final class QuiltUpload {
  static final String METADATA = "_metadata";

  private final int nShards;
  private final int maxPatches;
  private final Map<String, Buffer> parts = new LinkedHashMap<>();
  private final Set<String> seen = new HashSet<>();
  private Buffer metadataFile;
  private long bytes;
  private long dropped;
  private int fileParts;
  private StorageErrorCode failureCode;
  private StorageException failure;

  QuiltUpload(int nShards) {
    this.nShards = nShards;
    this.maxPatches = QuiltAccess.maxPatches(nShards);
  }

  /** Bytes read and dropped after a failure (the caller closes the connection past a bound). */
  long dropped() {
    return dropped;
  }

  boolean failed() {
    return failureCode != null;
  }

  void fail(StorageException e) {
    if (failureCode == null) {
      failure = e;
      failureCode = e.errorCode();
    }
  }

  void part(HttpServerFileUpload up) {
    String name = up.name();
    boolean metadata = METADATA.equals(name);
    if (!metadata) {
      fileParts++;
      if (!seen.add(name)) {
        fail(StorageException.invalidArgument(StorageErrorCode.DUPLICATE_QUILT_IDENTIFIER,
            "two parts are named " + PublisherServer.quoted(name) + "; every blob of a quilt needs its own identifier"));
      } else if (seen.size() > maxPatches) {
        if (failureCode == null) {
          failureCode = StorageErrorCode.TOO_MANY_QUILT_PATCHES; // the message (with the part count) is made at the end
        }
      }
    } else if (metadataFile != null) {
      fail(StorageException.invalidArgument(StorageErrorCode.INVALID_QUILT_METADATA, "more than one _metadata part"));
    }
    Buffer b = Buffer.buffer();
    up.handler(chunk -> {
      bytes += chunk.length();
      if (bytes > QuiltAccess.MAX_QUILT_BYTES) {
        fail(new StorageException("OUT_OF_RANGE", 413, StorageErrorCode.PAYLOAD_TOO_LARGE,
            "quilt upload larger than " + QuiltAccess.MAX_QUILT_BYTES + " bytes"));
      }
      if (failed()) {
        dropped += chunk.length();
      } else if (metadata && b.length() + chunk.length() > QuiltAccess.MAX_METADATA_BYTES) {
        fail(StorageException.invalidArgument(StorageErrorCode.INVALID_QUILT_METADATA,
            "_metadata larger than " + QuiltAccess.MAX_METADATA_BYTES + " bytes"));
      } else {
        b.appendBuffer(chunk);
      }
    });
    up.endHandler(v -> {
      if (failed()) {
        return;
      }
      if (metadata) {
        metadataFile = b;
      } else {
        parts.put(name, b);
      }
    });
  }

  /** The failure to answer, or null. */
  StorageException failure() {
    if (failure == null && failureCode == StorageErrorCode.TOO_MANY_QUILT_PATCHES) {
      failure = StorageException.invalidArgument(StorageErrorCode.TOO_MANY_QUILT_PATCHES, "a quilt holds at most " + maxPatches
          + " blobs at " + nShards + " shards (k2 - 1: the index needs one of the k2 columns); this upload has "
          + fileParts + " file parts");
    }
    return failure;
  }

  /** The blobs with their tags, after the body ended without failure; throws 400 for bad parts or metadata. */
  List<QuiltBlob> blobs(MultiMap formAttributes) {
    String metadataText = metadataFile == null ? null : metadataFile.toString(java.nio.charset.StandardCharsets.UTF_8);
    for (String name : formAttributes.names()) {
      if (!METADATA.equals(name)) {
        throw StorageException.invalidArgument(StorageErrorCode.UNEXPECTED_FORM_FIELD, "form field " + PublisherServer.quoted(name)
            + " is not a file part; every blob is a file part (with a filename) and the only other field is _metadata");
      }
      if (metadataText != null || formAttributes.getAll(name).size() > 1) {
        throw StorageException.invalidArgument(StorageErrorCode.INVALID_QUILT_METADATA, "more than one _metadata part");
      }
      metadataText = formAttributes.get(name);
    }
    if (parts.isEmpty()) {
      throw StorageException.invalidArgument(StorageErrorCode.EMPTY_QUILT, "a quilt needs at least one blob (file part)");
    }
    Map<String, Map<String, String>> tags = metadataText == null ? Map.of() : tags(metadataText);
    List<QuiltBlob> out = new ArrayList<>(parts.size());
    for (Map.Entry<String, Buffer> e : parts.entrySet()) {
      try {
        out.add(QuiltBlob.of(e.getKey(), e.getValue().getBytes(), tags.getOrDefault(e.getKey(), Map.of())));
      } catch (IllegalArgumentException ex) {
        throw StorageException.invalidArgument(StorageErrorCode.INVALID_QUILT_IDENTIFIER, ex.getMessage());
      }
    }
    return out;
  }

  private Map<String, Map<String, String>> tags(String text) {
    Object parsed;
    try {
      parsed = Json.decodeValue(text);
    } catch (DecodeException e) {
      throw metadataError("_metadata is not JSON");
    }
    if (!(parsed instanceof JsonArray arr)) {
      throw metadataError("_metadata must be a JSON array");
    }
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (int i = 0; i < arr.size(); i++) {
      if (!(arr.getValue(i) instanceof JsonObject m)) {
        throw metadataError("_metadata[" + i + "] is not an object");
      }
      if (!(m.getValue("identifier") instanceof String id)) {
        throw metadataError("_metadata[" + i + "] has no string \"identifier\"");
      }
      if (!parts.containsKey(id)) {
        throw metadataError("_metadata[" + i + "] names " + PublisherServer.quoted(id) + ", which is not a file part of the upload");
      }
      Object t = m.getValue("tags");
      Map<String, String> tagMap = new TreeMap<>();
      if (t != null) {
        if (!(t instanceof JsonObject tj)) {
          throw metadataError("_metadata[" + i + "].tags is not an object");
        }
        for (Map.Entry<String, Object> e : tj) {
          if (!(e.getValue() instanceof String v)) {
            throw metadataError("_metadata[" + i + "].tags." + e.getKey() + " is not a string");
          }
          tagMap.put(e.getKey(), v);
        }
      }
      if (out.put(id, tagMap) != null) {
        throw metadataError("_metadata names " + PublisherServer.quoted(id) + " twice");
      }
    }
    return out;
  }

  private static StorageException metadataError(String msg) {
    return StorageException.invalidArgument(StorageErrorCode.INVALID_QUILT_METADATA,
        msg + " (expected [{\"identifier\": \"<part name>\", \"tags\": {\"key\": \"value\"}}])");
  }
}
