package dev.haulout.chain.model;

import java.util.List;

/**
 * The Walrus-like system object (one per ledger, id {@link #ID}): current epoch, prices in FROST
 * per 1 MiB unit (storage per epoch, write once), shard count and committee.
 */
public record SystemState(
    String id,
    int epoch,
    long epochStartMs,
    long epochLengthMs,
    long storagePricePerUnit,
    long writePricePerUnit,
    int nShards,
    int maxEpochsAhead,
    List<CommitteeMember> committee) implements ChainObject {
  public static final String ID = "0x" + "0".repeat(62) + "05";

  public SystemState {
    committee = List.copyOf(committee);
  }

  @Override
  public String owner() {
    return ID;
  }
}
