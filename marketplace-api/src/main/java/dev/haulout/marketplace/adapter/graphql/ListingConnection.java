package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.domain.ListingPage;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Relay-style connection of listings. */
@Type("ListingConnection")
public record ListingConnection(
    @NonNull List<@NonNull ListingEdge> edges, @NonNull PageInfo pageInfo, @NonNull Long totalCount) {

  @Type("ListingEdge")
  public record ListingEdge(@NonNull String cursor, @NonNull ListingView node) {}

  @Type("PageInfo")
  public record PageInfo(
      @NonNull Boolean hasNextPage, @NonNull Boolean hasPreviousPage, String startCursor, String endCursor) {}

  static ListingConnection of(ListingPage page, boolean hasPrevious) {
    List<ListingEdge> edges = page.hits().stream()
        .map(h -> new ListingEdge(h.cursor().encode(), ListingView.of(h.listing())))
        .toList();
    return new ListingConnection(
        edges,
        new PageInfo(page.hasNextPage(), hasPrevious,
            edges.isEmpty() ? null : edges.get(0).cursor(),
            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
        page.totalCount());
  }
}
