package dev.haulout.chain.engine;

import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.CommitteeMember;
import dev.haulout.chain.model.StakedWal;
import dev.haulout.chain.model.StakingPool;
import dev.haulout.chain.model.SystemState;
import dev.haulout.chain.model.Versioned;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End of epoch {@code e}: (1) the storage fund of {@code e} is paid to the committee's pools in
 * proportion to their shards, and inside a pool to stakes active in {@code e} in proportion to
 * their amount; integer-division dust carries to the next epoch's fund, so supply always sums;
 * (2) the next committee is every pool with stake, shards assigned in proportion to stake
 * (largest remainder, ties by pool id), as contiguous ranges; (3) prices for {@code e+1} are the
 * shard-weighted vote such that pools holding ≥ 2/3 of the shards voted that price or higher.
 */
final class EpochTransition {
  private final LedgerState state;
  private final RuleContext ctx;

  EpochTransition(RuleContext ctx) {
    this.state = ctx.state;
    this.ctx = ctx;
  }

  void run(SystemState sys, long nowMs) {
    int e = sys.epoch();
    String fundKey = TransactionExecutor.FUND_PREFIX + e;
    long fund = state.counter(fundKey);
    long paid = 0;
    Map<String, Long> payouts = new LinkedHashMap<>();
    long totalShards = sys.committee().stream().mapToLong(m -> m.shards().size()).sum();
    if (fund > 0 && totalShards > 0) {
      for (CommitteeMember m : sys.committee()) {
        long poolShare = mulDiv(fund, m.shards().size(), totalShards);
        List<StakedWal> stakes = new ArrayList<>();
        for (Versioned<ChainObject> v : state.ofType("StakedWal")) {
          if (v.object() instanceof StakedWal sw && sw.poolId().equals(m.poolId()) && sw.earnsIn(e)) {
            stakes.add(sw);
          }
        }
        long poolStake = stakes.stream().mapToLong(StakedWal::amount).sum();
        if (poolStake == 0) {
          continue;
        }
        for (StakedWal sw : stakes) {
          long pay = mulDiv(poolShare, sw.amount(), poolStake);
          if (pay > 0) {
            ctx.credit(sw.owner(), pay);
            payouts.merge(sw.owner(), pay, Long::sum);
            paid += pay;
          }
        }
      }
    }
    long carried = fund - paid;
    state.setCounter(fundKey, 0);
    if (carried > 0) {
      ctx.addCounter(TransactionExecutor.FUND_PREFIX + (e + 1), carried);
    }

    List<StakingPool> pools = new ArrayList<>();
    for (Versioned<ChainObject> v : state.ofType("StakingPool")) {
      if (v.object() instanceof StakingPool p && p.totalStake() > 0) {
        pools.add(p);
      }
    }
    pools.sort(Comparator.comparing(StakingPool::id));
    List<CommitteeMember> committee = assignShards(pools, sys.nShards());
    long storagePrice = sys.storagePricePerUnit();
    long writePrice = sys.writePricePerUnit();
    if (!committee.isEmpty()) {
      storagePrice = twoThirdsPrice(pools, committee, true);
      writePrice = twoThirdsPrice(pools, committee, false);
    }
    SystemState next = new SystemState(sys.id(), e + 1, nowMs, sys.epochLengthMs(), storagePrice, writePrice,
        sys.nShards(), sys.maxEpochsAhead(), committee);
    long v = ctx.update(next);
    List<Map<String, Object>> members = new ArrayList<>();
    for (CommitteeMember m : committee) {
      members.add(EventBodies.of("poolId", m.poolId(), "nodeAddress", m.nodeAddress(), "shards", m.shards().size()));
    }
    List<Map<String, Object>> rewards = new ArrayList<>();
    payouts.forEach((addr, amt) -> rewards.add(EventBodies.of("address", addr, "amountFrost", amt)));
    ctx.event("EpochAdvanced", sys.id(), v, EventBodies.of("epoch", e + 1, "previousEpoch", e,
        "storagePricePerUnit", storagePrice, "writePricePerUnit", writePrice, "committee", members,
        "storageFeesPaidFrost", paid, "carriedFrost", carried, "rewards", rewards));
  }

  static long mulDiv(long a, long b, long c) {
    return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
  }

  /** Shards in proportion to stake by the largest-remainder method; contiguous index ranges. */
  static List<CommitteeMember> assignShards(List<StakingPool> pools, int nShards) {
    List<CommitteeMember> out = new ArrayList<>();
    if (pools.isEmpty()) {
      return out;
    }
    BigInteger total = BigInteger.ZERO;
    for (StakingPool p : pools) {
      total = total.add(BigInteger.valueOf(p.totalStake()));
    }
    int[] counts = new int[pools.size()];
    BigInteger[] rem = new BigInteger[pools.size()];
    int assigned = 0;
    for (int i = 0; i < pools.size(); i++) {
      BigInteger[] qr = BigInteger.valueOf(p(pools, i)).multiply(BigInteger.valueOf(nShards)).divideAndRemainder(total);
      counts[i] = qr[0].intValueExact();
      rem[i] = qr[1];
      assigned += counts[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < pools.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> rem[b].compareTo(rem[a]) != 0 ? rem[b].compareTo(rem[a]) : Integer.compare(a, b));
    for (int j = 0; assigned < nShards; j = (j + 1) % order.size()) {
      counts[order.get(j)]++;
      assigned++;
    }
    int next = 0;
    for (int i = 0; i < pools.size(); i++) {
      if (counts[i] == 0) {
        continue;
      }
      List<Integer> shards = new ArrayList<>(counts[i]);
      for (int s = 0; s < counts[i]; s++) {
        shards.add(next++);
      }
      StakingPool p = pools.get(i);
      out.add(new CommitteeMember(p.id(), p.owner(), p.blsPublicKey(), shards));
    }
    return out;
  }

  private static long p(List<StakingPool> pools, int i) {
    return pools.get(i).totalStake();
  }

  /** Highest price such that members holding ≥ 2/3 of the shards voted that price or more. */
  static long twoThirdsPrice(List<StakingPool> pools, List<CommitteeMember> committee, boolean storage) {
    record Vote(long price, long weight) {}
    Map<String, StakingPool> byId = new LinkedHashMap<>();
    pools.forEach(p -> byId.put(p.id(), p));
    List<Vote> votes = new ArrayList<>();
    long total = 0;
    for (CommitteeMember m : committee) {
      StakingPool p = byId.get(m.poolId());
      votes.add(new Vote(storage ? p.storagePriceVote() : p.writePriceVote(), m.shards().size()));
      total += m.shards().size();
    }
    votes.sort(Comparator.comparingLong(Vote::price).reversed());
    long acc = 0;
    for (Vote v : votes) {
      acc += v.weight();
      if (3 * acc >= 2 * total) {
        return v.price();
      }
    }
    return votes.get(votes.size() - 1).price();
  }
}
