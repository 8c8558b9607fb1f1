package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.application.CatalogService;
import dev.haulout.marketplace.application.ProfileService;
import dev.haulout.marketplace.domain.ListingSort;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** The catalog's GraphQL surface. Each operation delegates to one application method. */
@GraphQLApi
public class CatalogGraphQL {
  private final CatalogService catalog;
  private final ProfileService profiles;
  private final ViewerResolver viewer;

  public CatalogGraphQL(CatalogService catalog, ProfileService profiles, ViewerResolver viewer) {
    this.catalog = catalog;
    this.profiles = profiles;
    this.viewer = viewer;
  }

  @Query("listings")
  @Description("Active listings matching a full-text query, tags (all required) and a buy-price range, paged by cursor.")
  public Uni<@NonNull ListingConnection> listings(
      @Name("query") String query,
      @Name("tags") List<String> tags,
      @Name("priceRange") PriceRangeInput priceRange,
      @Name("sort") ListingSort sort,
      @Name("first") @DefaultValue("20") Integer first,
      @Name("after") String after) {
    return GraphQLErrors.translated(catalog.search(query, tags, priceRange == null ? null : priceRange.min,
            priceRange == null ? null : priceRange.max, sort, first, after)
        .map(page -> ListingConnection.of(page, after != null && !after.isBlank())));
  }

  @Query("listing")
  @Description("One listing by its object id, delisted ones included; null if unknown.")
  public Uni<ListingView> listing(@Name("id") @NonNull String id) {
    return GraphQLErrors.translated(catalog.get(id).map(l -> l == null ? null : ListingView.of(l)));
  }

  @Description("The listing's content revisions, oldest first.")
  public Uni<@NonNull List<@NonNull RevisionView>> revisions(@Source ListingView listing) {
    return GraphQLErrors.translated(catalog.revisions(listing.id())
        .map(rs -> rs.stream().map(RevisionView::of).toList()));
  }

  @Query("myListings")
  @Description("The caller's own listings (drafts and delisted ones included), most recently changed first. Requires a bearer token.")
  public Uni<@NonNull List<@NonNull ListingView>> myListings(@Name("first") @DefaultValue("50") Integer first) {
    return GraphQLErrors.translated(catalog.mine(viewer.current(), first)
        .map(ls -> ls.stream().map(ListingView::of).toList()));
  }

  @Query("me")
  @Description("The signed-in user or agent. Requires a bearer token.")
  public Uni<@NonNull MeView> me() {
    return GraphQLErrors.translated(Uni.createFrom().item(() -> MeView.of(profiles.me(viewer.current()))));
  }

  @Description("Listings this caller starred, newest first.")
  public Uni<@NonNull List<@NonNull ListingView>> favorites(@Source MeView me) {
    return GraphQLErrors.translated(Uni.createFrom().deferred(() -> profiles.favorites(viewer.current()))
        .map(ls -> ls.stream().map(ListingView::of).toList()));
  }

  @Query("catalogStats")
  @Description("Catalog counters. Requires the admin role.")
  public Uni<@NonNull CatalogStatsView> catalogStats() {
    return GraphQLErrors.translated(
        Uni.createFrom().deferred(() -> catalog.stats(viewer.current())).map(CatalogStatsView::of));
  }

  @Mutation("addFavorite")
  @Description("Stars a listing for the signed-in caller. Requires a bearer token.")
  public Uni<@NonNull ListingView> addFavorite(@Name("listingId") @NonNull String listingId) {
    return GraphQLErrors.translated(
        Uni.createFrom().deferred(() -> profiles.addFavorite(viewer.current(), listingId)).map(ListingView::of));
  }

  @Mutation("removeFavorite")
  @Description("Unstars a listing; false if it was not starred. Requires a bearer token.")
  public Uni<@NonNull Boolean> removeFavorite(@Name("listingId") @NonNull String listingId) {
    return GraphQLErrors.translated(
        Uni.createFrom().deferred(() -> profiles.removeFavorite(viewer.current(), listingId)));
  }
}
