package dev.haulout.chain;

import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.InvalidBlobId;
import dev.haulout.chain.model.KeyServer;
import dev.haulout.chain.model.SystemState;
import dev.haulout.chain.model.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The chain port. Adapters: the embedded PostgreSQL localnet ({@code PgLedger}) and the HTTP
 * client of a ledger server ({@code HttpLedgerClient}). Object IDs and addresses are Sui-shaped
 * ({@code 0x} + 64 hex), transactions are signed with Sui's TransactionData intent, and
 * {@link #evaluateAccess} answers what a dry run of {@code seal_approve} would on Sui.
 * Every method throws {@link LedgerException} with a stable {@link ErrorCode}.
 */
public interface Ledger extends AutoCloseable {

  /** Verifies, executes and commits a signed transaction atomically; returns its effects. */
  TxReceipt submit(SignedTransaction tx);

  /** The receipt of a committed transaction by digest (e.g. after a timeout), or empty. */
  Optional<TxReceipt> transaction(String digest);

  /** WAL balance in FROST (0 for an unknown address). */
  long balance(SuiAddress owner);

  /** An object with its current version, or empty. */
  Optional<Versioned<ChainObject>> object(String objectId);

  /** Objects owned by {@code owner}; {@code type} (e.g. "AccessPass") or null for all types. */
  List<Versioned<ChainObject>> ownedObjects(SuiAddress owner, String type);

  /** Blob objects registered for a Walrus blob ID (base64url, no padding). */
  List<Versioned<ChainObject>> blobsByBlobId(String blobId);

  /**
   * The ledger's invalidation record of a Walrus blob ID (base64url, no padding), if an
   * {@code InvalidateBlobId} transaction marked it invalid; empty otherwise.
   * {@code INVALID_ARGUMENT} for a malformed blob ID. Storage nodes and clients use it to refuse
   * an invalid blob (HTTP: {@code GET /v1/blobs/{blobId}/invalid}).
   */
  default Optional<InvalidBlobId> invalidBlob(String blobId) {
    String id;
    try {
      id = InvalidBlobId.objectIdFor(blobId);
    } catch (IllegalArgumentException e) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, "invalid blob id " + blobId + ": " + e.getMessage());
    }
    return object(id).map(Versioned::object).filter(InvalidBlobId.class::isInstance).map(InvalidBlobId.class::cast);
  }

  /**
   * Every registered Seal key server ({@code RegisterKeyServer}), ordered by object id; what
   * clients build their key-server list from (HTTP: {@code GET /v1/key-servers}).
   */
  List<KeyServer> keyServers();

  /**
   * Seal policy check. {@code identity} is the inner id {@code listingId(32 B) ‖ nonce}; a full
   * id with the policy package prefix can be stripped with {@link AccessIdentity#innerId}.
   */
  AccessDecision evaluateAccess(byte[] identity, SuiAddress requester, Instant now);

  /** Committed events with {@code seq > afterSeq}, in order, at most {@code limit}. */
  List<ChainEvent> events(long afterSeq, int limit);

  SystemState systemState();

  /** Localnet only: mints WAL to {@code to} (FAUCET_DISABLED otherwise). */
  TxReceipt faucet(SuiAddress to, long amountFrost);

  /** Ends the current storage epoch: pays storage fees to nodes and delegators, forms the next committee. */
  TxReceipt advanceEpoch();

  /** Recomputes the hash chain over all committed transactions and audits WAL supply. */
  ChainAudit audit();

  @Override
  void close();
}
