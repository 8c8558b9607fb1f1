package dev.haulout.marketplace.application;

import dev.haulout.marketplace.application.port.ListingRepository;
import dev.haulout.marketplace.application.port.ListingRepository.CatalogStats;
import dev.haulout.marketplace.application.port.Wallets;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.Listing;
import dev.haulout.marketplace.domain.ListingId;
import dev.haulout.marketplace.domain.ListingRevision;
import dev.haulout.marketplace.domain.ListingStatus;
import dev.haulout.marketplace.domain.ListingPage;
import dev.haulout.marketplace.domain.ListingQuery;
import dev.haulout.marketplace.domain.ListingSort;
import dev.haulout.marketplace.domain.PageCursor;
import dev.haulout.marketplace.domain.Viewer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Browsing use cases: search, read one listing, operator statistics. */
@ApplicationScoped
public class CatalogService {
  /** Most listings {@link #mine} returns in one call. */
  public static final int MAX_MINE = 200;

  private final ListingRepository listings;
  private final Wallets wallets;

  public CatalogService(ListingRepository listings, Wallets wallets) {
    this.listings = listings;
    this.wallets = wallets;
  }

  /** Validates the raw arguments (as a client sent them) and runs the search. */
  public Uni<ListingPage> search(
      String text, List<String> tags, Long minPrice, Long maxPrice, ListingSort sort, Integer first, String after) {
    ListingQuery query;
    try {
      PageCursor cursor = after == null || after.isBlank() ? null : decodeCursor(after);
      query = new ListingQuery(text, tags, minPrice, maxPrice, sort, first == null ? ListingQuery.DEFAULT_PAGE : first, cursor);
    } catch (CatalogException e) {
      return Uni.createFrom().failure(e);
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().failure(new CatalogException(ErrorCode.INVALID_ARGUMENT, e.getMessage()));
    }
    return listings.search(query);
  }

  public Uni<Listing> get(String id) {
    ListingId listingId;
    try {
      listingId = ListingId.of(id);
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().failure(new CatalogException(ErrorCode.INVALID_ARGUMENT, e.getMessage()));
    }
    // a draft has no content yet and is nobody's to see but its seller's (through their publication)
    return listings.findById(listingId).map(l -> l == null || l.status() == ListingStatus.DRAFT ? null : l);
  }

  /** The content revisions of a visible listing, oldest first. */
  public Uni<List<ListingRevision>> revisions(String id) {
    return get(id).flatMap(l -> l == null ? Uni.createFrom().item(List.<ListingRevision>of()) : listings.revisions(l.id()));
  }

  /**
   * The caller's own listings, drafts and delisted ones included, most recently changed first: those
   * whose seller is the caller's wallet address (managed or linked).
   */
  public Uni<List<Listing>> mine(Viewer viewer, Integer first) {
    return Uni.createFrom().deferred(() -> {
      Viewer v = Access.requireSignedIn(viewer);
      int limit = first == null ? 50 : first;
      if (limit < 1 || limit > MAX_MINE) {
        throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "first must be between 1 and " + MAX_MINE);
      }
      return wallets.walletOf(v).flatMap(w -> listings.bySeller(w.address().toString(), limit));
    });
  }

  public Uni<CatalogStats> stats(Viewer viewer) {
    Access.requireRole(viewer, "admin");
    return listings.stats();
  }

  private static PageCursor decodeCursor(String after) {
    try {
      return PageCursor.decode(after);
    } catch (IllegalArgumentException e) {
      throw new CatalogException(ErrorCode.INVALID_CURSOR, "the 'after' cursor is not one this server issued");
    }
  }
}
