package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.application.CatalogService;
import dev.haulout.marketplace.application.PurchaseService;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** Quotes, purchases and the library. Each operation delegates to one application method. */
@GraphQLApi
public class PurchaseGraphQL {
  private final PurchaseService purchases;
  private final CatalogService catalog;
  private final ViewerResolver viewer;

  public PurchaseGraphQL(PurchaseService purchases, CatalogService catalog, ViewerResolver viewer) {
    this.purchases = purchases;
    this.catalog = catalog;
    this.viewer = viewer;
  }

  @Query("quote")
  @Description("A signed quote for buying or renting a listing (periods: rent periods, 1 for BUY), valid 5 minutes.")
  public Uni<@NonNull QuoteView> quote(@Name("listingId") @NonNull String listingId,
      @Name("kind") @NonNull QuoteKind kind, @Name("periods") Long periods) {
    return GraphQLErrors.translated(purchases.quote(viewer.current(), listingId, kind.toQuote(), periods).map(QuoteView::of));
  }

  @Mutation("purchase")
  @Description("Pays a quote with the managed wallet. The same idempotencyKey returns the same purchase, charged once.")
  public Uni<@NonNull PurchaseView> purchase(@Name("quote") @NonNull String quote,
      @Name("idempotencyKey") @NonNull String idempotencyKey) {
    return GraphQLErrors.translated(purchases.purchase(viewer.current(), quote, idempotencyKey).map(PurchaseView::of));
  }

  @Description("What the caller bought or rented, newest first, with receipts.")
  public Uni<@NonNull List<@NonNull PurchaseView>> library(@Source MeView me) {
    return GraphQLErrors.translated(purchases.library(viewer.current())
        .map(ps -> ps.stream().map(PurchaseView::of).toList()));
  }

  @Description("The listing bought or rented, as the catalog shows it now (delisted ones included);"
      + " null while the catalog has not yet applied the ledger's event.")
  public Uni<ListingView> listing(@Source PurchaseView purchase) {
    return GraphQLErrors.translated(catalog.get(purchase.listingId()).map(l -> l == null ? null : ListingView.of(l)));
  }
}
