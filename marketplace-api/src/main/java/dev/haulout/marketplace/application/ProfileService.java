package dev.haulout.marketplace.application;

import dev.haulout.marketplace.application.port.FavoriteRepository;
import dev.haulout.marketplace.application.port.ListingRepository;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.Listing;
import dev.haulout.marketplace.domain.ListingId;
import dev.haulout.marketplace.domain.Viewer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The signed-in caller: who they are and the listings they starred. */
@ApplicationScoped
public class ProfileService {
  private final FavoriteRepository favorites;
  private final ListingRepository listings;

  public ProfileService(FavoriteRepository favorites, ListingRepository listings) {
    this.favorites = favorites;
    this.listings = listings;
  }

  public Viewer me(Viewer viewer) {
    return Access.requireSignedIn(viewer);
  }

  public Uni<List<Listing>> favorites(Viewer viewer) {
    return favorites.list(Access.requireSignedIn(viewer).subject());
  }

  /** Stars a listing; fails with NOT_FOUND when the catalog does not know it. */
  public Uni<Listing> addFavorite(Viewer viewer, String listingId) {
    String subject = Access.requireSignedIn(viewer).subject();
    ListingId id = parse(listingId);
    return listings
        .findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> new CatalogException(ErrorCode.NOT_FOUND, "no listing " + id))
        .call(l -> favorites.add(subject, id));
  }

  public Uni<Boolean> removeFavorite(Viewer viewer, String listingId) {
    String subject = Access.requireSignedIn(viewer).subject();
    return favorites.remove(subject, parse(listingId));
  }

  private static ListingId parse(String id) {
    try {
      return ListingId.of(id);
    } catch (IllegalArgumentException e) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
    }
  }
}
