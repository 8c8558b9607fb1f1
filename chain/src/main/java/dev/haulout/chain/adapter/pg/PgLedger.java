package dev.haulout.chain.adapter.pg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.chain.AccessDecision;
import dev.haulout.chain.ChainAudit;
import dev.haulout.chain.ChainEvent;
import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.SignedTransaction;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.chain.adapter.json.LedgerJson;
import dev.haulout.wire.Blake2b256;
import dev.haulout.wire.Hex;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.crypto.SuiSignatures;
import dev.haulout.chain.engine.AccessPolicy;
import dev.haulout.chain.engine.CertificateVerifier;
import dev.haulout.chain.engine.Effects;
import dev.haulout.chain.engine.TransactionExecutor;
import dev.haulout.chain.model.ListingLimits;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.KeyServer;
import dev.haulout.chain.model.SystemState;
import dev.haulout.chain.model.Versioned;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The embedded localnet: the {@link Ledger} port over PostgreSQL. Each transaction is one
 * database transaction that first locks the single {@code chain_head} row, so commits are totally
 * ordered (the sequencer), gap-free in {@code seq}, and hash-chained:
 * {@code hash_n = BLAKE2b-256(hash_{n-1} ‖ u64le(n) ‖ BLAKE2b-256(tx_bytes) ‖ BLAKE2b-256(effects_json))}.
 * Signature checks and decoding happen before the lock, in parallel.
 */
public final class PgLedger implements Ledger {
  public static final String SYSTEM_SENDER = SuiAddress.ZERO.toString();
  private static final int MAX_ATTEMPTS = 5;

  private final ConnectionPool pool;
  private final String s;
  private final LedgerConfig config;
  private final Clock clock;
  private final CertificateVerifier verifier;

  private PgLedger(PgOptions options, LedgerConfig config, Clock clock, CertificateVerifier verifier) {
    this.pool = new ConnectionPool(options);
    this.s = options.schema();
    this.config = config;
    this.clock = clock;
    this.verifier = verifier;
  }

  /** Opens (migrating the schema and creating genesis state if needed) the ledger. */
  public static PgLedger open(PgOptions options, LedgerConfig config, Clock clock, CertificateVerifier verifier) {
    PgLedger l = new PgLedger(options, config, clock, verifier);
    try {
      l.withConnection(c -> {
        try {
          Migrator.migrate(c, options.schema());
          return null;
        } catch (SQLException e) {
          throw PgErrors.translate(e);
        }
      });
      if (l.objectIfAny(SystemState.ID).isEmpty()) {
        l.commitSystem("genesis", ex -> ex.genesis(clock.millis()));
      }
      return l;
    } catch (RuntimeException e) {
      l.close();
      throw e;
    }
  }

  public static PgLedger open(PgOptions options, LedgerConfig config) {
    return open(options, config, Clock.systemUTC(), BlsCertificates.verifier());
  }

  public LedgerConfig config() {
    return config;
  }

  // ------------------------------------------------------------------ writes

  @Override
  public TxReceipt submit(SignedTransaction st) {
    byte[] bytes = st.txBytes();
    TransactionData tx;
    try {
      tx = TxCodec.decode(bytes);
    } catch (IllegalArgumentException e) {
      throw new LedgerException(ErrorCode.MALFORMED_TRANSACTION, e.getMessage());
    }
    if (st.signature() == null
        || !SuiSignatures.verifyTransaction(bytes, st.signature(), SuiAddress.parse(tx.sender()))) {
      throw new LedgerException(ErrorCode.INVALID_SIGNATURE, "signature is not the sender's over these bytes");
    }
    if (tx.expirationMs() != 0 && clock.millis() > tx.expirationMs()) {
      throw new LedgerException(ErrorCode.TRANSACTION_EXPIRED, "transaction expired at " + tx.expirationMs());
    }
    String digest = Transactions.digest(bytes);
    return commit(digest, tx.sender(), tx.nonce(), tx.kind().getClass().getSimpleName(), bytes, st.signature(),
        ex -> ex.execute(tx));
  }

  @Override
  public TxReceipt faucet(SuiAddress to, long amountFrost) {
    if (!config.faucetEnabled()) {
      throw new LedgerException(ErrorCode.FAUCET_DISABLED, "faucet is disabled on this ledger");
    }
    return commitSystem("faucet:" + to + ":" + amountFrost, ex -> ex.faucet(to.toString(), amountFrost));
  }

  @Override
  public TxReceipt advanceEpoch() {
    return commitSystem("advanceEpoch", TransactionExecutor::advanceEpoch);
  }

  /** Advances the epoch if its configured length has elapsed; returns whether it did. */
  public boolean advanceEpochIfDue() {
    SystemState sys = systemState();
    if (clock.millis() < sys.epochStartMs() + sys.epochLengthMs()) {
      return false;
    }
    return commitSystem("advanceEpoch", TransactionExecutor::advanceEpochIfDue) != null;
  }

  private TxReceipt commitSystem(String what, Function<TransactionExecutor, Effects> body) {
    byte[] descriptor = ("system:" + what + ":" + clock.millis() + ":" + UUID.randomUUID())
        .getBytes(StandardCharsets.UTF_8);
    return commit(Transactions.digest(descriptor), SYSTEM_SENDER, null, "System:" + what.split(":")[0], descriptor,
        null, body);
  }

  private TxReceipt commit(String digest, String sender, Long nonce, String kind, byte[] bytes, String signature,
      Function<TransactionExecutor, Effects> body) {
    for (int attempt = 1; ; attempt++) {
      try {
        return withConnection(c -> commitOnce(c, digest, sender, nonce, kind, bytes, signature, body));
      } catch (LedgerException e) {
        if (e.code() != ErrorCode.CONFLICT_RETRY_EXHAUSTED || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private TxReceipt commitOnce(Connection c, String digest, String sender, Long nonce, String kind, byte[] bytes,
      String signature, Function<TransactionExecutor, Effects> body) {
    try {
      c.setAutoCommit(false);
      boolean ok = false;
      try {
        long txSeq;
        long eventSeq;
        byte[] prevHash;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tx_seq, event_seq, head_hash FROM " + s + ".chain_head WHERE id = 1 FOR UPDATE")) {
          rs.next();
          txSeq = rs.getLong(1);
          eventSeq = rs.getLong(2);
          prevHash = rs.getBytes(3);
        }
        if (nonce != null) {
          rejectReplay(c, digest, sender, nonce);
        }
        long now = clock.millis();
        PgLedgerState state = new PgLedgerState(c, s, true);
        Effects fx = body.apply(new TransactionExecutor(state, config, verifier, digest, now));
        if (nonce == null && fx.events().isEmpty()) {
          return null; // a system operation with nothing to do records nothing (rolled back below)
        }
        long seq = txSeq + 1;
        List<ChainEvent> events = new ArrayList<>();
        for (Effects.PendingEvent pe : fx.events()) {
          events.add(new ChainEvent(++eventSeq, pe.type(), pe.objectId(), pe.version(), digest, now, pe.body()));
        }
        ObjectNode effects = LedgerJson.MAPPER.createObjectNode();
        effects.set("created", LedgerJson.MAPPER.valueToTree(fx.created()));
        effects.set("mutated", LedgerJson.MAPPER.valueToTree(fx.mutated()));
        ArrayNode evs = effects.putArray("events");
        for (ChainEvent e : events) {
          ObjectNode env = LedgerJson.envelope(e);
          int size = env.toString().getBytes(StandardCharsets.UTF_8).length; // exactly the stored payload
          if (size > ListingLimits.MAX_EVENT_BYTES) {
            throw new LedgerException(ErrorCode.EVENT_TOO_LARGE, e.type() + " event would be " + size
                + " bytes, at most " + ListingLimits.MAX_EVENT_BYTES);
          }
          evs.add(env);
        }
        String effectsJson = LedgerJson.write(effects);
        byte[] hash = chainHash(prevHash, seq, bytes, effectsJson);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + s + ".transactions (seq, digest, sender, nonce, "
            + "kind, tx_bytes, signature, timestamp_ms, effects, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
          ps.setLong(1, seq);
          ps.setString(2, digest);
          ps.setString(3, sender);
          if (nonce == null) {
            ps.setNull(4, java.sql.Types.BIGINT);
          } else {
            ps.setLong(4, nonce);
          }
          ps.setString(5, kind);
          ps.setBytes(6, bytes);
          ps.setString(7, signature);
          ps.setLong(8, now);
          ps.setString(9, effectsJson);
          ps.setBytes(10, prevHash);
          ps.setBytes(11, hash);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + s + ".events (seq, tx_seq, type, object_id, payload) VALUES (?,?,?,?,?)")) {
          for (int i = 0; i < events.size(); i++) {
            ChainEvent e = events.get(i);
            ps.setLong(1, e.seq());
            ps.setLong(2, seq);
            ps.setString(3, e.type());
            ps.setString(4, e.objectId());
            ps.setString(5, evs.get(i).toString());
            ps.addBatch();
          }
          ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + s + ".chain_head SET tx_seq = ?, event_seq = ?, head_hash = ? WHERE id = 1")) {
          ps.setLong(1, seq);
          ps.setLong(2, eventSeq);
          ps.setBytes(3, hash);
          ps.executeUpdate();
        }
        c.commit();
        ok = true;
        return new TxReceipt(digest, seq, now, fx.created(), fx.mutated(), events, Hex.encode(hash));
      } finally {
        if (!ok) {
          c.rollback();
        }
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw PgErrors.translate(e);
    }
  }

  private void rejectReplay(Connection c, String digest, String sender, long nonce) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT digest FROM " + s + ".transactions WHERE digest = ? OR (sender = ? AND nonce = ?)")) {
      ps.setString(1, digest);
      ps.setString(2, sender);
      ps.setLong(3, nonce);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          if (rs.getString(1).equals(digest)) {
            throw new LedgerException(ErrorCode.TX_ALREADY_EXECUTED, "transaction " + digest + " was already executed");
          }
          throw new LedgerException(ErrorCode.NONCE_ALREADY_USED,
              "nonce " + Long.toUnsignedString(nonce) + " already used by " + sender + " in " + rs.getString(1));
        }
      }
    }
  }

  static byte[] chainHash(byte[] prev, long seq, byte[] txBytes, String effectsJson) {
    byte[] seqLe = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(seq).array();
    return Blake2b256.hash(prev, seqLe, Blake2b256.hash(txBytes),
        Blake2b256.hash(effectsJson.getBytes(StandardCharsets.UTF_8)));
  }

  // ------------------------------------------------------------------ reads

  @Override
  public Optional<TxReceipt> transaction(String digest) {
    return withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT seq, timestamp_ms, effects, hash FROM " + s
          + ".transactions WHERE digest = ?")) {
        ps.setString(1, digest);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          com.fasterxml.jackson.databind.JsonNode fx = LedgerJson.tree(rs.getString(3));
          List<String> created = new ArrayList<>();
          fx.get("created").forEach(n -> created.add(n.asText()));
          List<String> mutated = new ArrayList<>();
          fx.get("mutated").forEach(n -> mutated.add(n.asText()));
          List<ChainEvent> events = new ArrayList<>();
          fx.get("events").forEach(n -> events.add(LedgerJson.parseEnvelope(n)));
          return Optional.of(new TxReceipt(digest, rs.getLong(1), rs.getLong(2), created, mutated, events,
              Hex.encode(rs.getBytes(4))));
        }
      } catch (SQLException e) {
        throw PgErrors.translate(e);
      }
    });
  }

  @Override
  public long balance(SuiAddress owner) {
    return withConnection(c -> new PgLedgerState(c, s, false).balance(owner.toString()));
  }

  @Override
  public Optional<Versioned<ChainObject>> object(String objectId) {
    String id;
    try {
      id = SuiAddress.parse(objectId).toString();
    } catch (IllegalArgumentException e) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
    }
    return objectIfAny(id);
  }

  private Optional<Versioned<ChainObject>> objectIfAny(String id) {
    return withConnection(c -> new PgLedgerState(c, s, false).object(id));
  }

  @Override
  public List<Versioned<ChainObject>> ownedObjects(SuiAddress owner, String type) {
    return withConnection(c -> new PgLedgerState(c, s, false).ownedBy(owner.toString(), type));
  }

  @Override
  public List<Versioned<ChainObject>> blobsByBlobId(String blobId) {
    return withConnection(c -> new PgLedgerState(c, s, false).byBlobId(blobId));
  }

  @Override
  public List<KeyServer> keyServers() {
    return withConnection(c -> new PgLedgerState(c, s, false).ofType("KeyServer").stream()
        .map(v -> (KeyServer) v.object()).toList());
  }

  @Override
  public AccessDecision evaluateAccess(byte[] identity, SuiAddress requester, Instant now) {
    return withConnection(c -> AccessPolicy.evaluate(new PgLedgerState(c, s, false), identity, requester, now));
  }

  @Override
  public List<ChainEvent> events(long afterSeq, int limit) {
    int lim = Math.max(1, Math.min(limit, 1000));
    return withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM " + s + ".events WHERE seq > ? ORDER BY seq LIMIT ?")) {
        ps.setLong(1, afterSeq);
        ps.setInt(2, lim);
        List<ChainEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(LedgerJson.parseEnvelope(LedgerJson.tree(rs.getString(1))));
          }
        }
        return out;
      } catch (SQLException e) {
        throw PgErrors.translate(e);
      }
    });
  }

  @Override
  public SystemState systemState() {
    return (SystemState) objectIfAny(SystemState.ID)
        .orElseThrow(() -> new LedgerException(ErrorCode.INTERNAL, "system object missing")).object();
  }

  @Override
  public ChainAudit audit() {
    return withConnection(c -> {
      try {
        byte[] running = new byte[32];
        long n = 0;
        String bad = null;
        try (Statement st = c.createStatement()) {
          st.setFetchSize(500);
          c.setAutoCommit(false);
          try (ResultSet rs = st.executeQuery("SELECT seq, digest, tx_bytes, effects, prev_hash, hash FROM " + s
              + ".transactions ORDER BY seq")) {
            while (rs.next()) {
              long seq = rs.getLong(1);
              byte[] bytes = rs.getBytes(3);
              byte[] expect = chainHash(running, seq, bytes, rs.getString(4));
              boolean good = seq == n + 1 && Arrays.equals(running, rs.getBytes(5)) && Arrays.equals(expect, rs.getBytes(6))
                  && Transactions.digest(bytes).equals(rs.getString(2));
              if (!good && bad == null) {
                bad = rs.getString(2);
              }
              running = rs.getBytes(6);
              n = seq;
            }
          } finally {
            c.commit();
            c.setAutoCommit(true);
          }
        }
        byte[] head;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT head_hash, tx_seq FROM " + s + ".chain_head WHERE id = 1")) {
          rs.next();
          head = rs.getBytes(1);
          if (bad == null && (!Arrays.equals(head, running) || rs.getLong(2) != n)) {
            bad = "chain_head";
          }
        }
        long minted = scalar(c, "SELECT coalesce(sum(value),0) FROM " + s + ".counters WHERE name = '" + TransactionExecutor.MINTED + "'");
        long balances = scalar(c, "SELECT coalesce(sum(balance),0) FROM " + s + ".accounts");
        long staked = scalar(c, "SELECT coalesce(sum((data::jsonb->>'amount')::bigint),0) FROM " + s + ".objects WHERE type = 'StakedWal'");
        long funds = scalar(c, "SELECT coalesce(sum(value),0) FROM " + s + ".counters WHERE name LIKE '" + TransactionExecutor.FUND_PREFIX + "%'");
        return new ChainAudit(n, Hex.encode(head), bad == null, bad, minted, balances, staked, funds,
            minted == balances + staked + funds);
      } catch (SQLException e) {
        throw PgErrors.translate(e);
      }
    });
  }

  private static long scalar(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private <T> T withConnection(Function<Connection, T> f) {
    Connection c = pool.borrow();
    boolean broken = false;
    try {
      return f.apply(c);
    } catch (LedgerException e) {
      broken = e.code() == ErrorCode.UNAVAILABLE || e.code() == ErrorCode.INTERNAL;
      throw e;
    } catch (RuntimeException e) {
      broken = true;
      throw e;
    } finally {
      pool.release(c, broken);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
