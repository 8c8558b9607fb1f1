package dev.haulout.storage.write;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.encoding.InconsistencyProof;
import dev.haulout.storage.Committee;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.StorageErrorCode;
import dev.haulout.storage.StorageException;
import dev.haulout.storage.bls.BlsSignatures;
import dev.haulout.storage.client.StorageNodeClient;
import dev.haulout.storage.node.SignedConfirmation;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of Walrus {@code invalidate_blob_id}: given an inconsistency proof (from
 * {@code InconsistentBlobException}), asks the committee's nodes for their signed invalid-blob
 * attestations ({@code POST …/inconsistencyProof/{type}}), verifies each (exact
 * {@code InvalidBlobIdMsg} of the current epoch, BLS under the member's registered key), and once
 * the signers' shards {@code w} satisfy {@code 3w ≥ n + 1} aggregates the signatures and submits
 * {@code InvalidateBlobId}, paid by {@code wallet}. Nodes are asked one after the other on the
 * calling thread (it may be a pool thread of the read path).
 */
public final class BlobInvalidator {
  private final Ledger ledger;
  private final Ed25519KeyPair wallet;
  private final HttpClient http;
  private final StorageClientOptions options;

  /** The outcome: the transaction's digest (null if the blob was already invalid) and the signers' shards. */
  public record Result(String txDigest, long signerWeight, boolean alreadyInvalid) {}

  private BlobInvalidator(Ledger ledger, Ed25519KeyPair wallet, HttpClient http, StorageClientOptions options) {
    this.ledger = ledger;
    this.wallet = wallet;
    this.http = http;
    this.options = options;
  }

  public static BlobInvalidator create(Ledger ledger, Ed25519KeyPair wallet, HttpClient http, StorageClientOptions options) {
    if (wallet == null) {
      throw new IllegalArgumentException("a wallet is needed to submit InvalidateBlobId");
    }
    return new BlobInvalidator(ledger, wallet, http, options);
  }

  /**
   * Collects, aggregates and submits. {@code BLOB_ALREADY_INVALIDATED} from the ledger (another
   * client was first) counts as success.
   *
   * @throws StorageException {@code INVALIDATION_QUORUM_NOT_REACHED} if the attesting nodes hold
   *     f shards or fewer, or the ledger's error as {@code LEDGER_…}
   */
  public Result invalidate(Committee c, BlobId id, InconsistencyProof proof) {
    List<Integer> signers = new ArrayList<>();
    List<byte[]> signatures = new ArrayList<>();
    long weight = 0;
    StorageException last = null;
    for (Committee.Member m : c.members()) {
      if (m.shards().isEmpty()) {
        continue;
      }
      try {
        SignedConfirmation a = StorageNodeClient.create(m.url(), http, options)
            .getAndVerifyInvalidBlobAttestation(id, c.epoch(), proof, m.blsPublicKey());
        signers.add(m.index());
        signatures.add(a.signature());
        weight += m.shards().size();
      } catch (StorageException e) {
        last = e;
        continue;
      }
      if (c.isAboveValidity(weight)) {
        break;
      }
    }
    if (!c.isAboveValidity(weight)) {
      throw new StorageException("UNAVAILABLE", 503, StorageErrorCode.INVALIDATION_QUORUM_NOT_REACHED, "nodes holding " + weight
          + " of " + c.nShards() + " shards attested that blob " + id + " is invalid; more than f = " + c.maxFaulty()
          + " are needed" + (last == null ? "" : " (last failure: " + last.getMessage() + ")"), null, null, last);
    }
    byte[] aggregate = BlsSignatures.aggregate(signatures);
    try {
      TxReceipt r = LedgerCalls.submit(ledger, wallet, new TxKind.InvalidateBlobId(id.toBytes(), signers, aggregate));
      return new Result(r.digest(), weight, false);
    } catch (StorageException e) {
      if (e.getCause() instanceof LedgerException le && le.code() == ErrorCode.BLOB_ALREADY_INVALIDATED) {
        return new Result(null, weight, true);
      }
      throw e;
    }
  }
}
