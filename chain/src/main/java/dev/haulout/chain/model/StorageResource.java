package dev.haulout.chain.model;

/** Walrus {@code Storage}: {@code storageSize} bytes reserved for epochs [startEpoch, endEpoch). */
public record StorageResource(String id, String owner, int startEpoch, int endEpoch, long storageSize)
    implements ChainObject {}
