package dev.haulout.cli.market;

import dev.haulout.chain.ChainEvent;
import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.model.AccessPass;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.Rental;
import dev.haulout.chain.model.Versioned;
import dev.haulout.dataset.Receipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The online half of {@code verify-receipt}: the receipt's transaction is on the ledger and its
 * event names the same access object, listing, buyer and price (and expiry, for a rental); that
 * access object exists for that listing; each named blob object exists with that blob id and
 * certification epoch. A verified signature proves the marketplace said it; this proves the
 * ledger agrees.
 */
final class ReceiptLedgerCheck {
  /** What the ledger showed, for the report. */
  record Result(long checkpoint, String accessType, String accessOwner, int blobs) {}

  private ReceiptLedgerCheck() {}

  static Result check(Ledger ledger, Receipt r) {
    TxReceipt tx = call(() -> ledger.transaction(r.txDigest())).orElseThrow(() -> new CliError("RECEIPT_TX_NOT_FOUND",
        "the ledger has no transaction " + r.txDigest()));
    String type = "RENT".equals(r.kind()) ? "RentalCreated" : "AccessPassIssued";
    List<ChainEvent> events = tx.events().stream().filter(e -> e.type().equals(type)).toList();
    if (events.isEmpty()) {
      throw new CliError("RECEIPT_TX_MISMATCH", "transaction " + r.txDigest() + " issued no "
          + ("RENT".equals(r.kind()) ? "rental" : "access pass") + " (the receipt says " + r.kind() + ")");
    }
    List<String> differences = new ArrayList<>();
    for (ChainEvent e : events) {
      differences.clear();
      compare(differences, "access object", r.accessId(), e.objectId());
      compare(differences, "listing", r.listingId(), text(e.body().get("listingId")));
      compare(differences, "buyer", r.buyer(), text(e.body().get("owner")));
      compare(differences, "price", String.valueOf(r.priceFrost()), text(e.body().get("priceFrost")));
      if ("RENT".equals(r.kind())) {
        compare(differences, "expiry", r.expiresAtMs() == null ? null : String.valueOf(r.expiresAtMs()),
            text(e.body().get("expiresAtMs")));
      }
      if (differences.isEmpty()) {
        break;
      }
    }
    if (!differences.isEmpty()) {
      throw new CliError("RECEIPT_TX_MISMATCH", "transaction " + r.txDigest() + " differs from the receipt: "
          + String.join("; ", differences));
    }
    if (r.accessId() == null) {
      throw new CliError("RECEIPT_ACCESS_NOT_FOUND", "the receipt names no access object");
    }
    ChainObject access = call(() -> ledger.object(r.accessId())).map(Versioned::object).orElseThrow(() ->
        new CliError("RECEIPT_ACCESS_NOT_FOUND", "the ledger has no object " + r.accessId()));
    String accessListing;
    String owner;
    if (access instanceof AccessPass p) {
      accessListing = p.listingId();
      owner = p.owner();
    } else if (access instanceof Rental rent) {
      accessListing = rent.listingId();
      owner = rent.owner();
    } else {
      throw new CliError("RECEIPT_ACCESS_MISMATCH", r.accessId() + " is a " + access.getClass().getSimpleName()
          + ", not an access pass or rental");
    }
    if (!r.listingId().equalsIgnoreCase(accessListing)) {
      throw new CliError("RECEIPT_ACCESS_MISMATCH", r.accessId() + " grants listing " + accessListing + ", not "
          + r.listingId());
    }
    for (Receipt.BlobRef b : r.blobs()) {
      Optional<ChainObject> o = call(() -> ledger.object(b.blobObjectId())).map(Versioned::object);
      if (o.isEmpty() || !(o.get() instanceof Blob blob) || !blob.blobId().equals(b.blobId())
          || (b.certifiedEpoch() != null && !b.certifiedEpoch().equals(blob.certifiedEpoch()))) {
        throw new CliError("RECEIPT_BLOB_MISMATCH", "blob object " + b.blobObjectId() + " on the ledger is not blob "
            + b.blobId() + (b.certifiedEpoch() == null ? "" : " certified at epoch " + b.certifiedEpoch()));
      }
    }
    return new Result(tx.checkpointSeq(), access.getClass().getSimpleName(), owner, r.blobs().size());
  }

  private static void compare(List<String> out, String what, String receipt, String ledger) {
    if (receipt == null ? ledger != null : !receipt.equalsIgnoreCase(Objects.toString(ledger, ""))) {
      out.add(what + " " + ledger + " on the ledger, " + receipt + " in the receipt");
    }
  }

  private static String text(Object v) {
    if (v instanceof Number n) {
      return String.valueOf(n.longValue());
    }
    return v == null ? null : v.toString();
  }

  /** A ledger call; an unreachable ledger is {@code UNREACHABLE}, its refusals keep their code. */
  static <T> T call(java.util.function.Supplier<T> c) {
    try {
      return c.get();
    } catch (LedgerException e) {
      if (e.code() == dev.haulout.chain.ErrorCode.UNAVAILABLE) {
        throw new CliError("UNREACHABLE", e.getMessage());
      }
      throw new CliError(e.code().name(), "the ledger refused: " + e.getMessage());
    }
  }
}
