package dev.haulout.chain.engine;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.SystemState;
import dev.haulout.chain.model.Versioned;
import dev.haulout.chain.tx.Transactions;
import java.util.Map;
import java.util.Optional;

/**
 * What every rule of one transaction shares: the state it reads and writes, the effects it
 * collects, the ledger's configuration, the certificate check, the transaction digest (object IDs
 * are derived from it) and the clock. Every object change goes through {@link #create}/{@link
 * #update}/{@link #delete} so versions and effects stay consistent.
 */
final class RuleContext {
  final LedgerState state;
  final LedgerConfig config;
  final CertificateVerifier certificates;
  final long nowMs;
  final Effects effects = new Effects();
  private final String digest;
  private int createdCount;

  RuleContext(LedgerState state, LedgerConfig config, CertificateVerifier certificates, String digest, long nowMs) {
    this.state = state;
    this.config = config;
    this.certificates = certificates;
    this.digest = digest;
    this.nowMs = nowMs;
  }

  SystemState system() {
    return load(SystemState.ID, SystemState.class);
  }

  String newId() {
    return Transactions.objectId(digest, createdCount++);
  }

  long create(ChainObject o) {
    long v = state.put(o);
    effects.created(o.id());
    return v;
  }

  long update(ChainObject o) {
    long v = state.put(o);
    effects.mutated(o.id());
    return v;
  }

  void delete(String id) {
    state.delete(id);
    effects.mutated(id);
  }

  void event(String type, String objectId, long version, Map<String, Object> body) {
    effects.event(type, objectId, version, body);
  }

  void debit(String who, long amt) {
    long bal = state.balance(who);
    if (bal < amt) {
      throw new LedgerException(ErrorCode.INSUFFICIENT_BALANCE,
          who + " has " + bal + " FROST, needs " + amt);
    }
    state.setBalance(who, bal - amt);
  }

  void credit(String who, long amt) {
    state.setBalance(who, Amounts.addExact(state.balance(who), amt));
  }

  void addCounter(String name, long delta) {
    state.setCounter(name, Amounts.addExact(state.counter(name), delta));
  }

  Versioned<ChainObject> loadAny(String id) {
    Optional<Versioned<ChainObject>> o = state.object(id);
    return o.orElseThrow(() -> new LedgerException(ErrorCode.OBJECT_NOT_FOUND, "no object " + id));
  }

  <T extends ChainObject> T load(String id, Class<T> type) {
    ChainObject o = loadAny(id).object();
    if (!type.isInstance(o)) {
      throw new LedgerException(ErrorCode.WRONG_OBJECT_TYPE, id + " is a " + o.typeName() + ", not " + type.getSimpleName());
    }
    return type.cast(o);
  }

  static void requireOwner(String sender, ChainObject o) {
    if (!o.owner().equals(sender)) {
      throw new LedgerException(ErrorCode.NOT_OWNER, o.typeName() + " " + o.id() + " is owned by " + o.owner());
    }
  }
}
