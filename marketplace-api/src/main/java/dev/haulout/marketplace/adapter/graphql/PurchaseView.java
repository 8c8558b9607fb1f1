package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.domain.Purchase;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A completed purchase: the ledger transaction, the access object and the signed receipt. */
@Type("Purchase")
public record PurchaseView(
    @NonNull String listingId,
    @NonNull @Description("BUY or RENT") String kind,
    @NonNull String txDigest,
    @Description("The AccessPass or Rental object") String accessId,
    @Description("End of a rental (ms since the epoch); null for a pass") Long expiresAtMs,
    @NonNull @Description("The haulout.receipt.v1 document (JSON text)") String receipt) {

  static PurchaseView of(Purchase p) {
    return new PurchaseView(p.listingId(), p.kind(), p.txDigest(), p.accessId(), p.expiresAtMs(), p.receipt());
  }
}
