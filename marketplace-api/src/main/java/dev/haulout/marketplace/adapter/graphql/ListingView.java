package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.domain.Listing;
import dev.haulout.marketplace.domain.PriceTerms;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A listing as GraphQL clients see it. */
@Type("Listing")
@Description("A dataset offered on the marketplace. Prices are in FROST (1 WAL = 10^9 FROST).")
public record ListingView(
    @NonNull @Id String id,
    @NonNull @Description("On-chain object version; grows by one with every change.") Long version,
    @NonNull String title,
    @NonNull String description,
    @NonNull List<@NonNull String> tags,
    @NonNull @Description("Seller's Sui-style address") String seller,
    String license,
    Long sizeBytes,
    String format,
    String schemaSummary,
    String previewRef,
    @NonNull PriceView price,
    @Description("Walrus blob ID (base64url) of the encrypted dataset") String blobId,
    @NonNull @Description("ACTIVE or DELISTED (DRAFT only in a seller's own views)") String status,
    @NonNull @Description("ISO-8601 UTC") String createdAt,
    @NonNull @Description("ISO-8601 UTC") String updatedAt) {

  static ListingView of(Listing l) {
    return new ListingView(
        l.id().value(), l.version(), l.title(), l.description(), l.tags(), l.seller(), l.license(), l.sizeBytes(),
        l.format(), l.schemaSummary(), l.previewRef(), PriceView.of(l.terms()), l.blobId(), l.status().name(),
        l.createdAt().toString(), l.updatedAt().toString());
  }

  /** Price terms with WAL renderings for display. */
  @Type("Price")
  public record PriceView(
      Long buyPriceFrost,
      String buyPriceWal,
      Long rentPricePerPeriodFrost,
      String rentPricePerPeriodWal,
      Long rentPeriodMs,
      @NonNull Integer feeBps,
      @NonNull @Description("Offered neither for a price nor for rent: anyone takes a pass for 0.") Boolean free) {
    static PriceView of(PriceTerms t) {
      return new PriceView(
          t.buyPriceFrost(), t.buyPriceFrost() == null ? null : PriceTerms.formatWal(t.buyPriceFrost()),
          t.rentPricePerPeriodFrost(),
          t.rentPricePerPeriodFrost() == null ? null : PriceTerms.formatWal(t.rentPricePerPeriodFrost()),
          t.rentPeriodMs(), t.feeBps(), t.buyPriceFrost() == null && t.rentPricePerPeriodFrost() == null);
    }
  }
}
