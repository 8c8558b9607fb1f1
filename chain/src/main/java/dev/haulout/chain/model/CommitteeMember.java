package dev.haulout.chain.model;

import java.util.List;

/** One storage node in the epoch's committee and the shard indices assigned to it. */
public record CommitteeMember(String poolId, String nodeAddress, String blsPublicKey, List<Integer> shards) {
  public CommitteeMember {
    shards = List.copyOf(shards);
  }
}
