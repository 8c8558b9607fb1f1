package dev.haulout.chain.engine;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.tx.TxKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which rule executes each kind of user transaction: one line per {@link TxKind}, grouped by
 * domain. A new transaction kind is a record in {@code TxKind}, a static method in the rule class
 * of its domain, and one line here; {@code RuleTableTest} fails while a permitted kind has no
 * line. (Java 17 has no pattern matching for {@code switch}, so the sealed interface is dispatched
 * by its record class.)
 */
final class RuleTable {
  /** A rule for one kind: it reads and changes state through {@code ctx} and throws {@link LedgerException}. */
  @FunctionalInterface
  interface Rule<K extends TxKind> {
    void apply(RuleContext ctx, String sender, K kind);
  }

  static final RuleTable USER = new RuleTable()
      // coins and owned objects
      .on(TxKind.Transfer.class, CoinRules::transfer)
      .on(TxKind.TransferObject.class, CoinRules::transferObject)
      // listings and access
      .on(TxKind.CreateListing.class, ListingRules::create)
      .on(TxKind.UpdateListing.class, ListingRules::update)
      .on(TxKind.Delist.class, ListingRules::delist)
      .on(TxKind.AllowlistAdd.class, ListingRules::allowlistAdd)
      .on(TxKind.AllowlistRemove.class, ListingRules::allowlistRemove)
      .on(TxKind.Buy.class, ListingRules::buy)
      .on(TxKind.Rent.class, ListingRules::rent)
      .on(TxKind.ExtendRental.class, ListingRules::extend)
      // Walrus storage
      .on(TxKind.BuyStorage.class, StorageRules::buyStorage)
      .on(TxKind.RegisterBlob.class, StorageRules::registerBlob)
      .on(TxKind.CertifyBlob.class, StorageRules::certifyBlob)
      .on(TxKind.InvalidateBlobId.class, StorageRules::invalidateBlobId)
      // staking
      .on(TxKind.RegisterNode.class, StakingRules::registerNode)
      .on(TxKind.Stake.class, StakingRules::stake)
      .on(TxKind.Unstake.class, StakingRules::unstake)
      .on(TxKind.WithdrawStake.class, StakingRules::withdrawStake)
      .on(TxKind.VotePrices.class, StakingRules::votePrices)
      // Seal key servers
      .on(TxKind.RegisterKeyServer.class, KeyServerRules::register)
      .on(TxKind.UpdateKeyServer.class, KeyServerRules::update);

  private final Map<Class<? extends TxKind>, Rule<TxKind>> rules = new LinkedHashMap<>();

  private RuleTable() {}

  private <K extends TxKind> RuleTable on(Class<K> kind, Rule<K> rule) {
    if (rules.put(kind, (ctx, sender, k) -> rule.apply(ctx, sender, kind.cast(k))) != null) {
      throw new IllegalStateException("two rules for " + kind.getSimpleName());
    }
    return this;
  }

  /** The kinds that have a rule. */
  Set<Class<? extends TxKind>> kinds() {
    return rules.keySet();
  }

  void apply(RuleContext ctx, String sender, TxKind kind) {
    Rule<TxKind> rule = rules.get(kind.getClass());
    if (rule == null) {
      throw new LedgerException(ErrorCode.MALFORMED_TRANSACTION, "unsupported kind " + kind.getClass().getSimpleName());
    }
    rule.apply(ctx, sender, kind);
  }
}
