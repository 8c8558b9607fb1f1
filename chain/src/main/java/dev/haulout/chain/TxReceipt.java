package dev.haulout.chain;

import java.util.List;

/** The effects of one committed transaction. */
public record TxReceipt(
    String digest,
    long checkpointSeq,
    long timestampMs,
    List<String> createdObjects,
    List<String> mutatedObjects,
    List<ChainEvent> events,
    String chainHash) {}
