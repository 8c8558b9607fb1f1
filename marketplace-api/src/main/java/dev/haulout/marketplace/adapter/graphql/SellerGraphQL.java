package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.application.SellerService;
import dev.haulout.marketplace.application.SellerService.PriceChange;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A seller's price changes and delisting. Each operation delegates to one application method. */
@GraphQLApi
public class SellerGraphQL {
  private final SellerService sellers;
  private final ViewerResolver viewer;

  public SellerGraphQL(SellerService sellers, ViewerResolver viewer) {
    this.sellers = sellers;
    this.viewer = viewer;
  }

  @Mutation("updateListingPrice")
  @Description("New prices for the caller's listing (WAL decimals; rentPeriod 30d, 12h or P30D); an argument left out "
      + "keeps its term; buy and rent both 0, or free: true, make it free. Signed by the caller's managed wallet.")
  public Uni<@NonNull ListingChangeView> updateListingPrice(@Name("listingId") @NonNull String listingId,
      @Name("buyPriceWal") String buyPriceWal, @Name("rentPriceWal") String rentPriceWal,
      @Name("rentPeriod") String rentPeriod, @Name("free") Boolean free) {
    return GraphQLErrors.translated(sellers.updatePrice(viewer.current(), listingId,
        new PriceChange(buyPriceWal, rentPriceWal, rentPeriod, free)).map(ListingChangeView::of));
  }

  @Mutation("delistListing")
  @Description("Delists the caller's listing: no new sales, out of search; passes and rentals already sold keep reading.")
  public Uni<@NonNull ListingChangeView> delistListing(@Name("listingId") @NonNull String listingId) {
    return GraphQLErrors.translated(sellers.delist(viewer.current(), listingId).map(ListingChangeView::of));
  }
}
