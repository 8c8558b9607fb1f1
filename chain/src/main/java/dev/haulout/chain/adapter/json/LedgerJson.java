package dev.haulout.chain.adapter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.chain.ChainAudit;
import dev.haulout.chain.ChainEvent;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.model.AccessPass;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.InvalidBlobId;
import dev.haulout.chain.model.KeyServer;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.Rental;
import dev.haulout.chain.model.StakedWal;
import dev.haulout.chain.model.StakingPool;
import dev.haulout.chain.model.StorageResource;
import dev.haulout.chain.model.SystemState;
import dev.haulout.chain.model.Versioned;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON of ledger values, shared by the PostgreSQL adapter, the HTTP server and client, and the
 * Kafka publisher. The event envelope is {@code haulout.<type>.v1} (see chain/README.md).
 */
public final class LedgerJson {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final Map<String, Class<? extends ChainObject>> TYPES = Map.of(
      "Listing", Listing.class,
      "AccessPass", AccessPass.class,
      "Rental", Rental.class,
      "StorageResource", StorageResource.class,
      "Blob", Blob.class,
      "StakingPool", StakingPool.class,
      "StakedWal", StakedWal.class,
      "SystemState", SystemState.class,
      "InvalidBlobId", InvalidBlobId.class,
      "KeyServer", KeyServer.class);

  private LedgerJson() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  public static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static Class<? extends ChainObject> typeClass(String type) {
    Class<? extends ChainObject> c = TYPES.get(type);
    if (c == null) {
      throw new IllegalArgumentException("unknown object type: " + type);
    }
    return c;
  }

  public static ChainObject readObject(String type, String json) {
    try {
      return MAPPER.readValue(json, typeClass(type));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type + " does not parse", e);
    }
  }

  /** {@code {"id","type","version","owner","data":{…}}}. */
  public static ObjectNode objectView(Versioned<ChainObject> v) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", v.object().id());
    n.put("type", v.object().typeName());
    n.put("version", v.version());
    n.put("owner", v.object().owner());
    n.set("data", MAPPER.valueToTree(v.object()));
    return n;
  }

  /**
   * {@code GET /v1/blobs/{blobId}/invalid}: {@code {"blobId","invalid":false}} or
   * {@code {"blobId","invalid":true,"objectId","epoch","signerWeight"}}.
   */
  public static ObjectNode invalidBlobView(String blobId, InvalidBlobId record) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("blobId", blobId);
    n.put("invalid", record != null);
    if (record != null) {
      n.put("objectId", record.id());
      n.put("epoch", record.epoch());
      n.put("signerWeight", record.signerWeight());
    }
    return n;
  }

  /** {@code GET /v1/key-servers}: {@code {"keyServers":[{objectId, owner, name, url, publicKey, weight}]}}. */
  public static ObjectNode keyServersView(List<KeyServer> servers) {
    ObjectNode n = MAPPER.createObjectNode();
    com.fasterxml.jackson.databind.node.ArrayNode arr = n.putArray("keyServers");
    for (KeyServer k : servers) {
      arr.addObject().put("objectId", k.id()).put("owner", k.owner()).put("name", k.name()).put("url", k.url())
          .put("publicKey", k.publicKey()).put("weight", k.weight());
    }
    return n;
  }

  /**
   * The entries of a {@link #keyServersView} as sent. A field of the wrong JSON type becomes null
   * (a weight: 0), so one bad entry does not hide the others: checking the values is the caller's
   * (dataset's {@code KeyServerDirectory} refuses such entries one by one). A body without a
   * {@code keyServers} array is refused ({@code IllegalArgumentException}).
   */
  public static List<KeyServer> parseKeyServersView(JsonNode n) {
    JsonNode arr = n.path("keyServers");
    if (!arr.isArray()) {
      throw new IllegalArgumentException("keyServers is not an array");
    }
    List<KeyServer> out = new ArrayList<>();
    for (JsonNode k : arr) {
      JsonNode w = k.path("weight");
      int weight = w.isIntegralNumber() && w.canConvertToInt() ? w.intValue() : 0;
      out.add(new KeyServer(textOrNull(k, "objectId"), textOrNull(k, "owner"), textOrNull(k, "name"),
          textOrNull(k, "url"), textOrNull(k, "publicKey"), weight));
    }
    return out;
  }

  private static String textOrNull(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() ? v.asText() : null;
  }

  /** The record of an {@link #invalidBlobView}, or null when not invalid. */
  public static InvalidBlobId parseInvalidBlobView(JsonNode n) {
    if (!n.path("invalid").asBoolean(false)) {
      return null;
    }
    return new InvalidBlobId(n.get("objectId").asText(), dev.haulout.chain.model.SystemState.ID,
        n.get("blobId").asText(), n.get("epoch").asInt(), n.get("signerWeight").asLong());
  }

  public static Versioned<ChainObject> parseObjectView(JsonNode n) {
    try {
      ChainObject o = MAPPER.treeToValue(n.get("data"), typeClass(n.get("type").asText()));
      return new Versioned<>(o, n.get("version").asLong());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad object JSON", e);
    }
  }

  /**
   * The published event: {@code schema, seq, type, objectId (listingId for listings), version,
   * txDigest, timestampMs} plus the body (listing events: {@code listing}; others: {@code data}).
   */
  public static ObjectNode envelope(ChainEvent e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("schema", e.schema());
    n.put("seq", e.seq());
    n.put("type", e.type());
    boolean listing = e.schema().equals("haulout.listing.v1");
    if (listing) {
      n.put("listingId", e.objectId());
    }
    n.put("objectId", e.objectId());
    n.put("version", e.version());
    n.put("txDigest", e.txDigest());
    n.put("timestampMs", e.timestampMs());
    if (listing) {
      n.set("listing", MAPPER.valueToTree(e.body().get("listing")));
    } else {
      n.set("data", MAPPER.valueToTree(e.body()));
    }
    return n;
  }

  public static ChainEvent parseEnvelope(JsonNode n) {
    Map<String, Object> body;
    if (n.has("listing")) {
      body = new LinkedHashMap<>();
      body.put("listing", MAPPER.convertValue(n.get("listing"), new TypeReference<Map<String, Object>>() {}));
    } else {
      body = MAPPER.convertValue(n.get("data"), new TypeReference<Map<String, Object>>() {});
    }
    return new ChainEvent(n.get("seq").asLong(), n.get("type").asText(), n.get("objectId").asText(),
        n.get("version").asLong(), n.get("txDigest").asText(), n.get("timestampMs").asLong(), body);
  }

  public static ObjectNode receipt(TxReceipt r) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("digest", r.digest());
    n.put("checkpointSeq", r.checkpointSeq());
    n.put("timestampMs", r.timestampMs());
    n.set("createdObjects", MAPPER.valueToTree(r.createdObjects()));
    n.set("mutatedObjects", MAPPER.valueToTree(r.mutatedObjects()));
    n.set("events", MAPPER.valueToTree(r.events().stream().map(LedgerJson::envelope).toList()));
    n.put("chainHash", r.chainHash());
    return n;
  }

  public static TxReceipt parseReceipt(JsonNode n) {
    List<ChainEvent> events = new ArrayList<>();
    n.get("events").forEach(e -> events.add(parseEnvelope(e)));
    return new TxReceipt(n.get("digest").asText(), n.get("checkpointSeq").asLong(), n.get("timestampMs").asLong(),
        strings(n.get("createdObjects")), strings(n.get("mutatedObjects")), events, n.get("chainHash").asText());
  }

  public static ChainAudit parseAudit(JsonNode n) {
    try {
      return MAPPER.treeToValue(n, ChainAudit.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad audit JSON", e);
    }
  }

  private static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    for (Iterator<JsonNode> it = arr.elements(); it.hasNext(); ) {
      out.add(it.next().asText());
    }
    return out;
  }
}
