package dev.haulout.chain.engine;

import dev.haulout.chain.model.CommitteeMember;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Byzantine thresholds by shard weight: quorum {@code 3w ≥ 2n + 1} (certify) and validity
 * {@code 3w ≥ n + 1} (invalidate), for signers' shards {@code w}.
 */
public final class Quorum {
  private Quorum() {}

  /** Total shards of the distinct signers; IllegalArgumentException on a duplicate or unknown index. */
  public static long weight(List<CommitteeMember> committee, List<Integer> signers) {
    Set<Integer> seen = new HashSet<>();
    long w = 0;
    for (int idx : signers) {
      if (idx < 0 || idx >= committee.size()) {
        throw new IllegalArgumentException("signer index out of committee: " + idx);
      }
      if (!seen.add(idx)) {
        throw new IllegalArgumentException("duplicate signer index: " + idx);
      }
      w += committee.get(idx).shards().size();
    }
    return w;
  }

  public static boolean isQuorum(long weight, int nShards) {
    return 3 * weight >= 2L * nShards + 1;
  }

  /** Validity (more than f shards, Walrus {@code is_above_validity}): {@code 3w ≥ n + 1}. */
  public static boolean isAboveValidity(long weight, int nShards) {
    return 3 * weight >= (long) nShards + 1;
  }
}
