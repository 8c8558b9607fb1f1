package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.chain.model.ListingSpec;
import dev.haulout.marketplace.application.SellerService.ListingChange;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A seller's change as the ledger committed it; the catalog's listing shows it at {@code version}. */
@Type("ListingChange")
public record ListingChangeView(
    @NonNull String listingId,
    @NonNull String txDigest,
    @NonNull @Description("The listing's object version after the change (Listing.version once the catalog has it)") Long version,
    @NonNull @Description("ACTIVE, DRAFT or DELISTED") String status,
    @NonNull Long buyPriceFrost,
    @NonNull Long rentPricePerPeriodFrost,
    @NonNull Long rentPeriodMs,
    @NonNull @Description("Neither a buy nor a rent price: anyone takes a pass for 0") Boolean free) {

  static ListingChangeView of(ListingChange c) {
    ListingSpec s = c.spec();
    return new ListingChangeView(c.listingId(), c.txDigest(), c.version(), c.status().name(), s.buyPriceFrost(),
        s.rentPricePerPeriodFrost(), s.rentPeriodMs(), s.isFree());
  }
}
