package dev.haulout.storage;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.model.CommitteeMember;
import dev.haulout.chain.model.StakingPool;
import dev.haulout.chain.model.SystemState;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The storage committee of one epoch as read from the ledger's system object: members in chain
 * order (the order of certificate signer indices), each with its REST URL (the staking pool's
 * registered name, Walrus's network address), BLS key and shards.
 */
public final class Committee {
  /** One member. */
  public record Member(int index, String poolId, String url, byte[] blsPublicKey, List<Integer> shards) {
    public Member {
      shards = List.copyOf(shards);
    }

    public String blsPublicKeyBase64() {
      return Base64.getEncoder().encodeToString(blsPublicKey);
    }
  }

  private final int epoch;
  private final int nShards;
  private final List<Member> members;
  private final Member[] byShard;

  private Committee(int epoch, int nShards, List<Member> members) {
    this.epoch = epoch;
    this.nShards = nShards;
    this.members = List.copyOf(members);
    this.byShard = new Member[nShards];
    for (Member m : members) {
      for (int s : m.shards()) {
        byShard[s] = m;
      }
    }
  }

  public static Committee of(int epoch, int nShards, List<Member> members) {
    return new Committee(epoch, nShards, members);
  }

  /** Reads the system state and each member's staking pool (for its URL). */
  public static Committee fromLedger(Ledger ledger) {
    SystemState sys = ledger.systemState();
    List<Member> ms = new ArrayList<>();
    List<CommitteeMember> cm = sys.committee();
    for (int i = 0; i < cm.size(); i++) {
      CommitteeMember c = cm.get(i);
      String url = ledger.object(c.poolId()).map(v -> v.object())
          .filter(o -> o instanceof StakingPool).map(o -> ((StakingPool) o).name()).orElse("");
      byte[] pk;
      try {
        pk = Base64.getDecoder().decode(c.blsPublicKey());
      } catch (IllegalArgumentException e) {
        pk = new byte[0];
      }
      ms.add(new Member(i, c.poolId(), url, pk, c.shards()));
    }
    return new Committee(sys.epoch(), sys.nShards(), ms);
  }

  public int epoch() {
    return epoch;
  }

  public int nShards() {
    return nShards;
  }

  public List<Member> members() {
    return members;
  }

  /** The member holding {@code shard}, or null if unassigned. */
  public Member memberOfShard(int shard) {
    if (shard < 0 || shard >= nShards) {
      throw new IllegalArgumentException("shard " + shard + " out of range [0, " + nShards + ")");
    }
    return byShard[shard];
  }

  /** The member with this BLS key, or null. */
  public Member memberWithKey(byte[] blsPublicKey) {
    for (Member m : members) {
      if (java.util.Arrays.equals(m.blsPublicKey(), blsPublicKey)) {
        return m;
      }
    }
    return null;
  }

  /** f = floor((n-1)/3). */
  public int maxFaulty() {
    return (nShards - 1) / 3;
  }

  /** Quorum by shard weight: {@code 3w >= 2n + 1}. */
  public boolean isQuorum(long weight) {
    return 3 * weight >= 2L * nShards + 1;
  }

  /** Validity: {@code 3w >= n + 1}, i.e. more than f shards. */
  public boolean isAboveValidity(long weight) {
    return 3 * weight >= (long) nShards + 1;
  }
}
