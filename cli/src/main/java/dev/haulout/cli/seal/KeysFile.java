package dev.haulout.cli.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.bls.Scalar;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.ibe.ObjectIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The test key file shared with the Seal conformance harness ({@code seal-conformance-keys-v1}):
 * package id plus key servers with object id, optional master key, public key, weight and URL.
 */
record KeysFile(byte[] packageId, List<Server> servers) {
  static final String FORMAT = "seal-conformance-keys-v1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  /** One key server; {@code masterKey} is null for servers only reachable over HTTP. */
  record Server(String name, byte[] objectId, Scalar masterKey, G2Point publicKey, int weight, String url) {
    KeyServerPublicKey publicKeyEntry() {
      return new KeyServerPublicKey(objectId, publicKey);
    }
  }

  static KeysFile read(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(file + ": format must be " + FORMAT);
    }
    List<Server> servers = new ArrayList<>();
    for (JsonNode s : root.path("servers")) {
      Scalar msk =
          s.hasNonNull("masterKey") ? Scalar.fromBytes(hex(s.get("masterKey").asText())) : null;
      G2Point pk = G2Point.fromBytes(hex(s.path("publicKey").asText()));
      if (msk != null && !BonehFranklin.publicKey(msk).equals(pk)) {
        throw new IllegalArgumentException(
            file + ": masterKey of " + s.path("name").asText() + " does not match its publicKey");
      }
      servers.add(
          new Server(
              s.path("name").asText(),
              ObjectIds.parse(s.path("objectId").asText()),
              msk,
              pk,
              s.path("weight").asInt(1),
              s.path("url").asText(null)));
    }
    if (servers.isEmpty()) {
      throw new IllegalArgumentException(file + ": no servers");
    }
    return new KeysFile(ObjectIds.parse(root.path("packageId").asText()), servers);
  }

  void write(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("note", "TEST KEYS ONLY. masterKey = BLS12-381 scalar (32-byte BE), publicKey = compressed G2 (96 bytes)");
    root.put("packageId", ObjectIds.format(packageId));
    ArrayNode arr = root.putArray("servers");
    for (Server s : servers) {
      ObjectNode o = arr.addObject();
      o.put("name", s.name());
      o.put("objectId", ObjectIds.format(s.objectId()));
      if (s.masterKey() != null) {
        o.put("masterKey", "0x" + HEX.formatHex(s.masterKey().toBytes()));
      }
      o.put("publicKey", "0x" + HEX.formatHex(s.publicKey().toBytes()));
      o.put("weight", s.weight());
      if (s.url() != null) {
        o.put("url", s.url());
      }
    }
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
  }

  static byte[] hex(String s) {
    String h = s.startsWith("0x") ? s.substring(2) : s;
    return HEX.parseHex(h.length() % 2 == 1 ? "0" + h : h);
  }
}
