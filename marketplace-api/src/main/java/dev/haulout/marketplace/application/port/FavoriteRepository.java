package dev.haulout.marketplace.application.port;

import dev.haulout.marketplace.domain.Listing;
import dev.haulout.marketplace.domain.ListingId;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Listings a signed-in user or agent has starred. */
public interface FavoriteRepository {
  /** True if newly added; false if it was already a favorite. */
  Uni<Boolean> add(String subject, ListingId listing);

  /** True if removed; false if it was not a favorite. */
  Uni<Boolean> remove(String subject, ListingId listing);

  Uni<List<Listing>> list(String subject);
}
