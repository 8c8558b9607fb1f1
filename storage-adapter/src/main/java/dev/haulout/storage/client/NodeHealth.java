package dev.haulout.storage.client;

/**
 * A storage node's {@code GET /v1/health}: the committee epoch it serves, the number of shards,
 * how many it holds and its BLS public key (base64, the 48-byte compressed G1 key of min-pk).
 */
public record NodeHealth(int epoch, int nShards, int ownedShards, String publicKeyBase64) {}
