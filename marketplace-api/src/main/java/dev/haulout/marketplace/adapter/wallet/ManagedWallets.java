package dev.haulout.marketplace.adapter.wallet;

import dev.haulout.chain.Wal;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.crypto.SuiSignatures;
import dev.haulout.marketplace.adapter.persistence.StoreErrors;
import dev.haulout.marketplace.application.Blocking;
import dev.haulout.marketplace.application.WalletSweep;
import dev.haulout.marketplace.application.port.Chain;
import dev.haulout.marketplace.application.port.Wallets;
import dev.haulout.marketplace.config.MarketplaceConfig;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.Viewer;
import dev.haulout.wire.SuiAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * {@link Wallets} on the {@code wallet} table (V5) with the reactive PostgreSQL client, which may
 * be used from worker threads (the ledger's calls run there). A managed wallet's seed exists in
 * clear only in memory: it is sealed with the {@link KeyEncryptionKey} (associated data {@code
 * subject ‖ 0x00 ‖ address}) before the INSERT. Creation is {@code INSERT … ON CONFLICT DO NOTHING}
 * followed by a read, so concurrent first uses agree on the one row that won; funding is claimed
 * by a conditional UPDATE of {@code funded_ms}, so the faucet pays once.
 */
@ApplicationScoped
public class ManagedWallets implements Wallets {
  private static final Logger LOG = Logger.getLogger(ManagedWallets.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String KEK_FILE = "wallet-kek";

  private final Pool pool;
  private final Chain chain;
  private final MarketplaceConfig config;
  private final Clock clock;
  private volatile KeyEncryptionKey kek;

  public ManagedWallets(Pool pool, Chain chain, MarketplaceConfig config) {
    this.pool = pool;
    this.chain = chain;
    this.config = config;
    this.clock = Clock.systemUTC();
  }

  @Override
  public Uni<Wallet> walletOf(Viewer viewer) {
    String subject = requireSubject(viewer);
    return StoreErrors.translate(row(subject).map(row -> toWallet(subject, row)));
  }

  @Override
  public Uni<Wallet> managedWalletOf(Viewer viewer) {
    String subject = requireSubject(viewer);
    return StoreErrors.translate(row(subject).map(row -> managed(subject, row)));
  }

  /** The subject's row, created (and on the localnet funded) on first use. */
  private Uni<Row> row(String subject) {
    return select(subject)
        .flatMap(row -> row != null ? Uni.createFrom().item(row) : create(subject))
        .flatMap(row -> fundIfNeeded(row).replaceWith(row));
  }

  @Override
  public Uni<String> challenge(Viewer viewer) {
    String subject = requireSubject(viewer);
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    Instant expires = clock.instant().plus(config.wallet().challengeTtl());
    String message = "Haulout asks you to link this Sui address to your account.\n"
        + "Account: " + subject + "\n"
        + "Nonce: " + HexFormat.of().formatHex(nonce) + "\n"
        + "Expires: " + expires + "\n";
    return StoreErrors.translate(pool.preparedQuery(
            "INSERT INTO wallet_challenge (subject, message, expires_ms) VALUES ($1, $2, $3)"
                + " ON CONFLICT (subject) DO UPDATE SET message = EXCLUDED.message, expires_ms = EXCLUDED.expires_ms")
        .execute(Tuple.of(subject, message, expires.toEpochMilli()))
        .replaceWith(message));
  }

  @Override
  public Uni<Wallet> link(Viewer viewer, SuiAddress address, String signature) {
    String subject = requireSubject(viewer);
    long now = clock.millis();
    // The challenge is consumed whatever the outcome: one signature attempt per challenge.
    return StoreErrors.translate(pool.preparedQuery(
            "DELETE FROM wallet_challenge WHERE subject = $1 RETURNING message, expires_ms")
        .execute(Tuple.of(subject))
        .map(rows -> {
          Row r = first(rows);
          if (r == null || r.getLong("expires_ms") <= now) {
            throw new CatalogException(ErrorCode.CHALLENGE_EXPIRED,
                "no current wallet challenge: ask walletChallenge for one and sign it within its validity");
          }
          byte[] message = r.getString("message").getBytes(StandardCharsets.UTF_8);
          if (signature == null || !SuiSignatures.verifyPersonalMessage(message, signature, address)) {
            throw new CatalogException(ErrorCode.INVALID_SIGNATURE,
                "the signature is not a Sui personal-message signature of the challenge by " + address);
          }
          return r;
        })
        .flatMap(ok -> row(subject))
        // the managed wallet is emptied into the proven address before the link is stored, so a
        // failed sweep links nothing and the next attempt sweeps again
        .flatMap(row -> Blocking.call(() -> WalletSweep.sweep(chain.ledger(), managed(subject, row).signer(), address)))
        .flatMap(swept -> pool.preparedQuery("UPDATE wallet SET linked_address = $2, linked_ms = $3 WHERE subject = $1")
            .execute(Tuple.of(subject, address.toString(), now))
            .invoke(done -> LOG.infof("wallet of %s linked to %s (moved %d FROST and %d passes from the managed wallet)",
                subject, address, swept.frost(), swept.passes().size())))
        .map(done -> new Wallet(subject, address, false, null)));
  }

  private Uni<Row> select(String subject) {
    return pool.preparedQuery(
            "SELECT managed_address, seed_sealed, kek_id, linked_address, funded_ms FROM wallet WHERE subject = $1")
        .execute(Tuple.of(subject))
        .map(ManagedWallets::first);
  }

  private Uni<Row> create(String subject) {
    KeyEncryptionKey k = kek();
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    byte[] seed = key.privateKey();
    byte[] sealed;
    try {
      sealed = k.seal(seed, aad(subject, key.address().toString()));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
    return pool.preparedQuery("INSERT INTO wallet (subject, managed_address, seed_sealed, kek_id, created_ms)"
            + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (subject) DO NOTHING")
        .execute(Tuple.of(subject, key.address().toString(), io.vertx.core.buffer.Buffer.buffer(sealed), k.id(), clock.millis()))
        .invoke(rows -> {
          if (rows.rowCount() == 1) {
            LOG.infof("managed wallet %s created for %s", key.address(), subject);
          }
        })
        .flatMap(rows -> select(subject));
  }

  /** On the localnet, pays the faucet's WAL to a managed wallet not yet funded; once per wallet. */
  private Uni<Void> fundIfNeeded(Row row) {
    long wal = config.wallet().faucetWal();
    if (row.getLong("funded_ms") != null || wal <= 0 || !chain.localnet()) {
      return Uni.createFrom().voidItem();
    }
    String address = row.getString("managed_address");
    return pool.preparedQuery("UPDATE wallet SET funded_ms = $2 WHERE managed_address = $1 AND funded_ms IS NULL")
        .execute(Tuple.of(address, clock.millis()))
        .flatMap(rows -> rows.rowCount() == 0
            ? Uni.createFrom().voidItem()
            : Blocking.call(() -> chain.ledger().faucet(SuiAddress.parse(address), Math.multiplyExact(wal, Wal.FROST_PER_WAL)))
                .replaceWithVoid()
                .onFailure().call(e -> {
                  LOG.warnf("faucet funding of %s failed (%s); retried on next use", address, e.getMessage());
                  return pool.preparedQuery("UPDATE wallet SET funded_ms = NULL WHERE managed_address = $1")
                      .execute(Tuple.of(address));
                })
                .onFailure().transform(e -> new CatalogException(ErrorCode.UNAVAILABLE,
                    "the new wallet could not be funded from the faucet; retry later", e)));
  }

  private Wallet toWallet(String subject, Row row) {
    String linked = row.getString("linked_address");
    if (linked != null) {
      return new Wallet(subject, SuiAddress.parse(linked), false, null);
    }
    return managed(subject, row);
  }

  /** The managed wallet of the row, its seed opened with the KEK, whether or not an address is linked. */
  private Wallet managed(String subject, Row row) {
    String address = row.getString("managed_address");
    KeyEncryptionKey k = kek();
    if (!k.id().equals(row.getString("kek_id"))) {
      LOG.errorf("managed wallet of %s was sealed under key-encryption key %s, configured is %s",
          subject, row.getString("kek_id"), k.id());
      throw new CatalogException(ErrorCode.UNAVAILABLE, "the wallet cannot be opened with the configured key");
    }
    byte[] seed = k.open(row.getBuffer("seed_sealed").getBytes(), aad(subject, address));
    try {
      Ed25519KeyPair key = Ed25519KeyPair.fromSeed(seed);
      if (!key.address().toString().equals(address)) {
        throw new CatalogException(ErrorCode.INTERNAL, "managed wallet key does not match its address");
      }
      return new Wallet(subject, key.address(), true, key);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** The KEK: configured, or on the embedded default generated once into the state directory. */
  KeyEncryptionKey kek() {
    KeyEncryptionKey k = kek;
    if (k != null) {
      return k;
    }
    synchronized (this) {
      if (kek == null) {
        var configured = config.wallet().kek();
        if (configured.isPresent() && !configured.get().isBlank()) {
          kek = KeyEncryptionKey.fromBase64(configured.get());
        } else if (config.embedded().enabled()) {
          Path file = Path.of(config.embedded().stateDir(), KEK_FILE);
          try {
            kek = KeyEncryptionKey.loadOrCreate(file);
          } catch (IOException e) {
            throw new CatalogException(ErrorCode.UNAVAILABLE, "the wallet key-encryption key cannot be read", e);
          }
          LOG.infof("wallet key-encryption key %s from %s", kek.id(), file);
        } else {
          throw new CatalogException(ErrorCode.UNAVAILABLE,
              "managed wallets are not configured (haulout.wallet.kek is unset)");
        }
      }
      return kek;
    }
  }

  static byte[] aad(String subject, String address) {
    return (subject + "\u0000" + address).getBytes(StandardCharsets.UTF_8);
  }

  private static String requireSubject(Viewer viewer) {
    if (viewer == null) {
      throw new CatalogException(ErrorCode.UNAUTHENTICATED, "sign in (a bearer token) is required");
    }
    return viewer.subject();
  }

  private static Row first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? it.next() : null;
  }
}
